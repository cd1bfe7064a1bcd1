import { Body1, Button, Caption1, Title3 } from '@fluentui/react-components';
import { PaneSpinner } from '../../components/PaneSpinner';
import type { SignInErrorCode } from '../../../auth/sign-in';
import { paneLayout } from '../../components/pane-layout';
import { PaneNotice } from '../../components/PaneNotice';
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
  // The development sign-in takes the mailbox's word for who you are: say so before the click.
  const profile = step.signIn.kind === 'development' ? office.userProfile() : null;
  return (
    <section style={paneLayout.section} aria-labelledby="sign-in-title">
      <Title3 as="h1" id="sign-in-title" style={paneLayout.heading}>
        {t('signInTitle')}
      </Title3>
      <Body1>{t('signInIntro')}</Body1>
      {profile ? <Caption1>{t('signInDevelopment', { name: profile.displayName, email: profile.emailAddress })}</Caption1> : null}
      {step.ended && !step.error ? (
        <PaneNotice intent="warning" role="status">
          {t('signInAgain')}
        </PaneNotice>
      ) : null}
      {step.error ? <PaneNotice>{t(ERRORS[step.error])}</PaneNotice> : null}
      <div style={paneLayout.actions}>
        <Button appearance="primary" onClick={onSignIn} disabledFocusable={step.busy}>
          {t('signIn')}
        </Button>
        {step.busy ? <PaneSpinner size="tiny" label={t('signingIn')} /> : null}
      </div>
    </section>
  );
}
