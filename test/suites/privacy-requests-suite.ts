/**
 * Data-subject requests over real HTTP, once per database engine: proving an address, access and
 * export, correction (the name at once, a mobile number through the organisation's queue), erasure
 * with a tombstone for the sender and during a download, objection honoured by the mailer, the
 * administrator's queue with its 48-hour deadlines, no enumeration, and bad input.
 */
import { describe } from 'node:test';
import assert from 'node:assert/strict';
import type { AdminQueue, PersonalData, PrivacyChallengeResponse, RectifyResponse } from '../../src/shared/protocol/privacy-api';
import type { MessageList } from '../../src/shared/protocol/api';
import { MemoryMailOutbox } from '../../src/server/notify/mail-outbox';
import { MemorySmsOutbox } from '../../src/server/notify/sms-outbox';
import { purgeExpired } from '../../src/server/jobs/retention-purge';
import { loadConfig } from '../../src/server/config';
import { NO_RATE_LIMITS, startService, suiteService, waitForCode, type Engine, type TestService } from '../support/service';
import { bytesAttachment, fetchPart, fetchPartWhile, post, sendSample, startVerification, verify, wrongCode } from '../support/flow';

const HOUR = 60 * 60 * 1000;
const JAN = { name: 'Jan Jansen', email: 'jan@client.example', method: 'sms' as const, phone: '06 1234 5678' };
const PIET = { name: 'Piet Pieters', email: 'piet@client.example', method: 'email' as const };

