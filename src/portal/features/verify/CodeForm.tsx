import { Button, Field, Input } from '@fluentui/react-components';
import { ErrorNotice } from '../../components/ErrorNotice';
import { SubmitForm } from '../../components/SubmitForm';
import { useI18n } from '../../i18n/I18nProvider';
import type { CodeEntryState } from './useCodeChallenge';
import { useVerifyStyles } from './useVerifyStyles';

export interface CodeFormProps {
  state: CodeEntryState;
  /** Codes the service sent can be sent again; an access code from the sender cannot. */
  canResend: boolean;
}

/** The six-digit code, with resend (after a cool-down) and a way back to the address. */
export function CodeForm({ state, canResend }: CodeFormProps) {
  const { t } = useI18n();
  const styles = useVerifyStyles();
  return (
    <SubmitForm className={styles.form} onSubmit={() => state.submitCode()}>
      <Field className={styles.field} label={t('codeLabel')}>
        {/* one-time-code lets the device offer the code it received; numeric shows a keypad. */}
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
          <Button type="button" disabledFocusable={state.busy || state.resendWait > 0} onClick={() => void state.resend()}>
            {state.resendWait > 0 ? t('resendWait', { seconds: state.resendWait }) : t('resend')}
          </Button>
        ) : null}
        <Button type="button" appearance="subtle" onClick={state.changeEmail}>
          {t('differentEmail')}
        </Button>
      </div>
    </SubmitForm>
  );
}
