/**
 * English texts of the portal. This object defines the key set: `nl.ts` must provide exactly the
 * same keys, so a missing or stray translation fails type-checking. Placeholders are `{name}`.
 */
export const en = {
  appName: 'Sealpost',
  loading: 'Loading…',
  footer: 'This message is end-to-end encrypted and is decrypted in your browser.',

  unavailableTitle: 'This message is not available',
  unavailableBody:
    'The link may be wrong or incomplete, or the message has expired or been withdrawn. If you still need it, ask the sender to send it again.',
  networkErrorTitle: 'The service could not be reached',
  networkErrorBody: 'Check your internet connection and try again.',
  retry: 'Try again',

  verifyEmailTitle: 'Confirm your e-mail address',
  verifyEmailIntro:
    'You have received a secure message. To read it, enter the e-mail address this link was sent to. We will then ask you for a code.',
  availableUntil: 'The message is available until {date}.',
  emailLabel: 'E-mail address',
  continue: 'Continue',
  privacyNote:
    'To give you access to this message we keep your name, your e-mail address, your mobile number if the code is sent by text message, and the type of browser and device you use. We delete them when the message expires.',
  privacyLink: 'Privacy statement',
  emailInvalid: 'Enter a valid e-mail address, such as name@example.com.',
  sessionEnded: 'Your session has ended. Confirm your e-mail address again to continue.',

  codeTitle: 'Enter your code',
  codeSentSms: 'We sent a code by text message to the number ending in {hint}.',
  codeSentSmsNoHint: 'We sent a code by text message to your mobile number.',
  codeSentEmail: 'We sent a code to {hint}.',
  codeSentEmailNoHint: 'We sent a code to your e-mail address.',
  codeAccess: 'Enter the access code that the sender gave you.',
  codeValidUntil: 'The code is valid until {time}.',
  codeLabel: 'Code',
  verify: 'Verify',
  resend: 'Send a new code',
  resendWait: 'Send a new code ({seconds} s)',
  resent: 'We sent you a new code.',
  differentEmail: 'Use a different e-mail address',
  codeFormat: 'The code has 6 digits.',

  errorInvalidCode: 'That code is not correct.',
  errorInvalidCodeTriesOne: 'That code is not correct. You have 1 more try.',
  errorInvalidCodeTriesOther: 'That code is not correct. You have {count} more tries.',
  errorCodeUsedUp: 'That code is not correct and can no longer be used. Ask for a new code.',
  errorCodeExpired: 'This code has expired. Ask for a new code.',
  errorRateLimited: 'Too many attempts. Wait a moment and try again.',
  errorNetwork: 'The service could not be reached. Check your connection and try again.',
  errorGeneric: 'Something went wrong. Please try again.',

  lockedTitle: 'Access is locked',
  lockedBody:
    'Too many wrong codes were entered. Access to this message stays locked until the sender sends it to you again. Please contact the sender.',

  readLoading: 'Decrypting the message…',
  decryptFailedTitle: 'This message could not be decrypted',
  decryptFailedBody:
    'The link may be incomplete. Open the message again from the e-mail, using the whole link. If that does not help, ask the sender to send it again.',
  noSubject: '(no subject)',
  fromLabel: 'From',
  sentLabel: 'Sent',
  bodyFrameTitle: 'Message text',
  imagesBlocked: 'Remote images are blocked to protect your privacy.',
  showImages: 'Show images',

  attachmentsTitle: 'Attachments ({count})',
  download: 'Download',
  downloadAttachment: 'Download {name}',
  downloadProgress: 'Downloading {name}',
  downloadDone: 'Downloaded',
  downloadFailed: '{name} could not be downloaded securely. Nothing was saved. Try again.',
} as const;
