/**
 * Entra ID (Azure AD) access tokens for Sealpost's API, validated as Microsoft documents it for a
 * multi-tenant API that uses the tenant-independent metadata: the issuer is the metadata's
 * template with the token's `tid`, the signing key comes from `jwks_uri` and must be scoped to
 * that issuer, the audience is our client id (v2 tokens), and only RS256 is accepted.
 */
import { decodeJwt, decodeProtectedHeader, errors as joseErrors, importJWK, jwtVerify, type JWTPayload } from 'jose';
import { AppError } from '../../shared/errors';
import type { SenderIdentity, TokenVerifier } from './identity';
import { fetchJson, loadKeySet, RemoteDocument, type KeySet, type PublishedKey } from './entra-metadata';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Personal Microsoft accounts sign in to this tenant; it is not an organisation. */
export const CONSUMER_TENANT = '9188040d-6c67-4c5b-b112-36a304b66dad';
const HOUR = 60 * 60 * 1000;

export interface AzureIdentityOptions {
  /** The API's application (client) id: the `aud` of its v2 access tokens. */
  clientId: string;
  /** Tenant ids whose users may sign in, or 'any' (every work or school tenant). */
  allowedTenants: string[] | 'any';
  /** Default https://login.microsoftonline.com (a national cloud has its own). */
  authorityBaseUrl?: string;
  fetch?: typeof fetch;
  /** Milliseconds since the epoch (tests move the clock). */
  now?: () => number;
  /** Leeway for `exp` and `nbf`, in seconds. Default 60. */
  clockToleranceSec?: number;
  /** Per request to the identity platform, in milliseconds. Default 5000. */
  timeoutMs?: number;
  /** Least time between two fetches of a document that was just fetched (unknown `kid`). Default 30 s. */
  refreshCooldownMs?: number;
  /** Structured logger (pino-compatible); gets refusal reasons and fetch failures, never token content. */
  log?: VerifierLog;
}

export interface VerifierLog {
  warn(obj: Record<string, unknown>, msg: string): void;
  debug(obj: Record<string, unknown>, msg: string): void;
}

interface Metadata {
  issuerTemplate: string;
  jwksUri: string;
}

/** Why a token was refused: logged for operators, never shown to the caller. */
type Reason =
  | 'malformed' | 'algorithm' | 'key' | 'key_issuer' | 'signature' | 'issuer' | 'audience' | 'expired'
  | 'not_yet_valid' | 'claims' | 'version' | 'tenant_id' | 'object_id' | 'not_delegated' | 'email'
  | 'tenant_not_allowed' | 'unavailable';

class Refusal extends Error {
  constructor(readonly reason: Reason) {
    super(reason);
  }
}

function refuse(reason: Reason): never {
  throw new Refusal(reason);
}

// The caller learns only what it can act on; the precise reason goes to the log.
const MESSAGES: Partial<Record<Reason, string>> = {
  expired: 'The sign-in has expired.',
  tenant_not_allowed: 'Your organisation is not set up to use Sealpost.',
  unavailable: 'Sign-in cannot be checked right now; try again shortly.',
};

export class AzureIdentityVerifier implements TokenVerifier {
  private readonly clientId: string;
  private readonly allowedTenants: ReadonlySet<string> | 'any';
  private readonly authority: string;
  private readonly fetchImpl: typeof fetch;
  private readonly now: () => number;
  private readonly tolerance: number;
  private readonly timeoutMs: number;
  private readonly cooldownMs: number;
  private readonly log?: VerifierLog;
  private readonly metadata: RemoteDocument<Metadata>;
  private keys?: { uri: string; doc: RemoteDocument<KeySet> };

