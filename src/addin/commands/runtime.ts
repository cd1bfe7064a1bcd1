/**
 * What differs between the two event runtimes. Outlook on the web, on Mac and new Outlook load
 * `commands.html` in a browser runtime, whose own origin is the service. Classic Outlook on
 * Windows loads `launchevent.js` alone in a JavaScript-only runtime: no `location`, no
 * localStorage or cookies, fetch with absolute URLs only. There the service's base URL is
 * `__SEALPOST_BASE_URL__`, which webpack's DefinePlugin fills in at build time from the
 * environment variable SEALPOST_PUBLIC_URL (default https://localhost:3000), so the bundle must
 * be built for the URL it is served from, as the manifest is.
 */
import type { OfficeAdapter } from '../office/office-adapter';
import type { KeyValueStore } from './policy-source';

declare const __SEALPOST_BASE_URL__: string | undefined;
declare const OfficeRuntime: { storage?: KeyValueStore } | undefined;

export const DEVELOPMENT_BASE_URL = 'https://localhost:3000';

export function serviceBaseUrl(): string {
  if (typeof location !== 'undefined' && location && /^https?:$/.test(location.protocol)) return location.origin;
  return typeof __SEALPOST_BASE_URL__ === 'string' && __SEALPOST_BASE_URL__ ? __SEALPOST_BASE_URL__.replace(/\/+$/, '') : DEVELOPMENT_BASE_URL;
}

/** `OfficeRuntime.storage` where the runtime has it (it outlives one item); else this item's session data. */
export function runtimeStore(office: OfficeAdapter): KeyValueStore {
  const storage = typeof OfficeRuntime !== 'undefined' && OfficeRuntime ? OfficeRuntime.storage : undefined;
  if (storage && typeof storage.getItem === 'function' && typeof storage.setItem === 'function') return storage;
  return {
    getItem: (key) => office.getSessionData(key),
    setItem: (key, value) => office.setSessionData(key, value),
  };
}
