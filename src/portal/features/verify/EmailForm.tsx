import type * as React from 'react';
import { Button, Caption1, Field, Input, Link } from '@fluentui/react-components';
import { ErrorNotice } from '../../components/ErrorNotice';
import { SubmitForm } from '../../components/SubmitForm';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages';
import type { CodeEntryState } from './useCodeChallenge';
import { useVerifyStyles } from './useVerifyStyles';

export interface EmailFormProps {
  state: CodeEntryState;
  /** The submit button's text; "Continue" unless given. */
  submitLabel?: MessageKey;
}

/** The address to send a code to, with its error; shared by every page that asks for a code. */
export function EmailForm({ state, submitLabel = 'continue' }: EmailFormProps) {
  const { t } = useI18n();
  const styles = useVerifyStyles();
  return (
    <SubmitForm className={styles.form} onSubmit={() => state.submitEmail()}>
      <Field className={styles.field} label={t('emailLabel')}>
        <Input type="email" name="email" autoComplete="email" value={state.email} onChange={(_, data) => state.setEmail(data.value)} />
      </Field>
      {state.error ? <ErrorNotice>{t(state.error.key, state.error.vars)}</ErrorNotice> : null}
      <Button type="submit" appearance="primary" disabledFocusable={state.busy}>
        {t(submitLabel)}
      </Button>
    </SubmitForm>
  );
}

/** What we keep and why, right where we ask for it, with the full privacy statement a click away. */
export function PrivacyNote({ children }: { children: React.ReactNode }) {
  const { t } = useI18n();
  const styles = useVerifyStyles();
  return (
    <Caption1 as="p" block className={styles.privacy}>
      {children}{' '}
      {/* A new tab: leaving this page would drop what is held in memory only (a key, a session). */}
      <Link href="/privacy" target="_blank" rel="noopener noreferrer">
        {t('privacyLink')}
      </Link>
    </Caption1>
  );
}
