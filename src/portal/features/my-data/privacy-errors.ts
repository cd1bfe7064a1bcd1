import type { ErrorBody } from '../../../shared/errors';
import type { RectifyResponse } from '../../../shared/protocol/privacy-api';
import { classifyVerifyError, type Notice } from '../verify/verify-errors';

/** A 401 on a call with the session token: it ran out (15 minutes) or is gone. */
export function endsSession(error: ErrorBody): boolean {
  return error.code === 'session_expired' || error.code === 'unauthenticated';
}

/**
 * Asking for and entering a code: the same words as for a message (wrong code with tries left,
 * expired, too many requests). There is no message here to be unavailable or locked.
 */
export function challengeNotice(error: ErrorBody, at: 'email' | 'code'): Notice {
  const outcome = classifyVerifyError(error, at);
  return outcome.kind === 'notice' ? outcome.notice : { key: 'errorGeneric' };
}

/** Any other action that failed for a reason other than the session. */
export function actionNotice(error: ErrorBody): Notice {
  if (error.code === 'unavailable') return { key: 'errorNetwork' };
  if (error.code === 'rate_limited') return { key: 'errorRateLimited' };
  return { key: 'errorGeneric' };
}

/** A refused correction: for a number, either it is not a valid one or no number is held at all. */
export function correctionNotice(error: ErrorBody, field: 'name' | 'phone'): Notice {
  if (error.code !== 'bad_request') return actionNotice(error);
  if (field === 'name') return { key: 'nameRequired' };
  return error.details?.['reason'] === undefined ? { key: 'phoneNotHeld' } : { key: 'phoneInvalid' };
}

export interface Outcome {
  intent: 'success' | 'info' | 'error';
  notice: Notice;
  /** A deadline to show in the notice as `{due}`, formatted in the reader's language. */
  dueAt?: string;
}

/**
 * What a correction did: a name is changed at once; a new mobile number is queued for the sending
 * organisation, which has 48 hours to answer (the latest deadline if several organisations).
 */
export function correctionOutcome(response: RectifyResponse): Outcome | null {
  const due = response.queued.map((request) => request.dueAt).sort().at(-1);
  if (due) return { intent: 'info', notice: { key: 'myDataPhoneQueued' }, dueAt: due };
  if (response.applied.length) return { intent: 'success', notice: { key: 'myDataNameCorrected' } };
  return null;
}
