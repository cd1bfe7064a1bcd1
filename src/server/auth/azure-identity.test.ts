import { describe, it, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac, createPublicKey } from 'node:crypto';
import { AppError } from '../../shared/errors';
import { ADMIN_ROLE } from './identity';
import { AzureIdentityVerifier, type AzureIdentityOptions } from './azure-identity';
import { CONSUMER_TENANT, startFakeEntra } from '../../../test/support/fake-entra';

const TENANT = '3c2f6a0e-1b4d-4e8f-9a7c-5d6e7f801234';
const OTHER_TENANT = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
const INVALID = 'The token is not valid.';

interface LogLine {
  level: string;
  obj: Record<string, unknown>;
  msg: string;
}

async function setup(t: TestContext, options: Partial<AzureIdentityOptions> = {}) {
  const clock = { ms: Date.now() };
  const entra = await startFakeEntra({ now: () => clock.ms });
  t.after(() => entra.close());
  const logs: LogLine[] = [];
  const log = (level: string) => (obj: Record<string, unknown>, msg: string) => logs.push({ level, obj, msg });
  const verifier = new AzureIdentityVerifier({
    clientId: entra.clientId,
    allowedTenants: [TENANT],
    authorityBaseUrl: entra.authority,
    now: () => clock.ms,
    timeoutMs: 300,
    log: { warn: log('warn'), debug: log('debug') },
    ...options,
  });
  const advance = (seconds: number) => (clock.ms += seconds * 1000);
  const token = (overrides: Record<string, unknown> = {}, tid = TENANT) => entra.sign(entra.claims(tid, overrides));
  return { clock, entra, verifier, logs, advance, token };
}

type Setup = Awaited<ReturnType<typeof setup>>;

