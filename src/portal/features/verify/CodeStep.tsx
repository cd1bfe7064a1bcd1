import { Body1, Button, Field, Input } from '@fluentui/react-components';
import { ErrorNotice } from '../../components/ErrorNotice';
import { StepHeading } from '../../components/StepHeading';
import { useStepStyles } from '../../components/useStepStyles';
import { useI18n, type I18n } from '../../i18n/I18nProvider';
import type { StartVerificationResponse } from '../../../shared/protocol/api';
import type { VerificationState } from './useVerification';
import { useVerifyStyles } from './useVerifyStyles';

function whereTheCodeWent(t: I18n['t'], v: StartVerificationResponse): string {
  if (v.method === 'access_code') return t('codeAccess');
  if (v.method === 'sms') return v.destinationHint ? t('codeSentSms', { hint: v.destinationHint }) : t('codeSentSmsNoHint');
  return v.destinationHint ? t('codeSentEmail', { hint: v.destinationHint }) : t('codeSentEmailNoHint');
}

/** Step 2: the six-digit code. Access codes come from the sender, so they cannot be re-sent. */
export function CodeStep({ state, verification }: { state: VerificationState; verification: StartVerificationResponse }) {
  const { t, formatTime } = useI18n();
  const step = useStepStyles();
  const styles = useVerifyStyles();
  const canResend = verification.method !== 'access_code';
  return (
    <section className={step.step}>
      <StepHeading>{t('codeTitle')}</StepHeading>
      <Body1 as="p" block className={step.paragraph}>{whereTheCodeWent(t, verification)}</Body1>
      {canResend ? <Body1 as="p" block className={step.paragraph}>{t('codeValidUntil', { time: formatTime(verification.expiresAt) })}</Body1> : null}
      <form
        className={styles.form}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void state.submitCode();
        }}
      >
        <Field className={styles.field} label={t('codeLabel')}>
          {/* one-time-code lets the phone offer the code from the SMS; numeric shows a keypad. */}
          <Input
            className={styles.codeInput}
            name="code"
            autoComplete="one-time-code"
            inputMode="numeric"
            pattern="[0-9]*"
            maxLength={6}
            value={state.code}
            onChange={(_, data) => state.setCode(data.value)}
          />
        </Field>
        {state.error ? <ErrorNotice>{t(state.error.key, state.error.vars)}</ErrorNotice> : null}
        {state.resent ? <ErrorNotice role="status" intent="success">{t('resent')}</ErrorNotice> : null}
        <div className={styles.actions}>
          <Button type="submit" appearance="primary" disabledFocusable={state.busy}>
            {t('verify')}
          </Button>
          {canResend ? (
            <Button
              type="button"
              disabledFocusable={state.busy || state.resendWait > 0}
              onClick={() => void state.resend()}
            >
              {state.resendWait > 0 ? t('resendWait', { seconds: state.resendWait }) : t('resend')}
            </Button>
          ) : null}
          <Button type="button" appearance="subtle" onClick={state.changeEmail}>
            {t('differentEmail')}
          </Button>
        </div>
      </form>
    </section>
  );
}
