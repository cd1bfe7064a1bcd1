import type { ErrorBody } from '../../../../shared/errors';
import type { TextKey as MessageKey } from './texts';

/** What the sender reads for an error from the service: by its code, never by its (English) message. */
export function errorText(error: ErrorBody): MessageKey {
  switch (error.code) {
    case 'unavailable':
    case 'internal':
      return 'serviceUnreachable';
    case 'rate_limited':
      return 'privacyErrorRateLimited';
    case 'forbidden':
      return 'privacyErrorForbidden';
    case 'not_found':
      return 'privacyErrorNotFound';
    case 'conflict':
      return 'privacyErrorConflict';
    case 'bad_request':
    case 'invalid_json':
      return 'privacyErrorBadRequest';
    default:
      return 'privacyErrorOther';
  }
}