/** Asserts a clean refusal for `reason`, and that neither the answer nor the log echoes the token. */
async function refused(s: Setup, token: string, reason: string, message = INVALID) {
  s.logs.length = 0;
  await assert.rejects(s.verifier.verify(token), (err: unknown) => {
    assert.ok(err instanceof AppError);
    assert.equal(err.code, 'unauthenticated');
    assert.equal(err.message, message);
    assert.equal(err.details, undefined);
    return true;
  });
  const refusals = s.logs.filter((l) => l.msg === 'Entra ID token refused').map((l) => l.obj.reason);
  assert.deepEqual(refusals, [reason]);
  const logged = JSON.stringify(s.logs);
  for (const part of token.split('.').filter((p) => p.length > 8)) assert.ok(!logged.includes(part), 'the log holds no part of the token');
  for (const value of ['anna.devries', 'Anna de Vries', TENANT]) assert.ok(!logged.includes(value), 'the log holds no claim value');
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('Entra ID access tokens', () => {
  it('takes responsibility only for v2 issuers of a tenant id under its authority', async (t) => {
    const { verifier, entra } = await setup(t);
    assert.equal(verifier.accepts(`${entra.authority}/${TENANT}/v2.0`), true);
    assert.equal(verifier.accepts(`${entra.authority}/${OTHER_TENANT}/v2.0`), true, 'the allow-list is checked in verify, with a clear answer');
    for (const issuer of [
      `${entra.authority}/common/v2.0`,
      `${entra.authority}/{tenantid}/v2.0`,
      `${entra.authority}/${TENANT}/v2.0/`,
      `${entra.authority}/${TENANT}`,
      `https://sts.windows.net/${TENANT}/`,
      `https://login.microsoftonline.com/${TENANT}/v2.0`,
      `${entra.authority}/${TENANT}/x/v2.0`,
      'http://localhost:8080/dev-idp',
    ]) {
      assert.equal(verifier.accepts(issuer), false, issuer);
    }
  });

  it('accepts a valid token and returns the sender, keyed by tenant and object id', async (t) => {
    const s = await setup(t);
    const identity = await s.verifier.verify(await s.token({ preferred_username: 'Anna.deVries@Contoso.example' }));
    assert.deepEqual(identity, {
      issuer: 'azure',
      tid: TENANT,
      oid: '5f0c2a1e-8d3b-4c7a-9e61-2b4d6f8a0c13',
      name: 'Anna de Vries',
      email: 'anna.devries@contoso.example',
      organisationName: TENANT,
      roles: [],
    });
  });

  it('reports the Sealpost.Admin app role when the token carries it', async (t) => {
    const s = await setup(t);
    const admin = await s.verifier.verify(await s.token({ roles: [ADMIN_ROLE, 'Other.Role'] }));
    assert.ok(admin.roles?.includes(ADMIN_ROLE));
    const user = await s.verifier.verify(await s.token({ roles: ['Sealpost.User'] }));
    assert.equal(user.roles?.includes(ADMIN_ROLE), false);
  });

  it('takes the address from preferred_username, then email, then upn, and refuses a token with none', async (t) => {
    const s = await setup(t);
    const fromEmail = await s.verifier.verify(await s.token({ preferred_username: '+31612345678', email: 'anna@contoso.example' }));
    assert.equal(fromEmail.email, 'anna@contoso.example');
    const fromUpn = await s.verifier.verify(await s.token({ preferred_username: undefined, upn: 'anna@contoso.example', name: undefined }));
    assert.equal(fromUpn.email, 'anna@contoso.example');
    assert.equal(fromUpn.name, 'anna@contoso.example', 'without a name claim the address stands in');
    await refused(s, await s.token({ preferred_username: 'anna' }), 'email');
  });

  it('refuses an expired token, allowing a small clock skew', async (t) => {
    const s = await setup(t, { clockToleranceSec: 60 });
    const nowSec = Math.floor(s.clock.ms / 1000);
    await s.verifier.verify(await s.token({ exp: nowSec - 30 }));
    await refused(s, await s.token({ exp: nowSec - 120 }), 'expired', 'The sign-in has expired.');
  });

  it('refuses a token that is not valid yet, allowing a small clock skew', async (t) => {
    const s = await setup(t, { clockToleranceSec: 60 });
    const nowSec = Math.floor(s.clock.ms / 1000);
    await s.verifier.verify(await s.token({ nbf: nowSec + 30 }));
    await refused(s, await s.token({ nbf: nowSec + 300 }), 'not_yet_valid');
  });

  it('refuses a token for another audience, a v1 App ID URI audience and a list of audiences', async (t) => {
    const s = await setup(t);
    await refused(s, await s.token({ aud: 'f0e1d2c3-b4a5-4968-8776-655443322110' }), 'audience');
    await refused(s, await s.token({ aud: `api://${s.entra.clientId}` }), 'audience');
    await refused(s, await s.token({ aud: [s.entra.clientId, 'f0e1d2c3-b4a5-4968-8776-655443322110'] }), 'audience');
  });

  it("refuses another tenant's issuer for this tenant id", async (t) => {
    const s = await setup(t, { allowedTenants: [TENANT, OTHER_TENANT] });
    await refused(s, await s.token({ iss: s.entra.issuerFor(OTHER_TENANT) }), 'issuer');
  });

  it('refuses a v1 issuer (sts.windows.net) and a v1 token', async (t) => {
    const s = await setup(t);
    await refused(s, await s.token({ iss: `https://sts.windows.net/${TENANT}/`, ver: '1.0' }), 'issuer');
    await refused(s, await s.token({ ver: '1.0' }), 'version');
  });

  it('refuses a tenant that is not allowed, with an answer the add-in can show', async (t) => {
    const s = await setup(t);
    await refused(s, await s.token({}, OTHER_TENANT), 'tenant_not_allowed', 'Your organisation is not set up to use Sealpost.');
  });

  it('accepts any work tenant under "any" but never personal Microsoft accounts', async (t) => {
    const s = await setup(t, { allowedTenants: 'any' });
    assert.equal((await s.verifier.verify(await s.token({}, OTHER_TENANT))).tid, OTHER_TENANT);
    const personal = await s.entra.sign(s.entra.claims(CONSUMER_TENANT), { kid: s.entra.personalAccountKid });
    await refused(s, personal, 'tenant_not_allowed', 'Your organisation is not set up to use Sealpost.');
  });

  it('refuses a work-tenant token signed with a key Microsoft scoped to personal accounts', async (t) => {
    const s = await setup(t);
    await refused(s, await s.entra.sign(s.entra.claims(TENANT), { kid: s.entra.personalAccountKid }), 'key_issuer');
    // The same key does sign for its own scope, where that tenant is allowed explicitly.
    const personalAllowed = await setup(t, { allowedTenants: [CONSUMER_TENANT] });
    const personal = await personalAllowed.entra.sign(personalAllowed.entra.claims(CONSUMER_TENANT), { kid: personalAllowed.entra.personalAccountKid });
    assert.equal((await personalAllowed.verifier.verify(personal)).tid, CONSUMER_TENANT);
  });

  it('refuses tokens without an object id, a tenant id, an expiry, or a delegated scope', async (t) => {
    const s = await setup(t);
    await refused(s, await s.token({ oid: undefined }), 'object_id');
    await refused(s, await s.token({ tid: undefined }), 'tenant_id');
    await refused(s, await s.token({ exp: undefined }), 'claims');
    // An app-only (client credentials) token: roles but no scp, and no user behind it.
    await refused(s, await s.token({ scp: undefined, idtyp: 'app', roles: [ADMIN_ROLE] }), 'not_delegated');
    await refused(s, await s.token({ idtyp: 'app' }), 'not_delegated');
  });

  it('refuses a token whose payload was changed after signing', async (t) => {
    const s = await setup(t);
    const [header, , signature] = (await s.token()).split('.');
    const forged = `${header}.${b64(s.entra.claims(TENANT, { roles: [ADMIN_ROLE] }))}.${signature}`;
    await refused(s, forged, 'signature');
  });

  it('refuses an unsigned token (alg none), with or without a signature part', async (t) => {
    const s = await setup(t);
    const payload = b64(s.entra.claims(TENANT));
    await refused(s, `${b64({ typ: 'JWT', alg: 'none' })}.${payload}.`, 'algorithm');
    await refused(s, `${b64({ typ: 'JWT', alg: 'none', kid: s.entra.currentKid })}.${payload}.`, 'algorithm');
    await refused(s, `${b64({ typ: 'JWT', alg: 'None' })}.${payload}.`, 'algorithm');
    assert.equal(s.entra.requests.jwks, 0, 'no key is fetched for a token that cannot be RS256');
  });

  it('refuses HS256 signed with the public key material (algorithm confusion)', async (t) => {
    const s = await setup(t);
    const kid = s.entra.currentKid;
    const publicKey = createPublicKey({ key: s.entra.publicJwk(kid) as import('node:crypto').JsonWebKey, format: 'jwk' });
    const claims = b64(s.entra.claims(TENANT));
    for (const material of [publicKey.export({ type: 'spki', format: 'pem' }), publicKey.export({ type: 'pkcs1', format: 'pem' }), JSON.stringify(s.entra.publicJwk(kid))]) {
      const signingInput = `${b64({ typ: 'JWT', alg: 'HS256', kid })}.${claims}`;
      const mac = createHmac('sha256', material).update(signingInput).digest('base64url');
      await refused(s, `${signingInput}.${mac}`, 'algorithm');
    }
    const ps = `${b64({ typ: 'JWT', alg: 'PS256', kid })}.${claims}`;
    await refused(s, `${ps}.${(await s.token()).split('.')[2]}`, 'algorithm');
  });

  it('refuses a token that is not a JWT at all', async (t) => {
    const s = await setup(t);
    await refused(s, 'not-a-token', 'malformed');
    await refused(s, 'a.b.c', 'malformed');
  });

  it('fetches the configuration and the keys once for many tokens', async (t) => {
    const s = await setup(t);
    const tokens = await Promise.all(Array.from({ length: 20 }, () => s.token()));
    // The first burst arrives together: one fetch serves every waiting request.
    await Promise.all(tokens.map((tok) => s.verifier.verify(tok)));
    for (let i = 0; i < 30; i++) {
      s.advance(60);
      await s.verifier.verify(await s.token());
    }
    assert.deepEqual(s.entra.requests, { discovery: 1, jwks: 1 });
  });

  it('refreshes the keys once for an unknown kid, then refuses, and a flood of unknown kids cannot hammer the endpoint', async (t) => {
    const s = await setup(t, { refreshCooldownMs: 30_000 });
    await s.verifier.verify(await s.token());
    assert.equal(s.entra.requests.jwks, 1);
    const unknownKid = await s.entra.addKey({ publish: false });
    const unknown = () => s.entra.sign(s.entra.claims(TENANT), { kid: unknownKid });
    s.advance(31);
    await refused(s, await unknown(), 'key');
    assert.equal(s.entra.requests.jwks, 2, 'exactly one refresh');
    for (let i = 0; i < 25; i++) await refused(s, await unknown(), 'key');
    assert.equal(s.entra.requests.jwks, 2, 'no more fetches within the cool-down');
    s.advance(31);
    await refused(s, await unknown(), 'key');
    assert.equal(s.entra.requests.jwks, 3, 'one more after the cool-down');
  });

  it('does not fetch the keys twice when the very first token has an unknown kid', async (t) => {
    const s = await setup(t);
    const unknownKid = await s.entra.addKey({ publish: false });
    await refused(s, await s.entra.sign(s.entra.claims(TENANT), { kid: unknownKid }), 'key');
    assert.equal(s.entra.requests.jwks, 1);
  });

  it('accepts a token signed with a rotated key after one refresh, and refuses the withdrawn key', async (t) => {
    const s = await setup(t);
    const oldKid = s.entra.currentKid;
    await s.verifier.verify(await s.token());
    s.advance(40);
    await s.entra.rotate({ retire: true });
    const identity = await s.verifier.verify(await s.token());
    assert.equal(identity.tid, TENANT);
    assert.equal(s.entra.requests.jwks, 2);
    // The withdrawn key stays trusted only until the cached key set expires (an hour).
    s.advance(3601);
    await refused(s, await s.entra.sign(s.entra.claims(TENANT), { kid: oldKid }), 'key');
  });

  it('answers unauthenticated quickly when the discovery endpoint hangs, fails or is gone', async (t) => {
    const s = await setup(t, { timeoutMs: 300 });
    s.entra.mode.discovery = 'hang';
    const started = Date.now();
    await refused(s, await s.token(), 'unavailable', 'Sign-in cannot be checked right now; try again shortly.');
    assert.ok(Date.now() - started < 2000, 'the time-out ends the wait');
    assert.ok(s.logs.some((l) => l.level === 'warn' && l.obj.document === 'openid-configuration'), 'operators see the failure');

    s.advance(6);
    s.entra.mode.discovery = 'error';
    await refused(s, await s.token(), 'unavailable', 'Sign-in cannot be checked right now; try again shortly.');
    const attempts = s.entra.requests.discovery;
    await refused(s, await s.token(), 'unavailable', 'Sign-in cannot be checked right now; try again shortly.');
    assert.equal(s.entra.requests.discovery, attempts, 'a failing endpoint is not asked again on every request');

    s.advance(6);
    s.entra.mode.discovery = 'ok';
    assert.equal((await s.verifier.verify(await s.token())).tid, TENANT, 'sign-in recovers by itself');

    const gone = await startFakeEntra();
    await gone.close();
    const orphan = new AzureIdentityVerifier({ clientId: gone.clientId, allowedTenants: [TENANT], authorityBaseUrl: gone.authority, timeoutMs: 300 });
    await assert.rejects(orphan.verify(await s.token()), (err: unknown) => err instanceof AppError && err.code === 'unauthenticated');
  });

  it('answers unauthenticated when the key endpoint hangs, and keeps the last good keys when a refresh fails', async (t) => {
    const s = await setup(t, { timeoutMs: 300 });
    s.entra.mode.jwks = 'hang';
    await refused(s, await s.token(), 'unavailable', 'Sign-in cannot be checked right now; try again shortly.');
    s.advance(6);
    s.entra.mode.jwks = 'ok';
    await s.verifier.verify(await s.token());
    s.advance(2 * 3600);
    s.entra.mode.jwks = 'error';
    assert.equal((await s.verifier.verify(await s.token())).tid, TENANT, 'a stale key set beats no sign-in');
    s.advance(24 * 3600);
    await refused(s, await s.token(), 'unavailable', 'Sign-in cannot be checked right now; try again shortly.');
  });

  it('refuses a configuration that points the keys elsewhere, and never fetches from there', async (t) => {
    const requested: string[] = [];
    const tampering: typeof fetch = async (input, init) => {
      requested.push(String(input));
      const response = await fetch(input, init);
      if (!String(input).includes('openid-configuration')) return response;
      const doc = (await response.json()) as Record<string, unknown>;
      return Response.json({ ...doc, jwks_uri: 'https://keys.attacker.example/keys' });
    };
    const s = await setup(t, { fetch: tampering });
    await refused(s, await s.token(), 'unavailable', 'Sign-in cannot be checked right now; try again shortly.');
    assert.ok(!requested.some((url) => url.includes('attacker')));
  });

  it('refuses to be configured with a plain-http authority or a client id that is not a GUID', () => {
    assert.throws(() => new AzureIdentityVerifier({ clientId: TENANT, allowedTenants: 'any', authorityBaseUrl: 'http://login.example' }), TypeError);
    assert.throws(() => new AzureIdentityVerifier({ clientId: 'api://sealpost', allowedTenants: 'any' }), TypeError);
    assert.throws(() => new AzureIdentityVerifier({ clientId: TENANT, allowedTenants: ['contoso.onmicrosoft.com'] }), TypeError);
  });
});

