import { Spinner } from '@fluentui/react-components';
import { RetryStep } from './components/RetryStep';
import { UnavailablePage } from './components/UnavailablePage';
import { ReadView } from './features/read/ReadView';
import { VerifyFlow } from './features/verify/VerifyFlow';
import { useI18n } from './i18n/I18nProvider';
import type { PortalLink } from './link';
import { usePortalApp } from './usePortalApp';

/** Picks the screen for the current step. */
export function PortalApp({ link }: { link: PortalLink | null }) {
  const { t } = useI18n();
  const { step, onVerified, onUnavailable, onSessionEnded, retry } = usePortalApp(link);

  if (step.kind === 'unavailable' || !link) return <UnavailablePage />;
  if (step.kind === 'checking') return <Spinner label={t('loading')} />;
  if (step.kind === 'offline') {
    return (
      <RetryStep title={t('networkErrorTitle')} onRetry={retry}>
        {t('networkErrorBody')}
      </RetryStep>
    );
  }
  if (step.kind === 'verify') {
    return (
      <VerifyFlow
        messageId={link.messageId}
        expiresAt={step.expiresAt}
        sessionEnded={step.sessionEnded}
        onVerified={onVerified}
        onUnavailable={onUnavailable}
      />
    );
  }
  return <ReadView link={link} session={step.session} onSessionEnded={onSessionEnded} onUnavailable={onUnavailable} />;
}
