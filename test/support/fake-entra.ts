/**
 * A loopback stand-in for the Microsoft identity platform (Entra ID), for tests only. It serves
 * the tenant-independent OpenID configuration shaped as Microsoft serves it, and a key set whose
 * keys carry Microsoft's per-key `issuer`. It signs RS256 v2 access tokens with keys generated at
 * run time (never stored), can rotate them, and can make either endpoint fail or hang.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { randomBytes, randomUUID } from 'node:crypto';
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey, type GenerateKeyPairResult, type JWK } from 'jose';

export const CONSUMER_TENANT = '9188040d-6c67-4c5b-b112-36a304b66dad';

// RSA key generation takes a third of a second; fakes of one test process share the material
// (the n-th key of every fake is the same pair, under a fresh kid) so that suites stay fast.
const keyPairs: Promise<GenerateKeyPairResult>[] = [];
function keyPair(n: number) {
  while (keyPairs.length <= n) keyPairs.push(generateKeyPair('RS256', { modulusLength: 2048 }));
  return keyPairs[n] as Promise<GenerateKeyPairResult>;
}

/** ok: answer; error: HTTP 503; hang: accept the request and never answer. */
export type EndpointMode = 'ok' | 'error' | 'hang';

/** A public key as Microsoft publishes it: with the issuer it may sign for. */
export type PublishedJwk = JWK & { issuer: string };

interface TestKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: PublishedJwk;
  published: boolean;
}

export interface SignOptions {
  /** Which key signs (default: the current one). */
  kid?: string;
  /** Extra or replaced protected-header fields. */
  header?: Record<string, unknown>;
}

export interface FakeEntra {
  /** Base URL, as `authorityBaseUrl`: http://127.0.0.1:<port>. */
  authority: string;
  /** The API's client id: the audience of the tokens it signs by default. */
  clientId: string;
  /** The kid that signs by default. */
  currentKid: string;
  /** The published key Microsoft scopes to personal accounts (issuer of the consumer tenant). */
  personalAccountKid: string;
  issuerFor(tid: string): string;
  /** A typical v2 delegated access token payload for `tid`, with overrides. */
  claims(tid: string, overrides?: Record<string, unknown>): Record<string, unknown>;
  sign(claims: Record<string, unknown>, options?: SignOptions): Promise<string>;
  /**
   * Makes a new key: published unless `publish` is false, scoped to `issuer` (default the
   * tenant template), becoming the signing key when `current`. Returns its kid.
   */
  addKey(options?: { publish?: boolean; issuer?: string; current?: boolean }): Promise<string>;
  /** Microsoft-style rotation: a new key signs from now on; the old one is withdrawn when `retire`. */
  rotate(options?: { retire?: boolean }): Promise<string>;
  publicJwk(kid: string): PublishedJwk;
  requests: { discovery: number; jwks: number };
  mode: { discovery: EndpointMode; jwks: EndpointMode };
  close(): Promise<void>;
}

