import { Body1, Button, Caption1, Field, Input, Link } from '@fluentui/react-components';
import { ErrorNotice } from '../../components/ErrorNotice';
import { StepHeading } from '../../components/StepHeading';
import { useStepStyles } from '../../components/useStepStyles';
import { useI18n } from '../../i18n/I18nProvider';
import type { VerificationState } from './useVerification';
import { useVerifyStyles } from './useVerifyStyles';

export interface EmailStepProps {
  state: VerificationState;
  expiresAt: string | null;
  sessionEnded: boolean;
}

/** Step 1: the address the link was sent to, with the privacy note right where we ask for data. */
export function EmailStep({ state, expiresAt, sessionEnded }: EmailStepProps) {
  const { t, formatDateTime } = useI18n();
  const step = useStepStyles();
  const styles = useVerifyStyles();
  return (
    <section className={step.step}>
      <StepHeading>{t('verifyEmailTitle')}</StepHeading>
      {sessionEnded ? <ErrorNotice role="status" intent="info">{t('sessionEnded')}</ErrorNotice> : null}
      <Body1 as="p" block className={step.paragraph}>{t('verifyEmailIntro')}</Body1>
      {expiresAt ? <Body1 as="p" block className={step.paragraph}>{t('availableUntil', { date: formatDateTime(expiresAt) })}</Body1> : null}
      <form
        className={styles.form}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void state.submitEmail();
        }}
      >
        <Field className={styles.field} label={t('emailLabel')}>
          <Input
            type="email"
            name="email"
            autoComplete="email"
            value={state.email}
            onChange={(_, data) => state.setEmail(data.value)}
          />
        </Field>
        {state.error ? <ErrorNotice>{t(state.error.key, state.error.vars)}</ErrorNotice> : null}
        <Button type="submit" appearance="primary" disabledFocusable={state.busy}>
          {t('continue')}
        </Button>
      </form>
      <Caption1 as="p" block className={styles.privacy}>
        {t('privacyNote')}{' '}
        {/* A new tab: leaving this page would drop the key, which is held in memory only. */}
        <Link href="/privacy" target="_blank" rel="noopener noreferrer">
          {t('privacyLink')}
        </Link>
      </Caption1>
    </section>
  );
}
