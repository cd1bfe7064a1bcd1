/**
 * The encrypting half of the API client: `sendSecure` with the XHR uploader and a progress
 * figure over encrypting and uploading. Loaded on demand by `sender-api.ts`, so the envelope
 * code stays out of the pane's first download.
 */
import type { Result } from '../../../shared/errors';
import type { RecipientInput } from '../../../shared/protocol/api';
import { ApiError, sendSecure, type OutgoingMessage, type SentMessage } from '../../../shared/protocol/sender-client';
import { NETWORK_ERROR, type FetchLike } from '../../../client/api/http';
import type { SendOptions } from './sender-api';
import { xhrUploader } from './xhr-uploader';

export interface SendMessageDeps {
  origin: string;
  fetch: FetchLike;
  createXhr?: () => XMLHttpRequest;
}

export async function sendMessage(
  { origin, fetch, createXhr }: SendMessageDeps,
  token: string,
  message: OutgoingMessage,
  recipients: RecipientInput[],
  { locale, signal, onProgress }: SendOptions,
): Promise<Result<SentMessage>> {
  // Each byte is counted twice: once encrypted into a blob, once uploaded.
  let encrypted = 0;
  let uploaded = 0;
  let total = 0;
  const report = () => onProgress(total ? Math.min(1, (encrypted + uploaded) / (2 * total)) : null);
  const upload = xhrUploader({ signal, createXhr, onProgress: (n) => ((uploaded = n), report()) });
  try {
    const sent = await sendSecure({ baseUrl: origin, token, fetch: fetch as typeof globalThis.fetch, upload }, message, recipients, {
      locale,
      signal,
      onProgress: (n, of) => ((encrypted = n), (total = of), report()),
    });
    return { ok: true, data: sent };
  } catch (error) {
    return { ok: false, error: error instanceof ApiError ? error.body : NETWORK_ERROR };
  }
}
