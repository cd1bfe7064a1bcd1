/**
 * Everything the pane asks of the service, same origin, returning `Result`s (never throwing).
 * Calls that need the sender take a token from the sign-in, fetched just before each call.
 */
import type { Result } from '../../../shared/errors';
import type { AddinConfig, ClientInfo, MessageList, OrganisationSettings, RecipientInput } from '../../../shared/protocol/api';
import { routes } from '../../../shared/protocol/routes';
import type { OutgoingMessage, SentMessage } from '../../../shared/protocol/sender-client';
import { NETWORK_ERROR, requestJson, type FetchLike } from '../../../client/api/http';
import { ADDIN_CONFIG_PATH } from '../../auth/config-path';
import type { Locale } from '../i18n/messages';

export interface SendOptions {
  locale: Locale;
  signal: AbortSignal;
  /** 0..1 over encrypting and uploading every part; null until the total is known. */
  onProgress: (fraction: number | null) => void;
}

export interface SenderApi {
  getConfig(): Promise<Result<AddinConfig>>;
  putClient(token: string, info: ClientInfo): Promise<Result<void>>;
  getSettings(token: string): Promise<Result<OrganisationSettings>>;
  listMessages(token: string): Promise<Result<MessageList>>;
  revoke(token: string, id: string): Promise<Result<void>>;
  /** Encrypts and uploads with `sendSecure`; cancelled through `signal`. */
  send(token: string, message: OutgoingMessage, recipients: RecipientInput[], options: SendOptions): Promise<Result<SentMessage>>;
}

export interface SenderApiDeps {
  origin: string;
  fetch: FetchLike;
  createXhr?: () => XMLHttpRequest;
}

/** The encryption and upload code, a chunk of its own: the first screens never need it. */
export const loadSendCode = () => import(/* webpackChunkName: "send" */ './send-message');

export function createSenderApi({ origin, fetch, createXhr }: SenderApiDeps): SenderApi {
  const call = <T>(token: string, method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<Result<T>> =>
    requestJson<T>(fetch, path, { method, body, token });

  return {
    getConfig: () => requestJson<AddinConfig>(fetch, ADDIN_CONFIG_PATH),
    putClient: (token, info) => call(token, 'PUT', `${routes.me}/client`, info),
    getSettings: (token) => call(token, 'GET', '/api/policy'),
    listMessages: (token) => call(token, 'GET', routes.messages),
    revoke: (token, id) => call(token, 'POST', routes.revoke(id)),
    async send(token, message, recipients, options) {
      // Loaded ahead by the signed-in pane when idle (loadSendCode), so pressing "Send securely" does not wait for it.
      const chunk = await loadSendCode().catch(() => null);
      if (!chunk) return { ok: false, error: NETWORK_ERROR };
      return chunk.sendMessage({ origin, fetch, createXhr }, token, message, recipients, options);
    },
  };
}
