/**
 * The one failure type of the SMS and mail senders. It carries a stable `reason` and a few
 * numbers from the provider, and never the recipient, the message text or the provider's own
 * error text: those can contain the phone number, the address or the code.
 */
import { AppError } from '../../shared/errors';

export type NotifyChannel = 'sms' | 'mail';

export type NotifyFailure =
  /** The provider refused our credentials (wrong key, token, user or password). */
  | 'auth_failed'
  /** The provider refused this recipient (invalid, unreachable, opted out, not a mobile number). */
  | 'recipient_rejected'
  /** The provider refused the request for another reason (balance, sender id, content). */
  | 'rejected'
  /** The provider asks us to slow down. */
  | 'rate_limited'
  /** The provider could not be reached or answered with a server error. */
  | 'unavailable'
  /** No answer within the configured time. */
  | 'timeout'
  /** The provider answered success in a shape we do not recognise. */
  | 'bad_response';

export interface NotifyErrorDetails {
  channel: NotifyChannel;
  provider: string;
  reason: NotifyFailure;
  /** HTTP status of the provider's answer, when there was one. */
  httpStatus?: number;
  /** The provider's numeric error code or SMTP reply code: safe, and what support will ask for. */
  providerCode?: number | string;
}

/** A 503 to whoever triggered the send; the details stay in logs and in `reason` for callers. */
export class NotifyError extends AppError {
  readonly channel: NotifyChannel;
  readonly provider: string;
  readonly reason: NotifyFailure;
  readonly httpStatus?: number;
  readonly providerCode?: number | string;

  constructor(details: NotifyErrorDetails) {
    super('unavailable', details.channel === 'sms' ? 'The SMS could not be sent.' : 'The e-mail could not be sent.', {
      channel: details.channel,
      reason: details.reason,
    });
    this.name = 'NotifyError';
    this.channel = details.channel;
    this.provider = details.provider;
    this.reason = details.reason;
    this.httpStatus = details.httpStatus;
    this.providerCode = details.providerCode;
  }

  /** What may be logged about this failure: ids and outcomes only. */
  toLog(): NotifyErrorDetails {
    return {
      channel: this.channel,
      provider: this.provider,
      reason: this.reason,
      httpStatus: this.httpStatus,
      providerCode: this.providerCode,
    };
  }
}

/** The subset of a pino logger the senders use, so that tests can pass a recorder. */
export interface NotifyLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export const silentLogger: NotifyLogger = { info() {}, warn() {} };

/** Maps an HTTP status without a more specific provider code to a failure reason. */
export function reasonForStatus(status: number): NotifyFailure {
  if (status === 401 || status === 403) return 'auth_failed';
  if (status === 429) return 'rate_limited';
  if (status === 408 || status >= 500) return 'unavailable';
  return 'rejected';
}

/** Maps what `fetch` throws (abort by timeout, refused connection, reset) to a failure reason. */
export function reasonForFetchError(error: unknown): NotifyFailure {
  const name = error instanceof Error ? error.name : '';
  return name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'unavailable';
}