export async function startFakeEntra(options: { now?: () => number } = {}): Promise<FakeEntra> {
  const now = options.now ?? Date.now;
  const keys = new Map<string, TestKey>();
  const requests = { discovery: 0, jwks: 0 };
  const mode: FakeEntra['mode'] = { discovery: 'ok', jwks: 'ok' };
  const sockets = new Set<Socket>();
  let authority = '';
  let currentKid = '';

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const discovery = /^\/(common|organizations|[0-9a-f-]{36})\/v2\.0\/\.well-known\/openid-configuration$/.exec(path);
    if (req.method === 'GET' && discovery) {
      requests.discovery++;
      const tenant = discovery[1] as string;
      const issuerTenant = tenant === 'common' || tenant === 'organizations' ? '{tenantid}' : tenant;
      return answer(res, mode.discovery, () => metadata(authority, tenant, issuerTenant));
    }
    if (req.method === 'GET' && path === '/common/discovery/v2.0/keys') {
      requests.jwks++;
      return answer(res, mode.jwks, () => ({ keys: [...keys.values()].filter((k) => k.published).map((k) => k.publicJwk) }));
    }
    res.writeHead(404, { 'content-type': 'application/json; charset=utf-8' }).end('{"error":"not_found"}');
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  authority = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const addKey: FakeEntra['addKey'] = async ({ publish = true, issuer, current = false } = {}) => {
    const { privateKey, publicKey } = await keyPair(keys.size);
    // Microsoft's kids are certificate thumbprints: 27 base64url characters.
    const kid = randomBytes(20).toString('base64url');
    const jwk = await exportJWK(publicKey);
    const publicJwk: PublishedJwk = { kty: 'RSA', use: 'sig', kid, x5t: kid, n: jwk.n, e: jwk.e, issuer: issuer ?? `${authority}/{tenantid}/v2.0` };
    keys.set(kid, { kid, privateKey, publicJwk, published: publish });
    if (current) currentKid = kid;
    return kid;
  };
  await addKey({ current: true });
  // Microsoft publishes keys before it signs with them, and the personal-account key beside them.
  await addKey();
  const personalAccountKid = await addKey({ issuer: `${authority}/${CONSUMER_TENANT}/v2.0` });

  const clientId = randomUUID();
  const fake: FakeEntra = {
    authority,
    clientId,
    get currentKid() {
      return currentKid;
    },
    personalAccountKid,
    issuerFor: (tid) => `${authority}/${tid}/v2.0`,
    claims(tid, overrides = {}) {
      const iat = Math.floor(now() / 1000);
      return {
        aud: clientId,
        iss: `${authority}/${tid}/v2.0`,
        iat,
        nbf: iat,
        exp: iat + 3900,
        aio: randomBytes(48).toString('base64'),
        azp: '7b3d4f0e-2c56-4b7e-9a6e-0d1c8f2a9b11',
        azpacr: '0',
        name: 'Anna de Vries',
        oid: '5f0c2a1e-8d3b-4c7a-9e61-2b4d6f8a0c13',
        preferred_username: 'anna.devries@contoso.example',
        rh: `${randomBytes(24).toString('base64url')}.`,
        scp: 'access_as_user',
        sub: randomBytes(32).toString('base64url'),
        tid,
        uti: randomBytes(16).toString('base64url'),
        ver: '2.0',
        ...overrides,
      };
    },
    async sign(claims, { kid = currentKid, header = {} } = {}) {
      const key = keys.get(kid);
      if (!key) throw new Error(`no test key ${kid}`);
      return new SignJWT(claims).setProtectedHeader({ typ: 'JWT', alg: 'RS256', kid, ...header }).sign(key.privateKey);
    },
    addKey,
    async rotate({ retire = true } = {}) {
      const old = keys.get(currentKid);
      const kid = await addKey({ current: true });
      if (retire && old) old.published = false;
      return kid;
    },
    publicJwk(kid) {
      const key = keys.get(kid);
      if (!key) throw new Error(`no test key ${kid}`);
      return key.publicJwk;
    },
    requests,
    mode,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}

function answer(res: ServerResponse, mode: EndpointMode, body: () => unknown) {
  if (mode === 'hang') return;
  if (mode === 'error') {
    res.writeHead(503, { 'content-type': 'text/plain' }).end('Service Unavailable');
    return;
  }
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'max-age=86400, private' });
  res.end(JSON.stringify(body()));
}

/** The fields and values Microsoft's v2.0 OpenID configuration has, pointed at this fake. */
function metadata(authority: string, tenant: string, issuerTenant: string) {
  return {
    token_endpoint: `${authority}/${tenant}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${authority}/common/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: `${authority}/${issuerTenant}/v2.0`,
    request_uri_parameter_supported: false,
    userinfo_endpoint: 'https://graph.microsoft.com/oidc/userinfo',
    authorization_endpoint: `${authority}/${tenant}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${authority}/${tenant}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${authority}/${tenant}/oauth2/v2.0/logout`,
    claims_supported: [
      'sub', 'iss', 'cloud_instance_name', 'cloud_instance_host_name', 'cloud_graph_host_name', 'msgraph_host', 'aud', 'exp',
      'iat', 'auth_time', 'acr', 'nonce', 'preferred_username', 'name', 'tid', 'ver', 'at_hash', 'c_hash', 'email',
    ],
    kerberos_endpoint: `${authority}/${tenant}/kerberos`,
    tenant_region_scope: null,
    cloud_instance_name: 'microsoftonline.com',
    cloud_graph_host_name: 'graph.windows.net',
    msgraph_host: 'graph.microsoft.com',
    rbac_url: 'https://pas.windows.net',
  };
}
