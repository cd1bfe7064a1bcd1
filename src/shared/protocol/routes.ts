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
} as const;
