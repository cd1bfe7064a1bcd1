/** Where the recipient's link points: the message id from the path, the key half from the fragment. */
export interface PortalLink {
  messageId: string;
  linkSecret: Uint8Array;
}

// As in the shared link format: the service may live under a path prefix.
const MESSAGE_PATH = /(?:^|\/)m\/([A-Za-z0-9_-]{22})$/;

/**
 * Reads the link once, at start-up, and then removes the fragment from the address bar: the secret
 * must not linger in history, bookmarks or a copied URL, and it never goes to the server (browsers
 * do not send fragments). The fragment is removed even when it is malformed. Returns null for
 * anything but a well-formed link, which the portal shows as the one vague "not available" page.
 */
export function readLink(
  location: Pick<Location, 'pathname' | 'search' | 'hash'>,
  history: Pick<History, 'replaceState' | 'state'>,
  parseFragment: (hash: string) => Uint8Array | null,
): PortalLink | null {
  const hash = location.hash;
  const pathMatch = MESSAGE_PATH.exec(location.pathname);
  if (hash) history.replaceState(history.state, '', location.pathname + location.search);
  const linkSecret = hash ? parseFragment(hash) : null;
  if (!pathMatch?.[1] || !linkSecret) return null;
  return { messageId: pathMatch[1], linkSecret };
}
