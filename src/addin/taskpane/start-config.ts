/**
 * The service's sign-in configuration for the pane's first render. taskpane.html preloads it, so
 * the request leaves while the browser parses the page and the answer is usually in before the
 * bundle has run; `getConfig()` here is handed that preloaded answer. Asked from `Office.onReady`
 * rather than while the bundle is evaluated: the request is on its way either way.
 */
import type { Result } from '../../shared/errors';
import type { AddinConfig } from '../../shared/protocol/api';
import type { SenderApi } from './api/sender-api';

export interface StartConfig {
  /** The answer, when it arrived within the wait. */
  config?: Result<AddinConfig>;
  /** The API, whose first `getConfig()` waits for the same answer when it did not. */
  api: SenderApi;
}

export async function readStartConfig(api: SenderApi, waitMs: number): Promise<StartConfig> {
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
