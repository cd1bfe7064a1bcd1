/**
 * The service's sign-in configuration for the pane's first render. The service writes it into
 * the page it serves (`embeddedConfig`), so the first screen can show without waiting for a
 * request; a page served some other way (a static host, a test page) asks `GET /api/addin/config`
 * (`readStartConfig`).
 */
import type { Result } from '../../shared/errors';
import type { AddinConfig } from '../../shared/protocol/api';
import { ADDIN_CONFIG_ELEMENT_ID } from '../auth/config-path';
import type { SenderApi } from './api/sender-api';

const isString = (value: unknown): value is string => typeof value === 'string';

/** The configuration in the page's JSON data block, if it is there and has the expected shape. */
export function embeddedConfig(doc: Document): AddinConfig | undefined {
  const element = doc.getElementById(ADDIN_CONFIG_ELEMENT_ID);
  if (!element || element.getAttribute('type') !== 'application/json') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(element.textContent ?? '');
  } catch {
    return undefined;
  }
  const { azure, devSignIn, privacyUrl } = (value ?? {}) as Partial<Record<keyof AddinConfig, unknown>>;
  if (typeof devSignIn !== 'boolean' || !isString(privacyUrl)) return undefined;
  if (azure !== null) {
    const { clientId, authority, scopes } = (azure ?? {}) as Record<string, unknown>;
    if (!isString(clientId) || !isString(authority) || !Array.isArray(scopes) || !scopes.every(isString)) return undefined;
    return { azure: { clientId, authority, scopes }, devSignIn, privacyUrl };
  }
  return { azure: null, devSignIn, privacyUrl };
}

export interface StartConfig {
  /** The answer, when it arrived within the wait. */
  config?: Result<AddinConfig>;
  /** The API, whose first `getConfig()` waits for the same answer when it did not. */
  api: SenderApi;
}

/**
 * The configuration in the page, or else the service's answer if it comes within `waitMs`.
 */
export async function readStartConfig(api: SenderApi, waitMs: number, doc: Document = document): Promise<StartConfig> {
  const embedded = embeddedConfig(doc);
  if (embedded) return { config: { ok: true, data: embedded }, api };
  const asked = api.getConfig();
  let answer: Result<AddinConfig> | undefined;
  void asked.then((settled) => (answer = settled));
  let timer: number | undefined;
  const late = new Promise<undefined>((resolve) => (timer = window.setTimeout(resolve, waitMs)));
  await Promise.race([asked, late]);
  window.clearTimeout(timer);
  if (answer) return { config: answer, api };
  let pending: Promise<Result<AddinConfig>> | null = asked;
  return {
    api: {
      ...api,
      getConfig: () => {
        const first = pending;
        pending = null;
        return first ?? api.getConfig();
      },
    },
  };
}
