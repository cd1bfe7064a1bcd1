import * as React from 'react';
import type { ErrorBody } from '../../../shared/errors';
import type { StartVerificationResponse, VerifyResponse } from '../../../shared/protocol/api';
import { useI18n } from '../../i18n/I18nProvider';
import { usePortalServices } from '../../services';
import { useCooldown } from './useCooldown';
import { classifyVerifyError, type Notice } from './verify-errors';

export const RESEND_COOLDOWN_SECONDS = 30;
const CODE_PATTERN = /^[0-9]{6}$/;
// Deliberately loose: the service validates properly; this only catches obvious typos early.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export type VerifyStep = 'email' | 'code' | 'locked';

export interface UseVerificationOptions {
  messageId: string;
  onVerified: (session: VerifyResponse) => void;
  onUnavailable: () => void;
}

/** State and actions of the verification steps: e-mail address, then code; or locked. */
export function useVerification({ messageId, onVerified, onUnavailable }: UseVerificationOptions) {
  const { api } = usePortalServices();
  const { locale } = useI18n();
  const cooldown = useCooldown(RESEND_COOLDOWN_SECONDS);
  const [step, setStep] = React.useState<VerifyStep>('email');
  const [verification, setVerification] = React.useState<StartVerificationResponse | null>(null);
  const [email, setEmail] = React.useState('');
  const [code, setCodeState] = React.useState('');
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<Notice | null>(null);
  const [resent, setResent] = React.useState(false);

  const fail = (body: ErrorBody, at: 'email' | 'code') => {
    const outcome = classifyVerifyError(body, at);
    if (outcome.kind === 'unavailable') onUnavailable();
    else if (outcome.kind === 'locked') setStep('locked');
    else setError(outcome.notice);
  };

  const submitEmail = async () => {
    if (busy) return;
    const address = email.trim();
    if (!EMAIL_PATTERN.test(address)) return setError({ key: 'emailInvalid' });
    setBusy(true);
    setError(null);
    const result = await api.startVerification(messageId, address, locale);
    setBusy(false);
    if (!result.ok) return fail(result.error, 'email');
    setVerification(result.data);
    setCodeState('');
    setResent(false);
    setStep('code');
    cooldown.start();
  };

  // People paste "123 456" or "123-456"; keep the digits only.
  const setCode = (value: string) => setCodeState(value.replace(/\D/g, '').slice(0, 6));

  const submitCode = async () => {
    if (busy || !verification) return;
    if (!CODE_PATTERN.test(code)) return setError({ key: 'codeFormat' });
    setBusy(true);
    setError(null);
    setResent(false);
    const result = await api.verify(messageId, verification.verificationId, code);
    setBusy(false);
    if (result.ok) return onVerified(result.data);
    setCodeState('');
    fail(result.error, 'code');
  };

  const resend = async () => {
    if (busy || !verification || cooldown.remaining > 0) return;
    setBusy(true);
    setError(null);
    const result = await api.resend(messageId, verification.verificationId, email.trim(), locale);
    setBusy(false);
    if (!result.ok) return fail(result.error, 'code');
    setVerification(result.data);
    setCodeState('');
    setResent(true);
    cooldown.start();
  };

  const changeEmail = () => {
    setStep('email');
    setVerification(null);
    setError(null);
    setResent(false);
  };

  return {
    step,
    verification,
    email,
    setEmail,
    code,
    setCode,
    busy,
    error,
    resent,
    resendWait: cooldown.remaining,
    submitEmail,
    submitCode,
    resend,
    changeEmail,
  };
}

export type VerificationState = ReturnType<typeof useVerification>;
