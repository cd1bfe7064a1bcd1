import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { routes } from '../../shared/protocol/api';
import { jsonResponse as json, overFakeFetch, type SeenRequest } from '../../client/test-support';
import { createRecipientApi } from './recipient-api';

const ID = 'AAAAAAAAAAAAAAAAAAAAAA';
const VID = 'BBBBBBBBBBBBBBBBBBBBBB';

const fakeFetch = (respond: (seen: SeenRequest) => Response | Promise<Response>) => overFakeFetch(createRecipientApi, respond);

describe('recipient API client', () => {
  it('posts the address and language as JSON to the start-verification route', async () => {
    const answer = { verificationId: VID, method: 'sms', destinationHint: '123', expiresAt: '2030-01-01T00:00:00Z' };
    const { seen, api } = fakeFetch(() => json(200, answer));
    assert.deepEqual(await api.startVerification(ID, 'a@b.nl', 'nl'), { ok: true, data: answer });
    assert.equal(seen[0]?.url, routes.startVerification(ID));
    assert.equal(seen[0]?.init?.method, 'POST');
    assert.equal(seen[0]?.init?.body, JSON.stringify({ email: 'a@b.nl', locale: 'nl' }));
    assert.equal((seen[0]?.init?.headers as Record<string, string>)['content-type'], 'application/json');
    assert.equal(seen[0]?.init?.cache, 'no-store');
  });

  it('passes on the service\u2019s error code and details', async () => {
    const { api } = fakeFetch(() => json(401, { code: 'invalid_code', message: 'Wrong code', details: { triesLeft: 2 } }));
    assert.deepEqual(await api.verify(ID, VID, '000000'), {
      ok: false,
      error: { code: 'invalid_code', message: 'Wrong code', details: { triesLeft: 2 } },
    });
  });

  it('turns a proxy\u2019s error page, an unknown code and a dropped connection into stable codes', async () => {
    const page = fakeFetch(() => new Response('<html>Bad gateway</html>', { status: 502 }));
    assert.equal((await page.api.getAvailability(ID)).ok, false);
    assert.deepEqual(await page.api.getAvailability(ID), { ok: false, error: { code: 'unavailable', message: 'HTTP 502' } });
    const odd = fakeFetch(() => json(400, { code: 'made_up', message: 'x' }));
    const oddResult = await odd.api.getAvailability(ID);
    assert.equal(!oddResult.ok && oddResult.error.code, 'bad_request');
    const dropped = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const droppedResult = await dropped.api.verify(ID, VID, '123456');
    assert.equal(!droppedResult.ok && droppedResult.error.code, 'unavailable');
  });

  it('asks for a new code for the same address and takes the new verification', async () => {
    const fresh = { verificationId: VID, method: 'sms', destinationHint: '678', expiresAt: '2030-01-01T00:00:00.000Z' };
    const { seen, api } = fakeFetch(() => json(200, fresh));
    assert.deepEqual(await api.resend(ID, VID, 'jan@client.example', 'nl'), { ok: true, data: fresh });
    assert.equal(seen[0]?.url, routes.resend(ID, VID));
  });

  it('fetches a part with the bearer token and hands over the stream unread', async () => {
    const { seen, api } = fakeFetch(() => new Response(new Uint8Array([1, 2, 3]), { status: 200 }));
    const result = await api.fetchPart(ID, 2, 'tok');
    assert.ok(result.ok);
    assert.equal(seen[0]?.url, routes.recipientPart(ID, 2));
    assert.equal((seen[0]?.init?.headers as Record<string, string>).authorization, 'Bearer tok');
    assert.deepEqual(new Uint8Array(await new Response(result.data.body).arrayBuffer()), new Uint8Array([1, 2, 3]));
  });

  it('reports an ended session on a part download', async () => {
    const { api } = fakeFetch(() => json(401, { code: 'session_expired', message: 'Session expired' }));
    const result = await api.fetchPart(ID, 0, 'old');
    assert.equal(!result.ok && result.error.code, 'session_expired');
  });
});
