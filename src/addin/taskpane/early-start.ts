/**
 * The pane's first requests, in a module that `index.tsx` imports before anything else, so that
 * they leave while the rest of the bundle (React, Fluent) is still being evaluated and Office.js
 * starts: the service's sign-in configuration, which the first screen needs, and the texts of the
 * browser's language, the best guess at Outlook's display language until Office.js can say it
 * (a wrong guess costs one small download; `index.tsx` then loads the right texts).
 */
import type { FetchLike } from '../../client/api/http';
import { createSenderApi, type SenderApi } from './api/sender-api';
import { loadMessages } from './i18n/catalogues';
import { pickLocale } from './i18n/messages';

const fetchImpl: FetchLike = (input, init) => fetch(input, init);
const senderApi = createSenderApi({ origin: window.location.origin, fetch: fetchImpl });

let firstConfig: ReturnType<SenderApi['getConfig']> | null = senderApi.getConfig();
loadMessages(pickLocale(navigator.languages ?? [navigator.language], null)).catch(() => undefined);

export { fetchImpl };

/** The service API whose first `getConfig()` is the answer asked for above; later calls ask anew. */
export const api: SenderApi = {
  ...senderApi,
  getConfig: () => {
    const early = firstConfig;
    firstConfig = null;
    return early ?? senderApi.getConfig();
  },
};
