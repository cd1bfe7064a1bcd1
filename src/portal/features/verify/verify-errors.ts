import type { ErrorBody } from '../../../shared/errors';
import type { MessageKey, MessageVars } from '../../i18n/messages';

/** A text to show, by key, so that the words live only in the catalogues. */
export interface Notice {
  key: MessageKey;
  vars?: MessageVars;
}

/** What an error from the service means for the verification screens. */
export type VerifyErrorOutcome =
  | { kind: 'notice'; notice: Notice }
  | { kind: 'locked' }
  | { kind: 'unavailable' };

const notice = (key: MessageKey, vars?: MessageVars): VerifyErrorOutcome => ({ kind: 'notice', notice: { key, vars } });

function triesLeft(error: ErrorBody): number | null {
  const value = error.details?.['triesLeft'];
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null;
}

/**
 * Maps an error code (never its message text) to what the recipient sees. `step` tells whether the
 * address or the code was being sent, since a 400 means a different mistake in each.
 */
export function classifyVerifyError(error: ErrorBody, step: 'email' | 'code'): VerifyErrorOutcome {
  switch (error.code) {
    case 'message_unavailable':
    case 'not_found':
      return { kind: 'unavailable' };
    case 'recipient_locked':
      return { kind: 'locked' };
    case 'invalid_code': {
      const left = triesLeft(error);
      if (left === null) return notice('errorInvalidCode');
      if (left === 0) return notice('errorCodeUsedUp');
      return left === 1 ? notice('errorInvalidCodeTriesOne') : notice('errorInvalidCodeTriesOther', { count: left });
    }
    case 'code_expired':
      return notice('errorCodeExpired');
    case 'rate_limited':
      return notice('errorRateLimited');
    case 'bad_request':
      return notice(step === 'email' ? 'emailInvalid' : 'codeFormat');
    case 'unavailable':
      return notice('errorNetwork');
    default:
      return notice('errorGeneric');
  }
}
