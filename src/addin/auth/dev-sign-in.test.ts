import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createDevSignIn } from './dev-sign-in';
import { SignInError } from './sign-in';

function serviceAnswering(...answers: Array<() => Response>) {
  const requests: Array<{ url: string; body: unknown }> = [];
  const fetch = async (url: string, init?: RequestInit) => {
    requests.push({ url, body: JSON.parse(String(init?.body)) });
    const next = answers.shift();
    if (!next) throw new TypeError('offline');
    return next();
  };
  return { fetch, requests };
}

const json = (body: unknown, status = 200) => () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const profile = () => ({ displayName: 'Anna de Vries', emailAddress: 'anna@example.nl' });

describe('development sign-in', () => {
  it('never signs in silently: the user presses the button', async () => {
    const service = serviceAnswering();
    const signIn = createDevSignIn({ fetch: service.fetch, profile });
    assert.equal(await signIn.silent(), null);
    assert.equal(signIn.knownSession(), null, 'known at once, so the pane shows "Sign in" in its first render');
    await assert.rejects(signIn.token(), (e: SignInError) => e.code === 'interaction_required');
    assert.equal(service.requests.length, 0);
  });

  it('signs in with the Outlook profile\u2019s name and address and reuses the token', async () => {
    const service = serviceAnswering(json({ token: 'dev-token', expiresAt: '2099-01-01T00:00:00.000Z' }));
    const signIn = createDevSignIn({ fetch: service.fetch, profile });
    const session = await signIn.interactive();
    assert.deepEqual(service.requests, [{ url: '/api/auth/dev/sign-in', body: { email: 'anna@example.nl', name: 'Anna de Vries' } }]);
    assert.deepEqual(session.account, { name: 'Anna de Vries', email: 'anna@example.nl' });
    assert.equal(await signIn.token(), 'dev-token');
    assert.equal(await signIn.silent(), session);
    assert.equal(signIn.knownSession(), session);
    assert.equal(service.requests.length, 1);
  });

  it('renews an expiring token without asking', async () => {
    const soon = new Date(Date.now() + 60_000).toISOString();
    const service = serviceAnswering(json({ token: 'old', expiresAt: soon }), json({ token: 'new', expiresAt: '2099-01-01T00:00:00.000Z' }));
    const signIn = createDevSignIn({ fetch: service.fetch, profile });
    await signIn.interactive();
    assert.equal(await signIn.token(), 'new');
  });

  it('says whether the service was unreachable or refused', async () => {
    const offline = createDevSignIn({ fetch: serviceAnswering().fetch, profile });
    await assert.rejects(offline.interactive(), (e: SignInError) => e.code === 'unavailable');
    const refused = createDevSignIn({ fetch: serviceAnswering(json({ code: 'not_found', message: 'no' }, 404)).fetch, profile });
    await assert.rejects(refused.interactive(), (e: SignInError) => e.code === 'failed');
  });
});
