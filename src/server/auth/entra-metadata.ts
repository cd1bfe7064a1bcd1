/**
 * Metadata and signing keys from the Microsoft identity platform: fetched with a deadline, cached,
 * and refreshed at most once per cool-down.
 */
import type { importJWK } from 'jose';

export interface PublishedKey {
  jwk: { kty: 'RSA'; n: string; e: string };
  /** Microsoft's per-key issuer scope, e.g. `https://login.microsoftonline.com/{tenantid}/v2.0`. */
  issuer?: unknown;
  imported?: ReturnType<typeof importJWK>;
}

export interface KeySet {
  byKid: Map<string, PublishedKey>;
}

/** RSA signing keys by kid; a kid published twice is left out rather than guessed. */
export function loadKeySet(doc: unknown): KeySet {
  const keys = (doc as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys)) throw new Error('the key set has no keys');
  const byKid = new Map<string, PublishedKey>();
  const seen = new Set<string>();
  for (const k of keys as Record<string, unknown>[]) {
    if (typeof k?.kid !== 'string' || k.kty !== 'RSA' || typeof k.n !== 'string' || typeof k.e !== 'string') continue;
    if ((k.use !== undefined && k.use !== 'sig') || (k.alg !== undefined && k.alg !== 'RS256')) continue;
    if (seen.has(k.kid)) byKid.delete(k.kid);
    else byKid.set(k.kid, { jwk: { kty: 'RSA', n: k.n, e: k.e }, issuer: k.issuer });
    seen.add(k.kid);
  }
  return { byKid };
}

export async function fetchJson(fetchImpl: typeof fetch, url: string, timeoutMs: number): Promise<unknown> {
  const response = await fetchImpl(url, {
    headers: { accept: 'application/json' },
    // Metadata is served straight from the authority; a redirect is not followed anywhere.
    redirect: 'error',
    // The signal also bounds reading the body, so a trickling answer cannot hold a sign-in.
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (response.status !== 200) {
    await response.body?.cancel();
    throw new Error(`HTTP ${response.status}`);
  }
  return response.json();
}

export interface DocumentOptions {
  maxAgeMs: number;
  maxStaleMs: number;
  cooldownMs: number;
  now: () => number;
  onFailure: (err: unknown) => void;
  unavailable: () => Error;
}

/**
 * One remote JSON document, cached: fetched when missing or older than `maxAgeMs`, or on request
 * (an unknown kid), but never twice within the cool-down, so a flood of made-up kids costs the
 * identity platform at most one request per cool-down. Concurrent callers share one fetch; a
 * failed fetch falls back to the last good copy while it is younger than `maxStaleMs`.
 */
export class RemoteDocument<T> {
  private value?: { data: T; at: number };
  private lastAttempt = -Infinity;
  private lastFailed = false;
  private pending?: Promise<T>;

  constructor(
    private readonly load: () => Promise<T>,
    private readonly o: DocumentOptions,
  ) {}

  async get({ refresh = false } = {}): Promise<T> {
    if (this.pending) return this.pending;
    const now = this.o.now();
    const v = this.value;
    if (v && !refresh && now - v.at < this.o.maxAgeMs) return v.data;
    // After a failure, retry sooner than after a success, but still not on every request.
    const wait = this.lastFailed ? Math.min(this.o.cooldownMs, 5000) : this.o.cooldownMs;
    if (now - this.lastAttempt < wait) return this.fallback();
    this.lastAttempt = now;
    const pending = this.load().then(
      (data) => {
        this.value = { data, at: this.o.now() };
        this.lastFailed = false;
        return data;
      },
      (err: unknown) => {
        this.lastFailed = true;
        this.o.onFailure(err);
        return this.fallback();
      },
    );
    this.pending = pending;
    try {
      return await pending;
    } finally {
      if (this.pending === pending) this.pending = undefined;
    }
  }

  private fallback(): T {
    const v = this.value;
    if (v && this.o.now() - v.at < this.o.maxStaleMs) return v.data;
    throw this.o.unavailable();
  }
}
