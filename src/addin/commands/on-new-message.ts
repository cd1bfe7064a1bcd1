/**
 * OnNewMessageCompose (Mailbox 1.10): a new message, reply or forward opened. It only warms the
 * policy for the send check; the item is not read here, because with a `mailto:` compose the
 * recipients may not be there yet (they are, by the time recipients change or Send is pressed).
 */
import type { PolicyDeps } from './policy-source';
import { warmPolicy, type LaunchEvent } from './warm-policy';

export function onNewMessageCompose(event: LaunchEvent, makeDeps: () => PolicyDeps): Promise<void> {
  return warmPolicy(event, makeDeps);
}
