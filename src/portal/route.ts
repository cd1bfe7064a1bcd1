/** The pages the one portal bundle serves; the service answers the same `portal.html` for each. */
export type PortalPage = 'message' | 'my-data';

// As with message links: the service may live under a path prefix.
const MY_DATA_PATH = /(?:^|\/)my-data$/;

/** `/my-data` is "Your data"; everything else is the message flow (which rejects bad links itself). */
export function portalPage(pathname: string): PortalPage {
  return MY_DATA_PATH.test(pathname) ? 'my-data' : 'message';
}
