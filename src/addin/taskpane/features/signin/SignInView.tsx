import { Body1, Button, Caption1, Spinner, Title3 } from '@fluentui/react-components';
import { ErrorNotice } from '../../../../portal/components/ErrorNotice';
import type { SignInErrorCode } from '../../../auth/sign-in';
import { usePaneStyles } from '../../components/usePaneStyles';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages';
import { useTaskpaneServices } from '../../services';
import type { SignInStep } from './useSignIn';

const ERRORS: Record<SignInErrorCode, MessageKey> = {
  interaction_required: 'signInAgain',
  cancelled: 'signInCancelled',
  unavailable: 'signInUnavailable',
  not_configured: 'signInNotConfigured',
  failed: 'signInFailed',
};

export interface SignInViewProps {
  step: Extract<SignInStep, { kind: 'signedOut' }>;
  onSignIn: () => void;
}

export function SignInView({ step, onSignIn }: SignInViewProps) {
  const { t } = useI18n();
  const { office } = useTaskpaneServices();
  const styles = usePaneStyles();
  // The development sign-in takes the mailbox's word for who you are: say so before the click.
  const profile = step.signIn.kind === 'development' ? office.userProfile() : null;
  return (
    <section className={styles.section} aria-labelledby="sign-in-title">
      <Title3 as="h1" id="sign-in-title" className={styles.heading}>
        {t('signInTitle')}
      </Title3>
      <Body1>{t('signInIntro')}</Body1>
      {profile ? <Caption1>{t('signInDevelopment', { name: profile.displayName, email: profile.emailAddress })}</Caption1> : null}
      {step.ended && !step.error ? (
        <ErrorNotice intent="warning" role="status">
          {t('signInAgain')}
        </ErrorNotice>
      ) : null}
      {step.error ? <ErrorNotice>{t(ERRORS[step.error])}</ErrorNotice> : null}
      <div className={styles.actions}>
        <Button appearance="primary" onClick={onSignIn} disabledFocusable={step.busy}>
          {t('signIn')}
        </Button>
        {step.busy ? <Spinner size="tiny" label={t('signingIn')} /> : null}
      </div>
    </section>
  );
}
