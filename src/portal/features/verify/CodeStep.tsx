import { Body1 } from '@fluentui/react-components';
import { StepHeading } from '../../components/StepHeading';
import { useStepStyles } from '../../components/useStepStyles';
import { useI18n, type I18n } from '../../i18n/I18nProvider';
import type { StartVerificationResponse } from '../../../shared/protocol/api';
import { CodeForm } from './CodeForm';
import type { VerificationState } from './useVerification';

function whereTheCodeWent(t: I18n['t'], v: StartVerificationResponse): string {
  if (v.method === 'access_code') return t('codeAccess');
  if (v.method === 'sms') return v.destinationHint ? t('codeSentSms', { hint: v.destinationHint }) : t('codeSentSmsNoHint');
  return v.destinationHint ? t('codeSentEmail', { hint: v.destinationHint }) : t('codeSentEmailNoHint');
}

/** Step 2: the six-digit code. Access codes come from the sender, so they cannot be re-sent. */
export function CodeStep({ state, verification }: { state: VerificationState; verification: StartVerificationResponse }) {
  const { t, formatTime } = useI18n();
  const step = useStepStyles();
  const canResend = verification.method !== 'access_code';
  return (
    <section className={step.step}>
      <StepHeading>{t('codeTitle')}</StepHeading>
      <Body1 as="p" block className={step.paragraph}>{whereTheCodeWent(t, verification)}</Body1>
      {canResend ? <Body1 as="p" block className={step.paragraph}>{t('codeValidUntil', { time: formatTime(verification.expiresAt) })}</Body1> : null}
      <CodeForm state={state} canResend={canResend} />
    </section>
  );
}
