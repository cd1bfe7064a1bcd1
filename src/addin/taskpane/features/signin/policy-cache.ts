/**
 * The organisation's settings, copied into the sender's roaming settings for the on-send
 * handler: it must decide within seconds and may run before the pane ever opens on a device.
 */
import type { OrganisationSettings } from '../../../../shared/protocol/api';
import type { OfficeAdapter } from '../../../office/office-adapter';
import { POLICY_CACHE_KEY, type PolicyCache as HandlerPolicyCache } from '../../../commands/policy-source';

export { POLICY_CACHE_KEY };

/** Roaming settings hold 32 KB in all; the policy gets half, the remembered numbers most of the rest. */
export const POLICY_CACHE_MAX_CHARS = 16 * 1024;

/** Exactly what the on-send handler reads (fetchedAt in ms since the epoch). */
export type PolicyCache = OrganisationSettings & HandlerPolicyCache;

/**
 * Writes `{ policy, failClosed, fetchedAt }`, or null when the policy is too large to roam: a
 * stale copy would be worse than none, as the handler then asks the service or uses the default.
 */
export async function cachePolicy(office: OfficeAdapter, settings: OrganisationSettings, now = new Date()): Promise<void> {
  const cache: PolicyCache = { policy: settings.policy, failClosed: settings.failClosed, fetchedAt: now.getTime() };
  await office.setRoaming(POLICY_CACHE_KEY, JSON.stringify(cache).length <= POLICY_CACHE_MAX_CHARS ? cache : null);
}
