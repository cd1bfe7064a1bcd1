/**
 * The light handlers' shared work: get the policy into the runtime's store early, so that the
 * send check finds it there instead of waiting on the network. Bounded by its own deadline, and
 * it never throws: a failed warm-up only means the send check fetches for itself.
 */
import { withDeadline } from './deadline';
import { loadPolicy, type PolicyDeps } from './policy-source';

/** Outlook expects launch events to finish quickly; this is far below its limits. */
export const WARM_DEADLINE_MS = 2000;

export interface LaunchEvent {
  completed(): void;
}

export async function warmPolicy(event: LaunchEvent, makeDeps: () => PolicyDeps, deadlineMs = WARM_DEADLINE_MS): Promise<void> {
  try {
    await withDeadline(loadPolicy(makeDeps()), deadlineMs, () => undefined);
  } catch {
    // Nothing to tell the sender: the send check has its own fallbacks.
  } finally {
    event.completed();
  }
}
