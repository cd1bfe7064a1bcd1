import type { Result } from '../../shared/errors';
import type { MessageAvailability, StartVerificationResponse, VerifyResponse } from '../../shared/protocol/api';
import { routes } from '../../shared/protocol/routes';
import type { Locale } from '../i18n/messages';
import { NETWORK_ERROR, readError, requestJson, type FetchLike } from '../../client/api/http';

/** An encrypted part as it arrives: a byte stream, never buffered by the client layer. */
export interface PartDownload {
  body: ReadableStream<Uint8Array>;
}

/** Everything the portal asks of the service. Tests pass a fake with the same shape. */
export interface RecipientApi {
  getAvailability(messageId: string, signal?: AbortSignal): Promise<Result<MessageAvailability>>;
  startVerification(messageId: string, email: string, locale: Locale): Promise<Result<StartVerificationResponse>>;
  /** A new code for the same address; the answer names the new verification to use. */
  resend(messageId: string, verificationId: string, email: string, locale: Locale): Promise<Result<StartVerificationResponse>>;
  verify(messageId: string, verificationId: string, code: string): Promise<Result<VerifyResponse>>;
  fetchPart(messageId: string, index: number, sessionToken: string, signal?: AbortSignal): Promise<Result<PartDownload>>;
}

export function createRecipientApi(fetchImpl: FetchLike = (input, init) => fetch(input, init)): RecipientApi {
  return {
    getAvailability: (id, signal) => requestJson(fetchImpl, routes.recipientMessage(id), { signal }),
    startVerification: (id, email, locale) =>
      requestJson(fetchImpl, routes.startVerification(id), { method: 'POST', body: { email, locale } }),
    resend: (id, vid, email, locale) =>
      requestJson(fetchImpl, routes.resend(id, vid), { method: 'POST', body: { email, locale } }),
    verify: (id, vid, code) => requestJson(fetchImpl, routes.verify(id, vid), { method: 'POST', body: { code } }),
    fetchPart: async (id, index, token, signal) => {
      let response: Response;
      try {
        response = await fetchImpl(routes.recipientPart(id, index), {
          headers: { authorization: `Bearer ${token}`, accept: 'application/octet-stream' },
          signal,
          cache: 'no-store',
        });
      } catch {
        return { ok: false, error: NETWORK_ERROR };
      }
      if (!response.ok) return { ok: false, error: await readError(response) };
      if (!response.body) return { ok: false, error: NETWORK_ERROR };
      return { ok: true, data: { body: response.body } };
    },
  };
}
