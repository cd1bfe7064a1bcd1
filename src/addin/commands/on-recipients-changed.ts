/**
 * OnMessageRecipientsChanged (Mailbox 1.11). It fires in reopened drafts too, where
 * OnNewMessageCompose does not, so it warms the policy as well. Recipients are read at Send, not
 * noted here: a copy in session data could be stale by then, and reading them is fast.
 */
import type { PolicyDeps } from './policy-source';
import { warmPolicy, type LaunchEvent } from './warm-policy';

export function onRecipientsChanged(event: LaunchEvent, makeDeps: () => PolicyDeps): Promise<void> {
  return warmPolicy(event, makeDeps);
}
