import * as React from 'react';
import type { StartVerificationResponse, VerifyResponse } from '../../../shared/protocol/api';
import { usePortalServices } from '../../services';
import { useCodeChallenge, type CodeChallengeState } from './useCodeChallenge';
import { classifyVerifyError } from './verify-errors';

export type VerifyStep = 'email' | 'code' | 'locked';

export interface UseVerificationOptions {
  messageId: string;
  onVerified: (session: VerifyResponse) => void;
  onUnavailable: () => void;
}

export interface VerificationState extends Omit<CodeChallengeState<StartVerificationResponse>, 'step'> {
  step: VerifyStep;
  verification: StartVerificationResponse | null;
}

/** The recipient's second factor for one message: e-mail address, then code; or locked. */
export function useVerification({ messageId, onVerified, onUnavailable }: UseVerificationOptions): VerificationState {
  const { api } = usePortalServices();
  const [locked, setLocked] = React.useState(false);
  const state = useCodeChallenge<StartVerificationResponse, VerifyResponse>({
    start: (email, locale) => api.startVerification(messageId, email, locale),
    resend: (verification, email, locale) => api.resend(messageId, verification.verificationId, email, locale),
    verify: (verification, code) => api.verify(messageId, verification.verificationId, code),
    onVerified,
    onError: (error, at) => {
      const outcome = classifyVerifyError(error, at);
      if (outcome.kind === 'notice') return outcome.notice;
      if (outcome.kind === 'locked') setLocked(true);
      else onUnavailable();
      return null;
    },
  });
  return { ...state, step: locked ? 'locked' : state.step, verification: state.challenge };
}
