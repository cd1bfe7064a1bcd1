/**
 * The data-subject-request calls of the pane: the signed-in sender's own data, and for
 * administrators their organisation's queue. Same origin, the sender's bearer token, `Result`s
 * (never throwing), like `api/sender-api.ts`; kept here so that it loads with the privacy panel
 * and not with the pane's first screen.
 */
import type { Result } from '../../../../shared/errors';
import type {
  AdminPrivacyRequest,
  AdminPrivacyResponse,
  AdminQueue,
  AdminQueueEntry,
  EraseResponse,
  ObjectionRequest,
  PersonalData,
} from '../../../../shared/protocol/privacy-api';
import { personalDataFileName } from '../../../../shared/protocol/privacy-api';
import { routes } from '../../../../shared/protocol/routes';
import { NETWORK_ERROR, request, requestJson, type FetchLike, type HttpMethod } from '../../../../client/api/http';

/** The export as the service sent it, to be saved byte for byte, and the name to save it under. */
export interface PersonalDataFile {
  fileName: string;
  json: string;
}

export interface PrivacyApi {
  /** Everything the service holds about the signed-in sender's address. */
  personalData(token: string): Promise<Result<PersonalData>>;
  exportPersonalData(token: string): Promise<Result<PersonalDataFile>>;
  /** The service answers with the choice it stored (`ObjectionResponse` has the request's shape). */
  setProductEmailsOff(token: string, productEmailsOff: boolean): Promise<Result<ObjectionRequest>>;
  /** Erases the sender's account data; signing in again starts a new account. */
  eraseAccount(token: string): Promise<Result<EraseResponse>>;
  /** Administrators only: anyone else gets `forbidden`. */
  listRequests(token: string, status: 'open' | 'all'): Promise<Result<AdminQueue>>;
  closeRequest(token: string, id: string, action: 'complete' | 'reject'): Promise<Result<AdminQueueEntry>>;
  runRequest(token: string, request: AdminPrivacyRequest): Promise<Result<AdminPrivacyResponse>>;
}

export function createPrivacyApi(fetch: FetchLike): PrivacyApi {
  const call = <T>(token: string, method: HttpMethod, path: string, body?: unknown): Promise<Result<T>> =>
    requestJson<T>(fetch, path, { method, body, token });

  return {
    personalData: (token) => call(token, 'GET', routes.senderPrivacy),
    async exportPersonalData(token) {
      const sent = await request(fetch, routes.senderPrivacyExport, { token });
      if (!sent.ok) return sent;
      try {
        const json = await sent.data.text();
        const data = JSON.parse(json) as Partial<PersonalData>;
        return { ok: true, data: { fileName: personalDataFileName(String(data.generatedAt ?? '')), json } };
      } catch {
        return { ok: false, error: NETWORK_ERROR };
      }
    },
    setProductEmailsOff: (token, productEmailsOff) => call(token, 'PUT', routes.senderPrivacyObjection, { productEmailsOff }),
    eraseAccount: (token) => call(token, 'DELETE', routes.senderPrivacy),
    listRequests: (token, status) => call(token, 'GET', `${routes.adminPrivacyRequests}?status=${status}`),
    closeRequest: (token, id, action) => call(token, 'POST', routes.adminPrivacyRequest(encodeURIComponent(id), action)),
    runRequest: (token, request) => call(token, 'POST', routes.adminPrivacyRequests, request),
  };
}
