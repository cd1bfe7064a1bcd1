import { Body1 } from '@fluentui/react-components';
import { ErrorNotice } from '../../components/ErrorNotice';
import { StepHeading } from '../../components/StepHeading';
import { useStepStyles } from '../../components/useStepStyles';
import { useI18n } from '../../i18n/I18nProvider';
import { EmailForm, PrivacyNote } from './EmailForm';
import type { VerificationState } from './useVerification';

export interface EmailStepProps {
  state: VerificationState;
  expiresAt: string | null;
  sessionEnded: boolean;
}

/** Step 1: the address the link was sent to, with the privacy note right where we ask for data. */
export function EmailStep({ state, expiresAt, sessionEnded }: EmailStepProps) {
  const { t, formatDateTime } = useI18n();
  const step = useStepStyles();
  return (
    <section className={step.step}>
      <StepHeading>{t('verifyEmailTitle')}</StepHeading>
      {sessionEnded ? <ErrorNotice role="status" intent="info">{t('sessionEnded')}</ErrorNotice> : null}
      <Body1 as="p" block className={step.paragraph}>{t('verifyEmailIntro')}</Body1>
      {expiresAt ? <Body1 as="p" block className={step.paragraph}>{t('availableUntil', { date: formatDateTime(expiresAt) })}</Body1> : null}
      <EmailForm state={state} />
      <PrivacyNote>{t('privacyNote')}</PrivacyNote>
    </section>
  );
}
