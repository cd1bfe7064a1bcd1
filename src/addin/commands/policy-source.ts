/**
 * Where the event runtime gets the organisation's policy: fast, and without a token.
 *
 * 1. The task pane, signed in, fetches `GET /api/policy` with its bearer token and keeps the
 *    answer plus its fetch time in the roaming setting `sealpost.policyCache` (`PolicyCache`).
 *    When that copy is at most 24 hours old, the handler uses it and makes no request at all.
 * 2. Otherwise it uses its own copy of the service's public default (`GET /api/policy/default`),
 *    kept in `OfficeRuntime.storage` where the runtime has it and in the item's session data
 *    where not, or fetches that default with a 1.5 s timeout.
 * 3. When the service cannot be reached it falls back to the stale organisation copy, else to
 *    `defaultPolicy()`, and reports `offline` so the caller can apply fail-open or fail-closed.
 *
 * Why no token here: the JavaScript-only runtime of classic Outlook has no localStorage or
 * cookies, nested app authentication in event handlers still fails on classic Outlook
 * (office-js #4764, #6692), and a bearer token in roaming settings would store a secret in the
 * mailbox. The policy is not a secret; the organisation's copy rides on the pane's sign-in.
 */
import { resolvePolicy, type Policy } from '../../shared/detect';
import type { OfficeAdapter } from '../office/office-adapter';
import { withDeadline } from './deadline';

export const POLICY_CACHE_KEY = 'sealpost.policyCache';
export const DEFAULT_POLICY_KEY = 'sealpost.defaultPolicy';
export const POLICY_MAX_AGE_MS = 24 * 60 * 60 * 1000;
export const POLICY_FETCH_TIMEOUT_MS = 1500;

/** The task pane writes this: the JSON of `GET /api/policy` and when it got it (ms since the epoch). */
export interface PolicyCache {
  policy: unknown;
  failClosed: boolean;
  fetchedAt: number;
}

/** The shape of `OfficeRuntime.storage`. */
export interface KeyValueStore {
  getItem(key: string): Promise<string | null>;
  setItem(key: string, value: string): Promise<void>;
}

export interface PolicyOutcome {
  policy: Policy;
  failClosed: boolean;
  source: 'organisation' | 'default' | 'offline';
}

export interface PolicyDeps {
  office: OfficeAdapter;
  store: KeyValueStore;
  fetch: (url: string, init?: RequestInit) => Promise<Response>;
  /** The service's origin, e.g. https://sealpost.example.org. */
  baseUrl: string;
  now: () => number;
  fetchTimeoutMs?: number;
}

function asCache(value: unknown): PolicyCache | null {
  if (typeof value === 'string') {
    try {
      return asCache(JSON.parse(value));
    } catch {
      return null;
    }
  }
  if (typeof value !== 'object' || value === null) return null;
  const c = value as Partial<PolicyCache>;
  return typeof c.policy === 'object' && c.policy !== null && typeof c.fetchedAt === 'number'
    ? { policy: c.policy, failClosed: c.failClosed === true, fetchedAt: c.fetchedAt }
    : null;
}

// Roaming settings travel between devices whose clocks differ; a copy "from the future" within
// the same window still counts as fresh.
const isFresh = (c: PolicyCache, now: number): boolean => Math.abs(now - c.fetchedAt) <= POLICY_MAX_AGE_MS;

/** The pane's copy, fresh or not; null when there is none or the client cannot read it. */
export function organisationCopy(office: OfficeAdapter): PolicyCache | null {
  try {
    return asCache(office.getRoaming(POLICY_CACHE_KEY));
  } catch {
    return null;
  }
}

const TIMED_OUT = 'timed out' as const;

/** The public default, within the timeout; the request is aborted where the runtime can. */
async function fetchDefault(deps: PolicyDeps): Promise<PolicyCache> {
  const abort = typeof AbortController === 'function' ? new AbortController() : null;
  const request = deps
    .fetch(`${deps.baseUrl}/api/policy/default`, { headers: { accept: 'application/json' }, credentials: 'omit', cache: 'no-store', signal: abort?.signal })
    .then((response) => {
      if (!response.ok) throw new Error(`policy request answered ${response.status}`);
      return response.json() as Promise<{ policy?: unknown; failClosed?: unknown }>;
    });
  const body = await withDeadline(request, deps.fetchTimeoutMs ?? POLICY_FETCH_TIMEOUT_MS, () => TIMED_OUT);
  if (body === TIMED_OUT) {
    abort?.abort();
    throw new Error('policy request timed out');
  }
  const cache = asCache({ ...body, fetchedAt: deps.now() });
  if (!cache) throw new Error('policy answer has no policy');
  return cache;
}

export async function loadPolicy(deps: PolicyDeps): Promise<PolicyOutcome> {
  const now = deps.now();
  const organisation = organisationCopy(deps.office);
  if (organisation && isFresh(organisation, now)) return { policy: resolvePolicy(organisation.policy), failClosed: organisation.failClosed, source: 'organisation' };

  // The store is best effort: a runtime whose storage throws still gets a policy.
  const kept = asCache(await Promise.resolve().then(() => deps.store.getItem(DEFAULT_POLICY_KEY)).catch(() => null));
  if (kept && isFresh(kept, now)) return { policy: resolvePolicy(kept.policy), failClosed: organisation?.failClosed ?? false, source: 'default' };
  try {
    const fetched = await fetchDefault(deps);
    await Promise.resolve().then(() => deps.store.setItem(DEFAULT_POLICY_KEY, JSON.stringify(fetched))).catch(() => undefined);
    return { policy: resolvePolicy(fetched.policy), failClosed: organisation?.failClosed ?? false, source: 'default' };
  } catch {
    return { policy: resolvePolicy(organisation?.policy ?? kept?.policy), failClosed: organisation?.failClosed ?? false, source: 'offline' };
  }
}
