import type { Result } from '../../shared/errors';
import type {
  EraseResponse,
  ObjectionRequest,
  PersonalData,
  PrivacyChallengeResponse,
  PrivacySession,
  RectifyRequest,
  RectifyResponse,
} from '../../shared/protocol/privacy-api';
import { personalDataFileName } from '../../shared/protocol/privacy-api';
import { routes } from '../../shared/protocol/routes';
import { NETWORK_ERROR, request, requestJson, type FetchLike } from '../../client/api/http';
import type { Locale } from '../i18n/messages';

/** The export as the service sent it: its bytes untouched, and the file name it suggested. */
export interface DataExport {
  fileName: string;
  bytes: Uint8Array;
}

/**
 * What "Your data" asks of the service. Every call after `verify` carries the privacy session's
 * token; tests pass a fake with the same shape.
 */
export interface PrivacyApi {
  /** Mails a code to the address; the answer is the same whether or not anything is held. */
  requestCode(email: string, locale: Locale): Promise<Result<PrivacyChallengeResponse>>;
  verify(challengeId: string, code: string): Promise<Result<PrivacySession>>;
  getData(token: string, signal?: AbortSignal): Promise<Result<PersonalData>>;
  exportData(token: string): Promise<Result<DataExport>>;
  rectify(token: string, change: RectifyRequest): Promise<Result<RectifyResponse>>;
  erase(token: string): Promise<Result<EraseResponse>>;
  setProductEmailsOff(token: string, productEmailsOff: boolean): Promise<Result<ObjectionRequest>>;
  signOut(token: string): Promise<Result<void>>;
}

/** The name from `Content-Disposition: attachment; filename="…"`, if there is a plain one. */
export function exportFileName(disposition: string | null): string {
  const match = /filename="([^"\\/]+)"/i.exec(disposition ?? '');
  return match?.[1] ?? personalDataFileName('');
}

export function createPrivacyApi(fetchImpl: FetchLike = (input, init) => fetch(input, init)): PrivacyApi {
  return {
    requestCode: (email, locale) => requestJson(fetchImpl, routes.privacyChallenges, { method: 'POST', body: { email, locale } }),
    verify: (challengeId, code) => requestJson(fetchImpl, routes.privacyVerify(challengeId), { method: 'POST', body: { code } }),
    getData: (token, signal) => requestJson(fetchImpl, routes.privacyMe, { token, signal }),
    exportData: async (token) => {
      const sent = await request(fetchImpl, routes.privacyExport, { token });
      if (!sent.ok) return sent;
      try {
        const bytes = new Uint8Array(await sent.data.arrayBuffer());
        return { ok: true, data: { fileName: exportFileName(sent.data.headers.get('content-disposition')), bytes } };
      } catch {
        return { ok: false, error: NETWORK_ERROR };
      }
    },
    rectify: (token, change) => requestJson(fetchImpl, routes.privacyMe, { method: 'PATCH', body: change, token }),
    erase: (token) => requestJson(fetchImpl, routes.privacyMe, { method: 'DELETE', token }),
    setProductEmailsOff: (token, productEmailsOff) =>
      requestJson(fetchImpl, routes.privacyObjection, { method: 'PUT', body: { productEmailsOff }, token }),
    signOut: (token) => requestJson(fetchImpl, routes.privacySession, { method: 'DELETE', token }),
  };
}
