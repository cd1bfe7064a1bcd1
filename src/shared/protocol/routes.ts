/**
 * API paths, free of schema code so that browser bundles can import them cheaply.
 */
export const routes = {
  devSignIn: '/api/auth/dev/sign-in',
  me: '/api/me',
  messages: '/api/messages',
  message: (id: string) => `/api/messages/${id}`,
  part: (id: string, index: number) => `/api/messages/${id}/parts/${index}`,
  finalise: (id: string) => `/api/messages/${id}/finalise`,
  revoke: (id: string) => `/api/messages/${id}/revoke`,
  unlock: (id: string, recipientId: string) => `/api/messages/${id}/recipients/${recipientId}/unlock`,
  recipientMessage: (id: string) => `/api/r/${id}`,
  startVerification: (id: string) => `/api/r/${id}/verifications`,
  resend: (id: string, verificationId: string) => `/api/r/${id}/verifications/${verificationId}/resend`,
  verify: (id: string, verificationId: string) => `/api/r/${id}/verifications/${verificationId}/verify`,
  recipientSession: (id: string) => `/api/r/${id}/session`,
  recipientPart: (id: string, index: number) => `/api/r/${id}/parts/${index}`,
  privacyChallenges: '/api/privacy/challenges',
  privacyVerify: (challengeId: string) => `/api/privacy/challenges/${challengeId}/verify`,
  /** GET what is held, PATCH to correct, DELETE to erase (bearer: the privacy session). */
  privacyMe: '/api/privacy/me',
  privacyExport: '/api/privacy/me/export',
  privacyObjection: '/api/privacy/me/objection',
  privacySession: '/api/privacy/session',
  /** The same for a signed-in sender's own account (bearer: the sender's token). */
  senderPrivacy: '/api/me/privacy',
  senderPrivacyExport: '/api/me/privacy/export',
  senderPrivacyObjection: '/api/me/privacy/objection',
  adminPrivacyRequests: '/api/admin/privacy-requests',
  adminPrivacyRequest: (id: string, action: 'complete' | 'reject') => `/api/admin/privacy-requests/${id}/${action}`,
  unsubscribe: (token: string) => `/api/privacy/unsubscribe/${token}`,
} as const;
