/**
 * What the manifest, the service and the add-in bundles agree on: the public paths under the
 * service's base URL, the handler names Outlook calls, the task-pane button id, and the rewrite
 * that turns the one `manifest.xml` (written for the development base) into the manifest for
 * another public base URL. No `node:` imports: the service and the build script both use it.
 */
import { AppError } from '../shared/errors';

/** The add-in's manifest `Id`. Never change it: admins and Outlook know the add-in by it. */
export const ADDIN_ID = '612bc269-9c12-495e-aeff-2d14cdbdb060';

/** The base URL `manifest.xml` is written for: the development default. */
export const MANIFEST_PLACEHOLDER_BASE = 'https://localhost:3000';

/** Exchange refuses to install a manifest larger than this for a mailbox. */
export const MANIFEST_MAX_BYTES = 256 * 1024;

/** Paths under the public base URL. */
export const ADDIN_PATHS = {
  taskpane: '/addin/taskpane.html',
  /** The event runtime page for Outlook on the web, on Mac and new Outlook on Windows. */
  commandsPage: '/addin/commands.html',
  /** The JavaScript-only runtime file that classic Outlook on Windows loads directly. */
  launchEventScript: '/addin/launchevent.js',
  support: '/support',
  privacy: '/privacy',
  officeAddinsAllowed: '/.well-known/microsoft-officeaddins-allowed.json',
  manifest: '/manifest.xml',
} as const;

/** Icon sizes in pixels; each is served as `/assets/icon-<size>.png`. */
export const ICON_SIZES = [16, 32, 64, 80, 128] as const;
export type IconSize = (typeof ICON_SIZES)[number];

export function iconPath(size: IconSize): string {
  return `/assets/icon-${size}.png`;
}

/** `FunctionName`s in the manifest; the commands bundle passes each to `Office.actions.associate`. */
export const EVENT_HANDLER_NAMES = {
  OnMessageSend: 'onMessageSendHandler',
  OnNewMessageCompose: 'onNewMessageComposeHandler',
  OnMessageRecipientsChanged: 'onRecipientsChangedHandler',
} as const;

/** The compose button that opens the pane; Smart Alerts takes it as `commandId`. */
export const OPEN_PANE_BUTTON_ID = 'SealpostOpenPaneButton';

// An origin we can paste into XML attributes without escaping: the URL parser accepts hosts
// with `"`, `&` or `'`, which would break the manifest or inject markup.
const SAFE_ORIGIN = /^https:\/\/(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/;

/**
 * Checks a public base URL for the manifest and returns its origin (no trailing slash).
 * It must be https (Office loads nothing else) and an origin only: the allow-list file has to
 * sit at the origin's root, so a base with a path could not serve it.
 */
export function manifestBase(base: string): string {
  let url: URL;
  try {
    url = new URL(base.trim());
  } catch {
    throw new AppError('bad_request', `The add-in base URL is not a URL: "${base}".`);
  }
  if (url.protocol !== 'https:') {
    throw new AppError('bad_request', `The add-in base URL must be https (Outlook loads add-ins only over https): "${base}".`);
  }
  if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) {
    throw new AppError('bad_request', `The add-in base URL must be an origin such as https://sealpost.example.org, with no path, query or credentials: "${base}".`);
  }
  if (!SAFE_ORIGIN.test(url.origin)) {
    throw new AppError('bad_request', `The add-in base URL has a host that cannot be written into the manifest: "${base}".`);
  }
  return url.origin;
}

// The placeholder only where a URL starts, and only when the port ends there (not :30001).
const PLACEHOLDER = /https:\/\/localhost:3000(?=[/"<])/g;

/**
 * The manifest for `base`: every URL in `xml` that starts with the development base is moved to
 * `base`. Throws an `AppError` (`bad_request`) for a base that is not an https origin, when `xml`
 * holds no URL to rewrite, or when the result passes Exchange's 256 KB limit.
 */
export function buildManifest(xml: string, base: string): string {
  const origin = manifestBase(base);
  let count = 0;
  const out = xml.replace(PLACEHOLDER, () => {
    count += 1;
    return origin;
  });
  if (count === 0) {
    throw new AppError('bad_request', `The manifest source has no URL under ${MANIFEST_PLACEHOLDER_BASE} to rewrite.`);
  }
  const bytes = new TextEncoder().encode(out).byteLength;
  if (bytes > MANIFEST_MAX_BYTES) {
    throw new AppError('bad_request', `The manifest is ${bytes} bytes; Exchange installs at most ${MANIFEST_MAX_BYTES}.`);
  }
  return out;
}
