/**
 * The one error type of Sealpost. Every failure that reaches a user carries a stable `code`;
 * nothing anywhere branches on message text.
 */
export const ERROR_STATUS = {
  bad_request: 400,
  invalid_json: 400,
  unsupported_media_type: 415,
  payload_too_large: 413,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  /** Unknown, expired, revoked and purged messages all give this one answer. */
  message_unavailable: 404,
  conflict: 409,
  upload_incomplete: 409,
  upload_size_mismatch: 400,
  message_not_draft: 409,
  invalid_code: 401,
  code_expired: 401,
  recipient_locked: 423,
  session_expired: 401,
  rate_limited: 429,
  method_not_allowed: 405,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.details = details;
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_STATUS, value);
}

/** The body of every error response: `{ code, message }`. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

/** What client-side fetch helpers return instead of throwing. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };
