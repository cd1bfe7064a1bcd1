/** Why an encrypted part, link or wrapped share was rejected; callers branch on the code only. */
export type EnvelopeErrorCode =
  | 'bad_header'
  | 'auth_failed'
  | 'truncated'
  | 'trailing_data'
  | 'bad_encoding'
  | 'bad_content';

// Messages stay generic on purpose: they may reach logs, so they never echo input bytes.
const MESSAGES: Record<EnvelopeErrorCode, string> = {
  bad_header: 'The encrypted data has an unknown or malformed header.',
  auth_failed: 'The encrypted data could not be authenticated.',
  truncated: 'The encrypted data ends early.',
  trailing_data: 'The encrypted data continues after its final record.',
  bad_encoding: 'The text is not canonical base64url.',
  bad_content: 'The decrypted content does not have the expected shape.',
};

export class EnvelopeError extends Error {
  readonly code: EnvelopeErrorCode;

  constructor(code: EnvelopeErrorCode, message: string = MESSAGES[code]) {
    super(message);
    this.name = 'EnvelopeError';
    this.code = code;
  }
}
