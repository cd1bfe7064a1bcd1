import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { routes } from '../../shared/protocol/routes';
import { jsonResponse as json, overFakeFetch, type SeenRequest } from '../../client/test-support';
import { createPrivacyApi, exportFileName } from './privacy-api';

const fakeFetch = (respond: (seen: SeenRequest) => Response | Promise<Response>) => overFakeFetch(createPrivacyApi, respond);
const headersOf = (seen: SeenRequest | undefined) => (seen?.init?.headers ?? {}) as Record<string, string>;

describe('privacy API client', () => {
  it('asks for a code without a token, and verifies it', async () => {
    const { seen, api } = fakeFetch(() => json(202, { challengeId: 'C', expiresAt: '2030-01-01T00:00:00.000Z' }));
    assert.ok((await api.requestCode('a@b.nl', 'nl')).ok);
    assert.equal(seen[0]?.url, routes.privacyChallenges);
    assert.equal(seen[0]?.init?.method, 'POST');
    assert.equal(seen[0]?.init?.body, JSON.stringify({ email: 'a@b.nl', locale: 'nl' }));
    assert.equal(headersOf(seen[0]).authorization, undefined);
    await api.verify('C', '123456');
    assert.equal(seen[1]?.url, routes.privacyVerify('C'));
    assert.equal(seen[1]?.init?.body, JSON.stringify({ code: '123456' }));
  });

  it('sends the bearer token with the method each action needs', async () => {
    const { seen, api } = fakeFetch(() => json(200, {}));
    await api.getData('tok');
    await api.rectify('tok', { name: 'Jan' });
    await api.erase('tok');
    await api.setProductEmailsOff('tok', true);
    await api.signOut('tok');
    assert.deepEqual(
      seen.map((s) => [s.init?.method, s.url, s.init?.body]),
      [
        ['GET', routes.privacyMe, undefined],
        ['PATCH', routes.privacyMe, JSON.stringify({ name: 'Jan' })],
        ['DELETE', routes.privacyMe, undefined],
        ['PUT', routes.privacyObjection, JSON.stringify({ productEmailsOff: true })],
        ['DELETE', routes.privacySession, undefined],
      ],
    );
    for (const s of seen) {
      assert.equal(headersOf(s).authorization, 'Bearer tok');
      assert.equal(s.init?.cache, 'no-store');
    }
  });

  it('takes the export\u2019s bytes as sent, with the suggested file name', async () => {
    const body = JSON.stringify({ format: 'sealpost-personal-data/1' });
    const { seen, api } = fakeFetch(() =>
      new Response(body, { status: 200, headers: { 'content-disposition': 'attachment; filename="sealpost-personal-data-2030-01-01.json"' } }),
    );
    const result = await api.exportData('tok');
    assert.ok(result.ok);
    assert.equal(seen[0]?.url, routes.privacyExport);
    assert.equal(headersOf(seen[0]).authorization, 'Bearer tok');
    assert.equal(result.data.fileName, 'sealpost-personal-data-2030-01-01.json');
    assert.equal(new TextDecoder().decode(result.data.bytes), body);
  });

  it('passes on an ended session and a failed export as error codes', async () => {
    const expired = fakeFetch(() => json(401, { code: 'session_expired', message: 'expired' }));
    const result = await expired.api.exportData('old');
    assert.equal(!result.ok && result.error.code, 'session_expired');
    const dropped = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const droppedResult = await dropped.api.getData('tok');
    assert.equal(!droppedResult.ok && droppedResult.error.code, 'unavailable');
  });

  it('falls back to a plain file name when the header has none or a path', () => {
    assert.equal(exportFileName(null), 'sealpost-personal-data.json');
    assert.equal(exportFileName('attachment; filename="../../etc/x.json"'), 'sealpost-personal-data.json');
  });
});
