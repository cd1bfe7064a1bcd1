import * as React from 'react';
import type { ErrorBody, Result } from '../../../shared/errors';
import { useI18n } from '../../i18n/I18nProvider';
import type { Locale } from '../../i18n/messages';
import { useCooldown } from './useCooldown';
import type { Notice } from './verify-errors';

export const RESEND_COOLDOWN_SECONDS = 30;
const CODE_PATTERN = /^[0-9]{6}$/;
// Deliberately loose: the service validates properly; this only catches obvious typos early.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** How one page proves an address: what to call, and what its errors mean there. */
export interface CodeChallengeOptions<Challenge, Session> {
  start(email: string, locale: Locale): Promise<Result<Challenge>>;
  /** A new code for the same address; the answer replaces the challenge. */
  resend(challenge: Challenge, email: string, locale: Locale): Promise<Result<Challenge>>;
  verify(challenge: Challenge, code: string): Promise<Result<Session>>;
  onVerified(session: Session): void;
  /** A notice to show for the error, or null when the page has dealt with it otherwise. */
  onError(error: ErrorBody, at: 'email' | 'code'): Notice | null;
}

/** What the e-mail and code forms show and do; the same on every page that asks for a code. */
export interface CodeChallengeState<Challenge = unknown> {
  step: 'email' | 'code';
  challenge: Challenge | null;
  email: string;
  setEmail: (value: string) => void;
  code: string;
  setCode: (value: string) => void;
  busy: boolean;
  error: Notice | null;
  resent: boolean;
  /** Seconds until a new code may be asked for; 0 when it may. */
  resendWait: number;
  submitEmail: () => Promise<void>;
  submitCode: () => Promise<void>;
  resend: () => Promise<void>;
  changeEmail: () => void;
}

/** What the forms need: everything but where the flow stands, which each page decides itself. */
export type CodeEntryState = Omit<CodeChallengeState, 'step' | 'challenge'>;

/** State and actions of proving an address: the address, then the six-digit code sent to it. */
export function useCodeChallenge<Challenge, Session>(options: CodeChallengeOptions<Challenge, Session>): CodeChallengeState<Challenge> {
  const { locale } = useI18n();
  const cooldown = useCooldown(RESEND_COOLDOWN_SECONDS);
  const [step, setStep] = React.useState<'email' | 'code'>('email');
  const [challenge, setChallenge] = React.useState<Challenge | null>(null);
  const [email, setEmail] = React.useState('');
  const [code, setCodeState] = React.useState('');
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<Notice | null>(null);
  const [resent, setResent] = React.useState(false);

  const fail = (body: ErrorBody, at: 'email' | 'code') => {
    const notice = options.onError(body, at);
    if (notice) setError(notice);
  };

  const submitEmail = async () => {
    if (busy) return;
    const address = email.trim();
    if (!EMAIL_PATTERN.test(address)) return setError({ key: 'emailInvalid' });
    setBusy(true);
    setError(null);
    const result = await options.start(address, locale);
    setBusy(false);
    if (!result.ok) return fail(result.error, 'email');
    setChallenge(result.data);
    setCodeState('');
    setResent(false);
    setStep('code');
    cooldown.start();
  };

  // People paste "123 456" or "123-456"; keep the digits only.
  const setCode = (value: string) => setCodeState(value.replace(/\D/g, '').slice(0, 6));

  const submitCode = async () => {
    if (busy || challenge === null) return;
    if (!CODE_PATTERN.test(code)) return setError({ key: 'codeFormat' });
    setBusy(true);
    setError(null);
    setResent(false);
    const result = await options.verify(challenge, code);
    setBusy(false);
    if (result.ok) return options.onVerified(result.data);
    setCodeState('');
    fail(result.error, 'code');
  };

  const resend = async () => {
    if (busy || challenge === null || cooldown.remaining > 0) return;
    setBusy(true);
    setError(null);
    const result = await options.resend(challenge, email.trim(), locale);
    setBusy(false);
    if (!result.ok) return fail(result.error, 'code');
    setChallenge(result.data);
    setCodeState('');
    setResent(true);
    cooldown.start();
  };

  // Stable, so that a page can use it in its own callbacks (e.g. when a session ends).
  const changeEmail = React.useCallback(() => {
    setStep('email');
    setChallenge(null);
    setError(null);
    setResent(false);
  }, []);

  return {
    step,
    challenge,
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
