/**
 * The service end to end over real HTTP on loopback, run once per database engine: the secure-send
 * flow, every verification rule of the design, no enumeration, and bad input that must never
 * yield a 5xx.
 */
import { describe } from 'node:test';
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { decodeContent, decryptBytes, fromBase64Url, parseLink, partLabel } from '../../src/shared/crypto';
import { hmac } from '../../src/server/secrets';
import { signIn, startService, suiteService, NO_RATE_LIMITS, waitForCode, type Engine, type TestService } from '../support/service';
import { bytesAttachment, fetchPart, post, sendSample, startVerification, verify, wrongCode } from '../support/flow';

const PHONE = '+31612345678';
const JAN = { name: 'Jan Jansen', email: 'jan@client.example', method: 'sms' as const, phone: '06 1234 5678' };

export function apiSuite(engine: Engine, ready: () => Promise<boolean>) {
  describe(`service API on ${engine}`, () => {
    let svc: TestService;
    let token: string;
    let clock = Date.now();

    const it_ = suiteService(
      engine,
      ready,
      () =>
        startService(engine, {
          env: { ...NO_RATE_LIMITS, SEALPOST_MAX_PART_BYTES: String(8 * 1024 * 1024) },
          build: { now: () => clock },
        }),
      async (started) => {
        svc = started;
        token = await signIn(svc.baseUrl);
      },
    );

    async function sealedFor(recipient = JAN, attachments = [bytesAttachment('uitslag.pdf', 'application/pdf', new Uint8Array(200_000).map((_, i) => i % 251))]) {
      return sendSample(svc.baseUrl, token, [recipient], attachments);
    }

    it_('delivers a message end to end: the recipient verifies by SMS and decrypts body and attachment', async () => {
      const bytes = new Uint8Array(150_001).map((_, i) => (i * 7) % 256);
      const sent = await sealedFor(JAN, [bytesAttachment('scan.png', 'image/png', bytes)]);
      const { messageId, linkSecret } = parseLink(sent.link)!;
      assert.equal(messageId, sent.id);
      const before = (await svc.smsOutbox()).filter((e) => e.to === PHONE).length;
      const start = await startVerification(svc.baseUrl, sent.id, 'Jan@Client.example');
      assert.equal(start.status, 200);
      assert.equal(start.body.method, 'sms');
      assert.equal(start.body.destinationHint, '678');
      const code = await waitForCode(svc.smsOutbox, PHONE, before);
      const ok = await verify(svc.baseUrl, sent.id, start.body.verificationId, code);
      assert.equal(ok.status, 200);
      const km = { linkSecret, serverShare: fromBase64Url(ok.body.serverShare), messageId: sent.id };
      const part0 = await fetchPart(svc.baseUrl, sent.id, 0, ok.body.sessionToken);
      const content = decodeContent(await decryptBytes(km, partLabel(0), part0.bytes));
      assert.equal(content.subject, 'Uitslag onderzoek');
      assert.equal(content.attachments[0]!.name, 'scan.png');
      const part1 = await fetchPart(svc.baseUrl, sent.id, 1, ok.body.sessionToken);
      assert.deepEqual(await decryptBytes(km, partLabel(1), part1.bytes), bytes);
      const list = await fetch(`${svc.baseUrl}/api/messages`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.json());
      const mine = (list as { messages: { id: string; recipients: { status: string }[] }[] }).messages.find((m) => m.id === sent.id)!;
      assert.equal(mine.recipients[0]!.status, 'downloaded');
    });

    it_('sends e-mail codes to the recipient address and accepts access codes given by the sender', async () => {
      const mailSent = await sealedFor({ name: 'Els', email: 'els@client.example', method: 'email' } as never);
      const s1 = await startVerification(svc.baseUrl, mailSent.id, 'els@client.example');
      assert.equal(s1.body.destinationHint, 'e***@client.example');
      const code = await waitForCode(svc.mailOutbox, 'els@client.example');
      assert.equal((await verify(svc.baseUrl, mailSent.id, s1.body.verificationId, code)).status, 200);

      const acSent = await sealedFor({ name: 'Piet', email: 'piet@client.example', method: 'access_code' } as never);
      const accessCode = acSent.recipients[0]!.accessCode!;
      assert.match(accessCode, /^\d{6}$/);
      const s2 = await startVerification(svc.baseUrl, acSent.id, 'piet@client.example');
      assert.equal(s2.body.method, 'access_code');
      assert.equal(s2.body.destinationHint, null);
      assert.equal((await verify(svc.baseUrl, acSent.id, s2.body.verificationId, accessCode)).status, 200);
    });

    it_('makes codes of six digits that work only once', async () => {
      const sent = await sealedFor();
      const n = (await svc.smsOutbox()).filter((e) => e.to === PHONE).length;
      const s = await startVerification(svc.baseUrl, sent.id, JAN.email);
      const code = await waitForCode(svc.smsOutbox, PHONE, n);
      assert.match(code, /^\d{6}$/);
      assert.equal((await verify(svc.baseUrl, sent.id, s.body.verificationId, code)).status, 200);
      const replay = await verify(svc.baseUrl, sent.id, s.body.verificationId, code);
      assert.equal(replay.status, 401);
      assert.equal(replay.body.code, 'code_expired');
    });

    it_('refuses a code after ten minutes', async () => {
      const sent = await sealedFor();
      const n = (await svc.smsOutbox()).filter((e) => e.to === PHONE).length;
      const s = await startVerification(svc.baseUrl, sent.id, JAN.email);
      const code = await waitForCode(svc.smsOutbox, PHONE, n);
      clock += 10 * 60 * 1000 + 1;
      const late = await verify(svc.baseUrl, sent.id, s.body.verificationId, code);
      assert.equal(late.body.code, 'code_expired');
    });

    it_('allows five tries per code and then refuses even the right one', async () => {
      const sent = await sealedFor();
      const n = (await svc.smsOutbox()).filter((e) => e.to === PHONE).length;
      const s = await startVerification(svc.baseUrl, sent.id, JAN.email);
      const code = await waitForCode(svc.smsOutbox, PHONE, n);
      const left: number[] = [];
      for (let i = 0; i < 5; i++) {
        const r = await verify(svc.baseUrl, sent.id, s.body.verificationId, wrongCode(code));
        assert.equal(r.body.code, 'invalid_code');
        left.push(r.body.details!.triesLeft!);
      }
      assert.deepEqual(left, [4, 3, 2, 1, 0]);
      const sixth = await verify(svc.baseUrl, sent.id, s.body.verificationId, code);
      assert.equal(sixth.status, 401);
      assert.equal(sixth.body.code, 'code_expired');
    });

    it_('counts parallel guesses atomically: never more than five per code', async () => {
      const sent = await sealedFor();
      const s = await startVerification(svc.baseUrl, sent.id, JAN.email);
      const results = await Promise.all(Array.from({ length: 20 }, () => verify(svc.baseUrl, sent.id, s.body.verificationId, '000000')));
      const judged = results.filter((r) => r.body.code === 'invalid_code').length;
      assert.ok(judged <= 5, `${judged} guesses were judged`);
    });

    it_('locks the recipient after 100 consecutive failures until the sender re-issues', async () => {
      const sent = await sealedFor({ name: 'Piet', email: 'piet2@client.example', method: 'access_code' } as never);
      const accessCode = sent.recipients[0]!.accessCode!;
      let failures = 0;
      while (failures < 100) {
        clock += 16 * 60 * 1000; // stay clear of the per-address code window
        const s = await startVerification(svc.baseUrl, sent.id, 'piet2@client.example');
        for (let i = 0; i < 5 && failures < 100; i++, failures++) {
          const r = await verify(svc.baseUrl, sent.id, s.body.verificationId, wrongCode(accessCode));
          assert.equal(r.body.code, 'invalid_code', `failure ${failures}`);
        }
      }
      clock += 16 * 60 * 1000;
      const s = await startVerification(svc.baseUrl, sent.id, 'piet2@client.example');
      const locked = await verify(svc.baseUrl, sent.id, s.body.verificationId, accessCode);
      assert.equal(locked.status, 423);
      assert.equal(locked.body.code, 'recipient_locked');
      const unlock = await post<{ accessCode: string }>(`${svc.baseUrl}/api/messages/${sent.id}/recipients/${sent.recipients[0]!.id}/unlock`, {}, { authorization: `Bearer ${token}` });
      assert.equal(unlock.status, 200);
      assert.notEqual(unlock.body.accessCode, accessCode);
      const again = await startVerification(svc.baseUrl, sent.id, 'piet2@client.example');
      assert.equal((await verify(svc.baseUrl, sent.id, again.body.verificationId, accessCode)).body.code, 'invalid_code');
      assert.equal((await verify(svc.baseUrl, sent.id, again.body.verificationId, unlock.body.accessCode)).status, 200);
    });

    it_('keeps codes only as HMACs with the server key, and session tokens only hashed', async () => {
      const sent = await sealedFor();
      const n = (await svc.smsOutbox()).filter((e) => e.to === PHONE).length;
      const s = await startVerification(svc.baseUrl, sent.id, JAN.email);
      const code = await waitForCode(svc.smsOutbox, PHONE, n);
      const row = await svc.db.kysely.selectFrom('verifications').selectAll().where('id', '=', s.body.verificationId).executeTakeFirstOrThrow();
      assert.deepEqual(Buffer.from(row.code_hash!), hmac(svc.config.codeKey, 'code', row.id, code));
      assert.ok(!Object.values(row).some((v) => String(v).includes(code)));
      const ok = await verify(svc.baseUrl, sent.id, s.body.verificationId, code);
      assert.equal(fromBase64Url(ok.body.sessionToken).length, 32);
      const sessions = await svc.db.kysely.selectFrom('sessions').selectAll().execute();
      assert.ok(sessions.every((x) => !Buffer.from(x.token_hash).toString('base64url').includes(ok.body.sessionToken)));
      const m = await svc.db.kysely.selectFrom('messages').select('wrapped_share').where('id', '=', sent.id).executeTakeFirstOrThrow();
      assert.ok(!Buffer.from(m.wrapped_share).includes(Buffer.from(fromBase64Url(ok.body.serverShare))));
    });

    it_('creates one account when many first requests of a new sender arrive at once', async () => {
      const fresh = await signIn(svc.baseUrl, `new.${engine}@zorg.example`, 'Nieuwe Collega');
      const answers = await Promise.all(Array.from({ length: 20 }, () => fetch(`${svc.baseUrl}/api/me`, { headers: { authorization: `Bearer ${fresh}` } })));
      assert.deepEqual([...new Set(answers.map((r) => r.status))], [200]);
      const ids = new Set(await Promise.all(answers.map(async (r) => ((await r.json()) as { id: string }).id)));
      assert.equal(ids.size, 1);
      const bad = await fetch(`${svc.baseUrl}/api/me/client`, { method: 'PUT', headers: { authorization: `Bearer ${fresh}`, 'content-type': 'application/json' }, body: JSON.stringify({ browser: 'Mozilla/5.0 (Windows NT 10.0)' }) });
      assert.equal(bad.status, 400, 'only a coarse browser family is accepted, never a user-agent string');
    });

    it_('uses ids of at least 128 bits', async () => {
      const sent = await sealedFor();
      const s = await startVerification(svc.baseUrl, sent.id, JAN.email);
      for (const id of [sent.id, s.body.verificationId, sent.recipients[0]!.id]) assert.equal(fromBase64Url(id).length, 16);
    });

    it_('answers a non-recipient exactly like a recipient, sends nothing, and never lets the decoy in', async () => {
      const sent = await sealedFor();
      const smsBefore = (await svc.smsOutbox()).length;
      const real = await startVerification(svc.baseUrl, sent.id, JAN.email);
      const fake = await startVerification(svc.baseUrl, sent.id, 'mallory@evil.example');
      assert.equal(fake.status, real.status);
      assert.deepEqual(Object.keys(fake.body).sort(), Object.keys(real.body).sort());
      assert.equal(fake.body.method, 'sms');
      assert.match(fake.body.destinationHint!, /^\d{3}$/);
      await waitForCode(svc.smsOutbox, PHONE, smsBefore);
      await new Promise((r) => setTimeout(r, 100));
      assert.equal((await svc.smsOutbox()).length, smsBefore + 1, 'only the real recipient got an SMS');
      for (const guess of ['000000', '123456', '999999']) {
        const r = await verify(svc.baseUrl, sent.id, fake.body.verificationId, guess);
        assert.equal(r.body.code, 'invalid_code');
      }
    });

    it_('gives one answer for unknown, unsealed, expired and revoked messages', async () => {
      const unknown = 'AAAAAAAAAAAAAAAAAAAAAA';
      const draft = await post<{ id: string }>(`${svc.baseUrl}/api/messages`, { recipients: [JAN], parts: [{ size: 100 }] }, { authorization: `Bearer ${token}` });
      const revoked = await sealedFor();
      await post(`${svc.baseUrl}/api/messages/${revoked.id}/revoke`, {}, { authorization: `Bearer ${token}` });
      const expiring = await sendSample(svc.baseUrl, token, [JAN]);
      const answers = [];
      for (const id of [unknown, draft.body.id, revoked.id]) {
        answers.push(await fetch(`${svc.baseUrl}/api/r/${id}`).then(async (r) => [r.status, await r.json()]));
        answers.push((await startVerification(svc.baseUrl, id, JAN.email)).body);
      }
      clock += 15 * 24 * 3600 * 1000;
      answers.push(await fetch(`${svc.baseUrl}/api/r/${expiring.id}`).then(async (r) => [r.status, await r.json()]));
      answers.push((await startVerification(svc.baseUrl, expiring.id, JAN.email)).body);
      const distinct = new Set(answers.map((a) => JSON.stringify(a)));
      assert.equal(distinct.size, 2, [...distinct].join('\n'));
      assert.ok([...distinct].every((a) => a.includes('message_unavailable')));
      assert.equal(readdirSafe(join(svc.dataDir, 'blobs', revoked.id)).length, 0, 'revocation deletes the ciphertext');
    });

    it_('does not let a session read another message or survive its expiry', async () => {
      const a = await sealedFor();
      const b = await sealedFor();
      const n = (await svc.smsOutbox()).filter((e) => e.to === PHONE).length;
      const s = await startVerification(svc.baseUrl, a.id, JAN.email);
      const ok = await verify(svc.baseUrl, a.id, s.body.verificationId, await waitForCode(svc.smsOutbox, PHONE, n));
      const info = await fetch(`${svc.baseUrl}/api/r/${a.id}/session`, { headers: { authorization: `Bearer ${ok.body.sessionToken}` } });
      assert.deepEqual(((await info.json()) as { parts: unknown[] }).parts, ok.body.parts);
      assert.equal((await fetch(`${svc.baseUrl}/api/r/${b.id}/session`, { headers: { authorization: `Bearer ${ok.body.sessionToken}` } })).status, 401);
      assert.equal((await fetchPart(svc.baseUrl, b.id, 0, ok.body.sessionToken)).status, 401);
      assert.equal((await fetchPart(svc.baseUrl, a.id, 0, 'x'.repeat(43))).status, 401);
      clock += 31 * 60 * 1000;
      assert.equal((await fetchPart(svc.baseUrl, a.id, 0, ok.body.sessionToken)).status, 401);
    });

    describe('bad input', () => {
      const auth = () => ({ authorization: `Bearer ${token}` });

      it_('answers malformed JSON, wrong content types and schema violations with 4xx codes', async () => {
        const bad = await fetch(`${svc.baseUrl}/api/messages`, { method: 'POST', headers: { ...auth(), 'content-type': 'application/json' }, body: '{"recipients": [' });
        assert.equal(bad.status, 400);
        assert.equal(((await bad.json()) as { code: string }).code, 'invalid_json');
        const text = await fetch(`${svc.baseUrl}/api/messages`, { method: 'POST', headers: { ...auth(), 'content-type': 'text/plain' }, body: 'hello' });
        assert.equal(text.status, 415);
        assert.equal(((await text.json()) as { code: string }).code, 'unsupported_media_type');
        const schema = await post(`${svc.baseUrl}/api/messages`, { recipients: [{ ...JAN, phone: undefined }], parts: [{ size: 100 }] }, auth());
        assert.equal(schema.status, 400);
        assert.equal((schema.body as { code: string }).code, 'bad_request');
        const landline = await post(`${svc.baseUrl}/api/messages`, { recipients: [{ ...JAN, phone: '020 123 4567' }], parts: [{ size: 100 }] }, auth());
        assert.equal((landline.body as { code: string }).code, 'bad_request');
        const noAuth = await post(`${svc.baseUrl}/api/messages`, { recipients: [JAN], parts: [{ size: 100 }] });
        assert.equal(noAuth.status, 401);
        const forged = await post(`${svc.baseUrl}/api/messages`, { recipients: [JAN], parts: [{ size: 100 }] }, { authorization: `Bearer ${token.slice(0, -4)}AAAA` });
        assert.equal((forged.body as { code: string }).code, 'unauthenticated');
      });

      it_('refuses a part larger than allowed, larger than declared, or cut off halfway, and stores nothing', async () => {
        const tooBig = await post(`${svc.baseUrl}/api/messages`, { recipients: [JAN], parts: [{ size: 9 * 1024 * 1024 }] }, auth());
        assert.equal(tooBig.status, 413);
        const created = await post<{ id: string }>(`${svc.baseUrl}/api/messages`, { recipients: [JAN], parts: [{ size: 1000 }] }, auth());
        const id = created.body.id;
        const long = await fetch(`${svc.baseUrl}/api/messages/${id}/parts/0`, { method: 'PUT', headers: { ...auth(), 'content-type': 'application/octet-stream' }, body: new Uint8Array(1001) });
        assert.equal(long.status, 400);
        assert.equal(((await long.json()) as { code: string }).code, 'upload_size_mismatch');
        await cutOffUpload(svc.baseUrl, `/api/messages/${id}/parts/0`, token, 1000, 400);
        await new Promise((r) => setTimeout(r, 200));
        const fin = await post(`${svc.baseUrl}/api/messages/${id}/finalise`, undefined, auth());
        assert.equal(fin.status, 409);
        assert.equal((fin.body as { code: string }).code, 'upload_incomplete');
        const leftovers = readdirSafe(join(svc.dataDir, 'blobs', id));
        assert.deepEqual(leftovers, [], 'no half-written blob remains');
        if (engine === 'postgres') {
          const rows = await svc.db.kysely.selectFrom('blob_chunks').select('blob_key').where('blob_key', 'like', `%${id}%`).execute();
          assert.equal(rows.length, 0);
        }
        assert.equal((await fetch(`${svc.baseUrl}/api/r/${id}`)).status, 404, 'an unsealed message is invisible to recipients');
      });

      it_('never answers junk with a 5xx', async () => {
        const id = 'AAAAAAAAAAAAAAAAAAAAAA';
        const attempts: [string, string, string | undefined, string | undefined][] = [
          ['GET', `/api/r/${id}`, undefined, undefined],
          ['GET', '/api/r/not-an-id', undefined, undefined],
          ['GET', `/api/r/${id}/parts/0`, undefined, undefined],
          ['GET', `/api/r/${id}/parts/99999`, undefined, undefined],
          ['POST', `/api/r/${id}/verifications`, 'application/json', '{"email":"x"}'],
          ['POST', `/api/r/${id}/verifications`, 'application/json', '[]'],
          ['POST', `/api/r/${id}/verifications/${id}/verify`, 'application/json', '{"code":"12345"}'],
          ['POST', `/api/r/${id}/verifications/${id}/verify`, 'application/json', '{"code":"123456"}'],
          ['POST', `/api/messages/${id}/finalise`, undefined, undefined],
          ['PUT', `/api/messages/${id}/parts/0`, 'application/octet-stream', 'abc'],
          ['PUT', `/api/messages/${id}/parts/-1`, 'application/octet-stream', 'abc'],
          ['POST', '/api/messages', 'application/json', JSON.stringify({ recipients: [], parts: [] })],
          ['POST', '/api/messages', 'application/json', JSON.stringify({ recipients: [JAN], parts: [{ size: -5 }] })],
          ['POST', '/api/messages', 'application/json', JSON.stringify({ recipients: [JAN, JAN], parts: [{ size: 100 }] })],
          ['POST', '/api/messages', 'application/json', '"just a string"'],
          ['POST', '/api/messages', 'application/json', 'null'],
          ['POST', '/api/auth/dev/sign-in', 'application/json', '{"email":"a@b.c"}'],
          ['DELETE', '/api/messages', undefined, undefined],
          ['GET', '/api/messages/../../etc/passwd', undefined, undefined],
          ['GET', '/static/../../package.json', undefined, undefined],
        ];
        for (const [method, path, type, body] of attempts) {
          const res = await fetch(`${svc.baseUrl}${path}`, { method, headers: { ...auth(), ...(type ? { 'content-type': type } : {}) }, body });
          assert.ok(res.status >= 400 && res.status < 500, `${method} ${path} gave ${res.status}`);
          const parsed = (await res.json()) as { code: string };
          assert.equal(typeof parsed.code, 'string', `${method} ${path} has an error code`);
        }
      });
    });

    it_('serves the organisation policy, lets only an admin change it, and scans text with masked findings', async () => {
      const auth = { authorization: `Bearer ${token}` };
      const current = (await fetch(`${svc.baseUrl}/api/policy`, { headers: auth }).then((r) => r.json())) as { policy: { rules: Record<string, { action: string }> }; failClosed: boolean };
      assert.equal(current.failClosed, false);
      const changed = { ...current, failClosed: true, policy: { ...current.policy, keywords: ['projectcode zeus'] } };
      const refused = await fetch(`${svc.baseUrl}/api/policy`, { method: 'PUT', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify(changed) });
      assert.equal(refused.status, 403);
      const adminRes = await post<{ token: string }>(`${svc.baseUrl}/api/auth/dev/sign-in`, { email: 'admin@zorg.example', name: 'Admin', organisation: 'Zorggroep Test', admin: true });
      const admin = { authorization: `Bearer ${adminRes.body.token}`, 'content-type': 'application/json' };
      const saved = await fetch(`${svc.baseUrl}/api/policy`, { method: 'PUT', headers: admin, body: JSON.stringify(changed) });
      assert.equal(saved.status, 200);
      const reread = (await fetch(`${svc.baseUrl}/api/policy`, { headers: auth }).then((r) => r.json())) as typeof changed;
      assert.equal(reread.failClosed, true, 'a colleague in the same organisation sees the new settings');
      assert.deepEqual(reread.policy.keywords, ['projectcode zeus']);
      const badPattern = { ...changed, policy: { ...changed.policy, patterns: [{ name: 'Slow', regex: '(a+)+$' }] } };
      const bad = await fetch(`${svc.baseUrl}/api/policy`, { method: 'PUT', headers: admin, body: JSON.stringify(badPattern) });
      assert.equal(bad.status, 400);
      const fallback = (await fetch(`${svc.baseUrl}/api/policy/default`).then((r) => r.json())) as { failClosed: boolean };
      assert.equal(fallback.failClosed, false);

      const scan = await post<{ findings: { detector: string; preview: string }[]; decision: { action: string } }>(
        `${svc.baseUrl}/api/scan`,
        { text: 'Het BSN van de patiënt is 111222333, IBAN NL91 ABNA 0417 1643 00.', locale: 'nl' },
        auth,
      );
      assert.equal(scan.status, 200);
      const detectors = scan.body.findings.map((f) => f.detector);
      assert.ok(detectors.includes('bsn') && detectors.includes('iban'), detectors.join());
      assert.ok(scan.body.findings.every((f) => !f.preview.includes('111222333') && !f.preview.includes('0417164300')));
      assert.equal((await post(`${svc.baseUrl}/api/scan`, { text: 'x' })).status, 401);
    });

    it_('gives the add-in its start-up config and the allow-list for the classic Outlook runtime', async () => {
      const config = (await fetch(`${svc.baseUrl}/api/addin/config`).then((r) => r.json())) as { devSignIn: boolean; azure: unknown; privacyUrl: string };
      assert.equal(config.devSignIn, true);
      assert.equal(config.azure, null);
      const allowed = (await fetch(`${svc.baseUrl}/.well-known/microsoft-officeaddins-allowed.json`).then((r) => r.json())) as { allowed: string[] };
      assert.deepEqual(allowed.allowed, [`${svc.config.publicUrl}/addin/launchevent.js`]);
    });

    it_('publishes its OpenAPI document', async () => {
      const doc = (await fetch(`${svc.baseUrl}/api/openapi.json`).then((r) => r.json())) as { openapi: string; paths: Record<string, unknown> };
      assert.match(doc.openapi, /^3\./);
      for (const p of ['/api/messages', '/api/r/{id}/verifications', '/api/r/{id}/verifications/{verificationId}/verify']) assert.ok(doc.paths[p], p);
    });

    it_('reports health and readiness', async () => {
      assert.equal((await fetch(`${svc.baseUrl}/healthz`)).status, 200);
      assert.equal((await fetch(`${svc.baseUrl}/readyz`)).status, 200);
    });

    it_('keeps codes, phone numbers, addresses and client addresses out of its logs', async () => {
      // The listen line names the server's own loopback address; every other line is checked.
      const logs = svc.logs().split('\n').filter((l) => !l.includes('Server listening at')).join('\n');
      assert.ok(logs.length > 1000, 'the suite produced log lines');
      const codes = [...(await svc.smsOutbox()), ...(await svc.mailOutbox())].map((e) => /\b\d{6}\b/.exec(e.text)?.[0]).filter(Boolean) as string[];
      // A code is six digits standing alone; response times and timestamps are long digit runs.
      for (const code of codes) assert.ok(!new RegExp(`(?<![\\d.])${code}(?![\\d])`).test(logs), `logs contain a code ${code.slice(0, 2)}…`);
      for (const secret of [PHONE, '612345678', JAN.email, 'jan@client.example', '127.0.0.1', 'Uitslag onderzoek', token]) {
        assert.ok(!logs.includes(secret), `logs contain ${secret.slice(0, 3)}…`);
      }
      assert.ok(!/user-agent|remoteAddress/i.test(logs));
    });
  });
}

function readdirSafe(dir: string) {
  return existsSync(dir) ? readdirSync(dir) : [];
}

/** Starts a PUT with a Content-Length and breaks the connection partway through the body. */
function cutOffUpload(baseUrl: string, path: string, token: string, declared: number, sent: number): Promise<void> {
  return new Promise((resolve) => {
    const url = new URL(path, baseUrl);
    const req = httpRequest({
      host: url.hostname,
      port: url.port,
      path: url.pathname,
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream', 'content-length': declared },
    });
    req.on('error', () => resolve());
    req.on('response', () => resolve());
    req.write(Buffer.alloc(sent, 1), () => setTimeout(() => (req.destroy(), resolve()), 50));
  });
}