export function privacyRequestsSuite(engine: Engine, ready: () => Promise<boolean>) {
  describe(`data-subject requests on ${engine}`, () => {
    let svc: TestService;
    let clock = Date.now();
    const mail = new MemoryMailOutbox();
    const sms = new MemorySmsOutbox();
    let anna: string;
    let admin: string;
    let otherOrg: string;

    const it_ = suiteService(
      engine,
      ready,
      () =>
        startService(engine, {
          env: { ...NO_RATE_LIMITS, SEALPOST_MAX_PART_BYTES: String(32 * 1024 * 1024) },
          build: { now: () => clock, notifiers: { mail, sms } },
        }),
      async (started) => {
        svc = started;
        anna = await devSignIn('anna.devries@zorg.example', 'Anna de Vries', 'Zorggroep Test');
        admin = await devSignIn('beheer@zorg.example', 'Beheer', 'Zorggroep Test', true);
        otherOrg = await devSignIn('kees@advocaat.example', 'Kees', 'Advocaten Test');
      },
    );

    async function devSignIn(email: string, name: string, organisation: string, isAdmin = false) {
      const res = await post<{ token: string }>(`${svc.baseUrl}/api/auth/dev/sign-in`, { email, name, organisation, admin: isAdmin });
      assert.equal(res.status, 200);
      return res.body.token;
    }

    async function api<T = unknown>(method: string, path: string, opts: { token?: string; body?: unknown } = {}) {
      const res = await fetch(`${svc.baseUrl}${path}`, {
        method,
        headers: { ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}), ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}) },
        body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      });
      const text = await res.text();
      return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : null) as T & { code?: string; details?: Record<string, unknown> } };
    }

    /** The newest code mailed to `address` after the first `after` mails to it. */
    const codeFor = (address: string, after: number) => waitForCode(async () => mail.sent, address, after);

    /** Proves `address` and returns the privacy session token. */
    async function prove(address: string): Promise<string> {
      const before = mail.sent.filter((m) => m.to === address).length;
      const start = await api<PrivacyChallengeResponse>('POST', '/api/privacy/challenges', { body: { email: address, locale: 'en' } });
      assert.equal(start.status, 202);
      const code = await codeFor(address, before);
      const ok = await api<{ token: string }>('POST', `/api/privacy/challenges/${start.body.challengeId}/verify`, { body: { code } });
      assert.equal(ok.status, 200);
      return ok.body.token;
    }

    /** Verifies as a recipient of `messageId` with the code from the SMS or mail outbox. */
    async function readAs(messageId: string, address: string, phone?: string) {
      const outbox = async () => (phone ? sms.sent : mail.sent);
      const to = phone ?? address;
      const before = (await outbox()).filter((m) => m.to === to).length;
      const start = await startVerification(svc.baseUrl, messageId, address);
      assert.equal(start.status, 200);
      return verify(svc.baseUrl, messageId, start.body.verificationId, await waitForCode(outbox, to, before));
    }

    it_('answers every address alike and mails every address a code, so the form reveals nothing', async () => {
      await sendSample(svc.baseUrl, anna, [JAN]);
      const known = await api<PrivacyChallengeResponse>('POST', '/api/privacy/challenges', { body: { email: 'jan@client.example' } });
      const unknown = await api<PrivacyChallengeResponse>('POST', '/api/privacy/challenges', { body: { email: 'nobody@nowhere.example' } });
      assert.equal(known.status, 202);
      assert.equal(unknown.status, 202);
      assert.deepEqual(Object.keys(known.body).sort(), Object.keys(unknown.body).sort());
      assert.equal(Date.parse(known.body.expiresAt) - clock, Date.parse(unknown.body.expiresAt) - clock);
      await codeFor('nobody@nowhere.example', 0);
      await codeFor('jan@client.example', 0);
      // The unknown address proves itself and hears that nothing is held, in the same format.
      const token = await prove('nobody@nowhere.example');
      const data = await api<PersonalData>('GET', '/api/privacy/me', { token });
      assert.equal(data.status, 200);
      assert.equal(data.body.format, 'sealpost-personal-data/1');
      assert.deepEqual([data.body.asRecipient, data.body.asSender, data.body.requests], [[], [], []]);
    });

    it_('codes follow the rules: wrong codes count, five tries, single use, sessions end', async () => {
      const address = 'rules@client.example';
      const start = await api<PrivacyChallengeResponse>('POST', '/api/privacy/challenges', { body: { email: address } });
      const code = await codeFor(address, 0);
      const wrong = wrongCode(code);
      const bad = await api('POST', `/api/privacy/challenges/${start.body.challengeId}/verify`, { body: { code: wrong } });
      assert.equal(bad.status, 401);
      assert.equal(bad.body.code, 'invalid_code');
      assert.equal(bad.body.details?.triesLeft, 4);
      for (let i = 0; i < 4; i++) await api('POST', `/api/privacy/challenges/${start.body.challengeId}/verify`, { body: { code: wrong } });
      const spent = await api('POST', `/api/privacy/challenges/${start.body.challengeId}/verify`, { body: { code } });
      assert.equal(spent.status, 401);
      assert.equal(spent.body.code, 'code_expired');
      // A fresh code works once; the session is 15 minutes.
      const token = await prove(address);
      assert.equal((await api('GET', '/api/privacy/me', { token })).status, 200);
      assert.equal((await api('GET', '/api/privacy/me')).status, 401);
      clock += 16 * 60 * 1000;
      const late = await api('GET', '/api/privacy/me', { token });
      assert.equal(late.status, 401);
      assert.equal(late.body.code, 'session_expired');
      // Per address, at most three codes in 15 minutes.
      clock += 60 * 60 * 1000;
      for (let i = 0; i < 3; i++) assert.equal((await api('POST', '/api/privacy/challenges', { body: { email: 'flood@client.example' } })).status, 202);
      const limited = await api('POST', '/api/privacy/challenges', { body: { email: 'FLOOD@client.example' } });
      assert.equal(limited.status, 429);
      assert.equal(limited.body.code, 'rate_limited');
    });

    it_('shows and exports everything held about the address, and records the export in the queue', async () => {
      const address = 'marie@client.example';
      const toMarie = await sendSample(svc.baseUrl, anna, [{ name: 'Marie Bos', email: 'Marie@Client.example', method: 'sms', phone: '0612340000' }]);
      await sendSample(svc.baseUrl, otherOrg, [{ name: 'M. Bos', email: address, method: 'access_code' }]);
      assert.equal((await readAs(toMarie.id, address, '+31612340000')).status, 200);
      const token = await prove(address);
      const seen = await api<PersonalData>('GET', '/api/privacy/me', { token });
      assert.equal(seen.status, 200);
      assert.equal(seen.headers.get('cache-control'), 'no-store');
      assert.equal(seen.body.asRecipient.length, 2);
      const zorg = seen.body.asRecipient.find((r) => r.organisation === 'Zorggroep Test')!;
      assert.equal(zorg.name, 'Marie Bos');
      assert.equal(zorg.phone, '+31612340000');
      assert.equal(zorg.method, 'sms');
      assert.equal(zorg.sender.email, 'anna.devries@zorg.example');
      assert.ok(seen.body.auditEvents.some((e) => e.type === 'recipient.verified' && e.messageId === toMarie.id));
      const exported = await fetch(`${svc.baseUrl}/api/privacy/me/export`, { headers: { authorization: `Bearer ${token}` } });
      assert.equal(exported.status, 200);
      assert.match(exported.headers.get('content-disposition') ?? '', /^attachment; filename="sealpost-personal-data-\d{4}-\d{2}-\d{2}\.json"$/);
      const json = (await exported.json()) as PersonalData;
      assert.deepEqual(json.asRecipient, seen.body.asRecipient);
      // Each organisation holding records has the request on record, answered.
      const queue = await api<AdminQueue>('GET', '/api/admin/privacy-requests?status=all', { token: admin });
      const access = queue.body.requests.filter((r) => r.type === 'access' && r.source === 'self');
      assert.ok(access.length >= 1);
      assert.ok(access.every((r) => r.status === 'completed' && r.email === null));
    });

    it_('corrects the name at once; a new mobile number waits in the queue for the organisation, with a 48-hour deadline', async () => {
      const address = 'lotte@client.example';
      const sent = await sendSample(svc.baseUrl, anna, [{ name: 'Lote', email: address, method: 'sms', phone: '0611111111' }]);
      const token = await prove(address);
      const fixed = await api<RectifyResponse>('PATCH', '/api/privacy/me', { token, body: { name: 'Lotte Smit', phone: '06 2222 2222' } });
      assert.equal(fixed.status, 200);
      assert.deepEqual(fixed.body.applied, ['name']);
      assert.equal(fixed.body.queued.length, 1);
      const list = await api<MessageList>('GET', '/api/messages', { token: anna });
      assert.equal(list.body.messages.find((m) => m.id === sent.id)!.recipients[0]!.name, 'Lotte Smit');
      // The number is not changed by the mailbox holder's say-so.
      let start = await startVerification(svc.baseUrl, sent.id, address);
      assert.equal(start.body.destinationHint, '111');
      const queue = await api<AdminQueue>('GET', '/api/admin/privacy-requests', { token: admin });
      const open = queue.body.requests.find((r) => r.id === fixed.body.queued[0]!.id)!;
      assert.equal(open.status, 'open');
      assert.equal(open.email, address);
      assert.deepEqual(open.requestedChange, { phone: '+31622222222' });
      assert.equal(Date.parse(open.dueAt) - Date.parse(open.createdAt), 48 * HOUR);
      assert.equal(open.overdue, false);
      clock += 49 * HOUR;
      const later = await api<AdminQueue>('GET', '/api/admin/privacy-requests', { token: admin });
      assert.equal(later.body.requests.find((r) => r.id === open.id)!.overdue, true);
      // Not for the sender's eyes or another organisation's.
      assert.equal((await api('GET', '/api/admin/privacy-requests', { token: anna })).status, 403);
      assert.equal((await api('POST', `/api/admin/privacy-requests/${open.id}/complete`, { token: anna })).status, 403);
      const done = await api('POST', `/api/admin/privacy-requests/${open.id}/complete`, { token: admin });
      assert.equal(done.status, 200);
      assert.equal((done.body as { status: string; email: string | null }).status, 'completed');
      assert.equal((done.body as { email: string | null }).email, null);
      assert.equal((await api('POST', `/api/admin/privacy-requests/${open.id}/complete`, { token: admin })).status, 409);
      clock -= 49 * HOUR;
      start = await startVerification(svc.baseUrl, sent.id, address);
      assert.equal(start.body.destinationHint, '222');
      // The handled request keeps no address or number.
      const row = await svc.db.kysely.selectFrom('privacy_requests').selectAll().where('id', '=', open.id).executeTakeFirstOrThrow();
      assert.equal(row.subject_email, null);
      assert.equal(row.requested_change, null);
      // Without SMS there is no number to correct: a clear 400.
      await sendSample(svc.baseUrl, anna, [PIET]);
      const pietToken = await prove(PIET.email);
      const noPhone = await api('PATCH', '/api/privacy/me', { token: pietToken, body: { phone: '0633333333' } });
      assert.equal(noPhone.status, 400);
      assert.equal((await api('PATCH', '/api/privacy/me', { token: pietToken, body: {} })).status, 400);
      assert.equal((await api('PATCH', '/api/privacy/me', { token: pietToken, body: { phone: '12' } })).status, 400);
    });

    it_('erases a recipient: no personal data left, the sender keeps a tombstone, codes and reading stop', async () => {
      const address = 'erik@client.example';
      const sent = await sendSample(svc.baseUrl, anna, [{ name: 'Erik Vos', email: address, method: 'sms', phone: '0644444444' }, PIET]);
      const alone = await sendSample(svc.baseUrl, anna, [{ name: 'Erik Vos', email: address, method: 'email' }]);
      const read = await readAs(sent.id, address, '+31644444444');
      assert.equal(read.status, 200);
      const token = await prove(address);
      const erased = await api<{ erasedRecords: number }>('DELETE', '/api/privacy/me', { token });
      assert.equal(erased.status, 200);
      assert.equal(erased.body.erasedRecords, 2);
      // The session that asked is over, and so is the reading session.
      assert.equal((await api('GET', '/api/privacy/me', { token })).status, 401);
      assert.equal((await fetchPart(svc.baseUrl, sent.id, 0, read.body.sessionToken)).status, 401);
      const rows = await svc.db.kysely.selectFrom('recipients').selectAll().where('message_id', 'in', [sent.id, alone.id]).execute();
      const tomb = rows.filter((r) => r.erased_at !== null);
      assert.equal(tomb.length, 2);
      for (const r of tomb) {
        assert.deepEqual([r.name, r.email, r.phone, r.access_code_hash, r.browser, r.device, r.verified_at, r.opened_at], ['', '', null, null, null, null, null, null]);
      }
      const list = await api<MessageList>('GET', '/api/messages', { token: anna });
      const shown = list.body.messages.find((m) => m.id === sent.id)!;
      const erik = shown.recipients.find((r) => r.status === 'erased')!;
      assert.deepEqual([erik.name, erik.email, erik.openedAt], ['', '', null]);
      assert.equal(shown.status, 'sealed', 'Piet can still read his copy');
      assert.equal(list.body.messages.find((m) => m.id === alone.id)!.status, 'expired', 'nobody is left to read it');
      // The address is no recipient any more: it gets a decoy, and no SMS goes out.
      const smsBefore = sms.sent.length;
      const again = await startVerification(svc.baseUrl, sent.id, address);
      assert.equal(again.status, 200);
      await new Promise((r) => setTimeout(r, 50));
      assert.equal(sms.sent.length, smsBefore);
      // Erasing again finds nothing, with the same kind of answer.
      const twice = await api<{ erasedRecords: number }>('DELETE', '/api/privacy/me', { token: await prove(address) });
      assert.deepEqual([twice.status, twice.body.erasedRecords], [200, 0]);
      // The sender cannot re-issue access to a tombstone.
      assert.equal((await api('POST', `/api/messages/${sent.id}/recipients/${erik.id}/unlock`, { token: anna })).status, 404);
      // The purge then deletes the ciphertext nobody can read.
      const report = await purgeExpired(svc.deps, { now: clock + 1 });
      assert.ok(report.details.messagesTombstoned >= 1);
    });

    it_('an erasure during a download cuts it: the recipient never gets a whole part after the erase', async () => {
      const address = 'dora@client.example';
      const big = new Uint8Array(24 * 1024 * 1024).map((_, i) => i % 253);
      const sent = await sendSample(svc.baseUrl, anna, [{ name: 'Dora', email: address, method: 'email' }], [bytesAttachment('scan.tif', 'image/tiff', big)]);
      const read = await readAs(sent.id, address);
      const outcome = await fetchPartWhile(svc.baseUrl, sent.id, 1, read.body.sessionToken, async () =>
        api('DELETE', '/api/privacy/me', { token: await prove(address) }));
      assert.ok(outcome.error || outcome.received < outcome.expected, `download went on after the erase (${outcome.received} of ${outcome.expected})`);
      assert.equal((await fetchPart(svc.baseUrl, sent.id, 1, read.body.sessionToken)).status, 401);
      const row = await svc.db.kysely.selectFrom('recipients').select(['email', 'erased_at']).where('message_id', '=', sent.id).executeTakeFirstOrThrow();
      assert.equal(row.email, '');
      assert.notEqual(row.erased_at, null);
    });

    it_('objection: product e-mails stop, codes do not; the one-click unsubscribe works and cannot be forged', async () => {
      const sender = await devSignIn('sara@zorg.example', 'Sara', 'Zorggroep Test');
      const opened = () => mail.sent.filter((m) => m.to === 'sara@zorg.example' && m.unsubscribeUrl !== undefined);
      const open = async () => {
        const sent = await sendSample(svc.baseUrl, sender, [{ name: 'Ria', email: 'ria@client.example', method: 'email' }]);
        const ok = await readAs(sent.id, 'ria@client.example');
        assert.equal((await fetchPart(svc.baseUrl, sent.id, 0, ok.body.sessionToken)).status, 200);
        await new Promise((r) => setTimeout(r, 100));
      };
      // Sent by default, with an unsubscribe header.
      await open();
      assert.equal(opened().length, 1);
      const notice = opened()[0]!;
      assert.ok(notice.unsubscribeUrl?.startsWith(`${svc.config.publicUrl}/api/privacy/unsubscribe/`));
      // The sender objects from Outlook: no more notices.
      const off = await api('PUT', '/api/me/privacy/objection', { token: sender, body: { productEmailsOff: true } });
      assert.deepEqual(off.body, { productEmailsOff: true });
      await open();
      assert.equal(opened().length, 1);
      const me = await api<PersonalData>('GET', '/api/me/privacy', { token: sender });
      assert.equal(me.body.productEmailsOff, true);
      assert.equal(me.body.asSender[0]!.email, 'sara@zorg.example');
      await api('PUT', '/api/me/privacy/objection', { token: sender, body: { productEmailsOff: false } });
      await open();
      assert.equal(opened().length, 2);
      // One click, as RFC 8058 has mail clients do it.
      const path = new URL(notice.unsubscribeUrl!).pathname;
      const page = await fetch(`${svc.baseUrl}${path}`);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /<form method="post">/);
      const click = await fetch(`${svc.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
      assert.equal(click.status, 204);
      await open();
      assert.equal(opened().length, 2);
      // A made-up token is refused; a malformed one is bad input.
      const forged = path.replace(/\.[A-Za-z0-9_-]{22}$/, `.${'A'.repeat(22)}`);
      assert.equal((await fetch(`${svc.baseUrl}${forged}`, { method: 'POST' })).status, 404);
      assert.equal((await fetch(`${svc.baseUrl}/api/privacy/unsubscribe/nonsense`, { method: 'POST' })).status, 400);
      // Codes are not product e-mail: the opted-out recipient still gets one.
      const ria = await prove('ria@client.example');
      await api('PUT', '/api/privacy/me/objection', { token: ria, body: { productEmailsOff: true } });
      assert.ok(await prove('ria@client.example'));
    });

    it_('SEALPOST_OPENED_NOTICES=false sends no opened notices at all', async () => {
      assert.equal(loadConfig({ SEALPOST_OPENED_NOTICES: 'false', SEALPOST_DATA_DIR: svc.dataDir }).productMail.openedNotices, false);
      const sender = await devSignIn('quiet@zorg.example', 'Quiet', 'Zorggroep Test');
      const notices = () => mail.sent.filter((m) => m.to === 'quiet@zorg.example').length;
      svc.config.productMail.openedNotices = false;
      try {
        const sent = await sendSample(svc.baseUrl, sender, [{ name: 'Ria', email: 'ria.quiet@client.example', method: 'email' }]);
        const ok = await readAs(sent.id, 'ria.quiet@client.example');
        assert.equal((await fetchPart(svc.baseUrl, sent.id, 0, ok.body.sessionToken)).status, 200);
        await new Promise((r) => setTimeout(r, 100));
        assert.equal(notices(), 0);
      } finally {
        svc.config.productMail.openedNotices = true;
      }
    });

    it_('a sender sees, exports and erases their own account; signing in again starts afresh', async () => {
      const token = await devSignIn('tom@zorg.example', 'Tom Tester', 'Zorggroep Test');
      await api('PUT', '/api/me/client', { token, body: { outlookHost: 'Outlook', outlookVersion: '16.0.1', outlookPlatform: 'PC', browser: 'edge', device: 'desktop' } });
      await sendSample(svc.baseUrl, token, [PIET]);
      const mine = await api<PersonalData>('GET', '/api/me/privacy', { token });
      assert.equal(mine.body.asSender.length, 1);
      assert.deepEqual(mine.body.asSender[0]!.outlook, { host: 'Outlook', version: '16.0.1', platform: 'PC' });
      assert.equal(mine.body.asSender[0]!.messagesSent, 1);
      const file = await fetch(`${svc.baseUrl}/api/me/privacy/export`, { headers: { authorization: `Bearer ${token}` } });
      assert.match(file.headers.get('content-disposition') ?? '', /attachment/);
      const id = mine.body.asSender[0]!.accountId;
      const erased = await api<{ erasedRecords: number }>('DELETE', '/api/me/privacy', { token });
      assert.equal(erased.body.erasedRecords, 1);
      const row = await svc.db.kysely.selectFrom('senders').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      assert.deepEqual([row.name, row.email, row.outlook_host, row.browser, row.device, row.tid], ['', '', null, null, null, null]);
      assert.match(row.oid, /^erased:/);
      const fresh = await api<PersonalData>('GET', '/api/me/privacy', { token });
      assert.equal(fresh.body.asSender.length, 1);
      assert.notEqual(fresh.body.asSender[0]!.accountId, id);
      assert.equal(fresh.body.asSender[0]!.messagesSent, 0);
    });

    it_('an administrator runs requests within the own organisation only', async () => {
      const address = 'gerda@client.example';
      await sendSample(svc.baseUrl, anna, [{ name: 'Gerda', email: address, method: 'email' }]);
      await sendSample(svc.baseUrl, otherOrg, [{ name: 'Gerda', email: address, method: 'email' }]);
      const access = await api<{ data: PersonalData; request: { status: string; source: string } }>('POST', '/api/admin/privacy-requests', {
        token: admin,
        body: { subjectKind: 'recipient', email: address, type: 'access' },
      });
      assert.equal(access.status, 200);
      assert.deepEqual(access.body.data.asRecipient.map((r) => r.organisation), ['Zorggroep Test']);
      assert.deepEqual([access.body.request.status, access.body.request.source], ['completed', 'admin']);
      const fixed = await api('POST', '/api/admin/privacy-requests', { token: admin, body: { subjectKind: 'recipient', email: address, type: 'rectify', name: 'Gerda Dijk' } });
      assert.equal(fixed.status, 200);
      const erased = await api<{ erasedRecords: number }>('POST', '/api/admin/privacy-requests', { token: admin, body: { subjectKind: 'recipient', email: address, type: 'erase' } });
      assert.equal(erased.body.erasedRecords, 1);
      const left = await prove(address);
      const data = await api<PersonalData>('GET', '/api/privacy/me', { token: left });
      assert.deepEqual(data.body.asRecipient.map((r) => [r.organisation, r.name]), [['Advocaten Test', 'Gerda']]);
      // A sender's name comes from the directory: correcting it here is refused with the reason.
      const senderFix = await api('POST', '/api/admin/privacy-requests', { token: admin, body: { subjectKind: 'sender', email: 'anna.devries@zorg.example', type: 'rectify', name: 'A' } });
      assert.equal(senderFix.status, 409);
      const nobody = await api('POST', '/api/admin/privacy-requests', { token: admin, body: { subjectKind: 'sender', email: 'kees@advocaat.example', type: 'erase' } });
      assert.equal(nobody.status, 404, "another organisation's sender is not found");
      // Bad input is a 4xx with a code.
      for (const body of [{}, { subjectKind: 'recipient', email: 'x', type: 'access' }, { subjectKind: 'recipient', email: address, type: 'delete' }]) {
        const res = await api('POST', '/api/admin/privacy-requests', { token: admin, body });
        assert.equal(res.status, 400);
        assert.equal(typeof res.body.code, 'string');
      }
      assert.equal((await api('POST', '/api/admin/privacy-requests/AAAAAAAAAAAAAAAAAAAAAA/complete', { token: admin })).status, 404);
      assert.equal((await api('GET', '/api/admin/privacy-requests?status=maybe', { token: admin })).status, 400);
    });

    it_('bad input on the public routes gets a 4xx with a code', async () => {
      const cases: Array<[string, string, unknown, number]> = [
        ['POST', '/api/privacy/challenges', { email: 'not an address' }, 400],
        ['POST', '/api/privacy/challenges', { email: 'a@b.example', extra: 1 }, 400],
        ['POST', '/api/privacy/challenges/short/verify', { code: '123456' }, 400],
        ['POST', '/api/privacy/challenges/AAAAAAAAAAAAAAAAAAAAAA/verify', { code: '12345' }, 400],
        ['POST', '/api/privacy/challenges/AAAAAAAAAAAAAAAAAAAAAA/verify', { code: '123456' }, 401],
        ['DELETE', '/api/privacy/me', undefined, 401],
        ['PUT', '/api/privacy/me/objection', { productEmailsOff: 'yes' }, 400],
      ];
      for (const [method, path, body, status] of cases) {
        const res = await api(method, path, { body, token: method === 'PUT' ? 'x' : undefined });
        assert.equal(res.status, status, `${method} ${path}`);
        assert.equal(typeof res.body.code, 'string');
      }
    });

    it_('the purge removes ended proofs and old answered requests, and keeps open ones', async () => {
      const address = 'purge@client.example';
      await sendSample(svc.baseUrl, anna, [{ name: 'P', email: address, method: 'sms', phone: '0655555555' }]);
      const token = await prove(address);
      const queued = await api<RectifyResponse>('PATCH', '/api/privacy/me', { token, body: { phone: '0656565656' } });
      const later = clock + 400 * 24 * HOUR;
      const report = await purgeExpired(svc.deps, { now: later });
      assert.ok(report.details.privacyChallengesDeleted >= 1);
      const left = await svc.db.kysely.selectFrom('privacy_challenges').select('id').where('address', '=', address).execute();
      assert.equal(left.length, 0);
      const open = await svc.db.kysely.selectFrom('privacy_requests').select('status').where('id', '=', queued.body.queued[0]!.id).executeTakeFirst();
      assert.equal(open?.status, 'open');
      const handledOld = await svc.db.kysely.selectFrom('privacy_requests').select('id').where('status', '!=', 'open').where('handled_at', '<=', later - 395 * 24 * HOUR).execute();
      assert.equal(handledOld.length, 0);
    });

    it_('an organisation whose contract has ended cannot sign in', async () => {
      assert.equal((await api('GET', '/api/me', { token: await devSignIn('ex@ended.example', 'Ex', 'Ended BV') })).status, 200);
      await svc.db.kysely.updateTable('organisations').set({ contract_ends_at: clock - 1 }).where('name', '=', 'Ended BV').execute();
      const token = await devSignIn('ex2@ended.example', 'Ex Two', 'Ended BV');
      const res = await api('GET', '/api/me', { token });
      assert.equal(res.status, 403);
      assert.equal(res.body.code, 'forbidden');
    });

  });
}
