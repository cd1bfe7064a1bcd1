/**
 * The pane's first requests, in a module that `index.tsx` imports before anything else, so that
 * they leave while the rest of the bundle (React, Fluent) is still being evaluated and Office.js
 * starts: the service's sign-in configuration, which the first screen needs (taskpane.html
 * preloads it, so the answer is usually here already).
 */
import type { FetchLike } from '../../client/api/http';
import type { Result } from '../../shared/errors';
import type { AddinConfig } from '../../shared/protocol/api';
import { createSenderApi, type SenderApi } from './api/sender-api';

const fetchImpl: FetchLike = (input, init) => fetch(input, init);
const senderApi = createSenderApi({ origin: window.location.origin, fetch: fetchImpl });

const earlyConfig = senderApi.getConfig();
let firstConfig: Promise<Result<AddinConfig>> | null = earlyConfig;
let settledConfig: Result<AddinConfig> | undefined;
void earlyConfig.then((answer) => (settledConfig = answer));

export { fetchImpl };

/**
 * The configuration asked for above once it has arrived, for the first render, within `waitMs`;
 * undefined after that, in which case the pane's first `getConfig()` waits for the same answer.
 */
export async function startConfig(waitMs: number): Promise<Result<AddinConfig> | undefined> {
  let timer: number | undefined;
  const late = new Promise<undefined>((resolve) => (timer = window.setTimeout(resolve, waitMs)));
  await Promise.race([earlyConfig, late]);
  window.clearTimeout(timer);
  if (settledConfig) firstConfig = null; // Handed over: a later getConfig() asks anew.
  return settledConfig;
}

/** The service API whose first `getConfig()` is the answer asked for above; later calls ask anew. */
export const api: SenderApi = {
  ...senderApi,
  getConfig: () => {
    const early = firstConfig;
    firstConfig = null;
    return early ?? senderApi.getConfig();
  },
};