  constructor(options: AzureIdentityOptions) {
    if (!GUID.test(options.clientId)) throw new TypeError('clientId must be the application (client) id, a GUID');
    this.clientId = options.clientId.toLowerCase();
    if (options.allowedTenants === 'any') this.allowedTenants = 'any';
    else {
      if (!options.allowedTenants.every((t) => GUID.test(t))) throw new TypeError('allowedTenants must be tenant ids (GUIDs)');
      this.allowedTenants = new Set(options.allowedTenants.map((t) => t.toLowerCase()));
    }
    this.authority = checkAuthority(options.authorityBaseUrl ?? 'https://login.microsoftonline.com');
    this.fetchImpl = options.fetch ?? fetch;
    this.now = options.now ?? Date.now;
    this.tolerance = options.clockToleranceSec ?? 60;
    this.timeoutMs = options.timeoutMs ?? 5000;
    this.cooldownMs = options.refreshCooldownMs ?? 30_000;
    this.log = options.log;
    const url = `${this.authority}/common/v2.0/.well-known/openid-configuration`;
    this.metadata = this.document('openid-configuration', 24 * HOUR, async () => this.parseMetadata(await this.get(url)));
  }

  /** Entra ID v2 issuers of one tenant under our authority: `<authority>/<tenant id>/v2.0`. */
  accepts(issuer: string): boolean {
    const prefix = `${this.authority}/`;
    if (!issuer.startsWith(prefix) || !issuer.endsWith('/v2.0')) return false;
    return GUID.test(issuer.slice(prefix.length, -'/v2.0'.length));
  }

  async verify(token: string): Promise<SenderIdentity> {
    try {
      return await this.check(token);
    } catch (err) {
      const reason = classify(err);
      // Only the reason: jose's claim errors carry the whole payload, which must not reach a log.
      if (reason === 'unexpected') this.log?.warn({ reason, error: (err as Error)?.name }, 'Entra ID token check failed unexpectedly');
      else this.log?.debug({ reason }, 'Entra ID token refused');
      throw new AppError('unauthenticated', (reason !== 'unexpected' && MESSAGES[reason]) || 'The token is not valid.');
    }
  }

  private async check(token: string): Promise<SenderIdentity> {
    let alg: unknown;
    let kid: unknown;
    let tid: unknown;
    try {
      ({ alg, kid } = decodeProtectedHeader(token));
      // Unverified, and used only to choose which issuer the token must prove it comes from.
      tid = decodeJwt(token).tid;
    } catch {
      refuse('malformed');
    }
    // Only RS256: this refuses `none` and HMAC signed with the public key before any key is looked up.
    if (alg !== 'RS256') refuse('algorithm');
    if (typeof kid !== 'string' || !kid) refuse('key');
    if (typeof tid !== 'string' || !GUID.test(tid)) refuse('tenant_id');

    const metadata = await this.metadata.get();
    const issuer = metadata.issuerTemplate.replace('{tenantid}', tid);
    const keySet = this.keySet(metadata.jwksUri);
    const { payload } = await jwtVerify(token, async () => selectKey(await this.keyFor(keySet, kid), tid, issuer), {
      algorithms: ['RS256'],
      issuer,
      audience: this.clientId,
      requiredClaims: ['exp', 'iss', 'aud'],
      clockTolerance: this.tolerance,
      currentDate: new Date(this.now()),
    });
    return this.identity(payload, tid.toLowerCase());
  }

  /** The key for `kid`; an unknown kid refreshes the key set once, within the cool-down. */
  private async keyFor(doc: RemoteDocument<KeySet>, kid: string) {
    const set = await doc.get();
    const key = set.byKid.get(kid);
    if (key) return key;
    const fresh = await doc.get({ refresh: true });
    return fresh.byKid.get(kid) ?? refuse('key');
  }

  private identity(payload: JWTPayload, tid: string): SenderIdentity {
    const claims = payload as Record<string, unknown>;
    // A v2 access token names exactly one audience: our client id.
    if (typeof claims.aud !== 'string') refuse('audience');
    if (claims.ver !== '2.0') refuse('version');
    const oid = claims.oid;
    if (typeof oid !== 'string' || !GUID.test(oid)) refuse('object_id');
    // App-only tokens (client credentials) carry roles but no scp: they are not a sender.
    if (typeof claims.scp !== 'string' || !claims.scp.trim() || claims.idtyp === 'app') refuse('not_delegated');
    if (!this.tenantAllowed(tid)) refuse('tenant_not_allowed');
    const email = pickEmail(claims) ?? refuse('email');
    const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim().slice(0, 256) : email;
    const roles = Array.isArray(claims.roles) ? claims.roles.filter((r): r is string => typeof r === 'string').slice(0, 50) : [];
    // Access tokens carry the tenant's id but not its display name; that would take a Microsoft Graph call.
    return { issuer: 'azure', tid, oid: oid.toLowerCase(), name, email, organisationName: tid, roles };
  }

  private tenantAllowed(tid: string) {
    // Under 'any', personal accounts are still refused: they all share one tenant, not an organisation.
    if (this.allowedTenants === 'any') return tid !== CONSUMER_TENANT;
    return this.allowedTenants.has(tid);
  }

  private keySet(uri: string) {
    if (this.keys?.uri !== uri) {
      // An hour, not a day: a key Microsoft withdraws stops being trusted soon after.
      this.keys = { uri, doc: this.document('jwks', HOUR, async () => loadKeySet(await this.get(uri))) };
    }
    return this.keys.doc;
  }

  private document<T>(name: string, maxAgeMs: number, load: () => Promise<T>) {
    return new RemoteDocument(load, {
      maxAgeMs,
      // A stale copy is better than no sign-in while the identity platform has a bad moment.
      maxStaleMs: maxAgeMs + 24 * HOUR,
      cooldownMs: this.cooldownMs,
      now: this.now,
      onFailure: (err) => this.log?.warn({ document: name, error: describe(err) }, 'Entra ID metadata could not be fetched'),
      unavailable: () => new Refusal('unavailable'),
    });
  }

  private get(url: string) {
    return fetchJson(this.fetchImpl, url, this.timeoutMs);
  }

  private parseMetadata(doc: unknown): Metadata {
    const { issuer, jwks_uri: jwksUri } = (doc ?? {}) as Record<string, unknown>;
    // Both must agree with accepts(): the issuer template is ours, and keys come from our authority.
    if (issuer !== `${this.authority}/{tenantid}/v2.0`) throw new Error('unexpected issuer template in the OpenID configuration');
    if (typeof jwksUri !== 'string' || !sameOrigin(jwksUri, this.authority)) throw new Error('jwks_uri is not on the authority');
    return { issuerTemplate: issuer, jwksUri };
  }
}

function checkAuthority(raw: string) {
  const url = new URL(raw);
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  // Keys fetched over plain http could be swapped in transit; only tests on loopback may.
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) throw new TypeError('authorityBaseUrl must be https');
  return raw.replace(/\/+$/, '');
}

function sameOrigin(a: string, b: string) {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

/** The sender's address: the first of preferred_username, email, upn that looks like one. */
function pickEmail(claims: Record<string, unknown>) {
  for (const c of [claims.preferred_username, claims.email, claims.upn]) {
    if (typeof c !== 'string') continue;
    const v = c.trim().toLowerCase();
    if (v.length <= 320 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v)) return v;
  }
  return undefined;
}

function classify(err: unknown): Reason | 'unexpected' {
  if (err instanceof Refusal) return err.reason;
  if (err instanceof joseErrors.JWTExpired) return 'expired';
  if (err instanceof joseErrors.JWTClaimValidationFailed) {
    if (err.claim === 'nbf') return 'not_yet_valid';
    if (err.claim === 'iss') return 'issuer';
    if (err.claim === 'aud') return 'audience';
    return 'claims';
  }
  if (err instanceof joseErrors.JWSSignatureVerificationFailed) return 'signature';
  if (err instanceof joseErrors.JOSEAlgNotAllowed) return 'algorithm';
  return err instanceof joseErrors.JOSEError ? 'malformed' : 'unexpected';
}

function describe(err: unknown) {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}

/**
 * Microsoft scopes each published key to an issuer: a templated one serves every tenant, a
 * concrete one (the personal-account tenant) only itself. A key may sign only for its own scope.
 */
async function selectKey(key: PublishedKey, tid: string, issuer: string) {
  if (key.issuer !== undefined) {
    if (typeof key.issuer !== 'string' || key.issuer.replace(/\{tenantid\}/i, tid) !== issuer) refuse('key_issuer');
  }
  key.imported ??= importJWK(key.jwk, 'RS256');
  return key.imported;
}
