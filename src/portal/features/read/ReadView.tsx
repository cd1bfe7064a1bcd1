import { Body1, Spinner } from '@fluentui/react-components';
import type { VerifyResponse } from '../../../shared/protocol/api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { RetryStep } from '../../components/RetryStep';
import { StepHeading } from '../../components/StepHeading';
import { useStepStyles } from '../../components/useStepStyles';
import { useI18n } from '../../i18n/I18nProvider';
import type { PortalLink } from '../../link';
import { MessageView } from './MessageView';
import { useMessage } from './useMessage';
import { useReadStyles } from './useReadStyles';

export interface ReadViewProps {
  link: PortalLink;
  session: VerifyResponse;
  onSessionEnded: () => void;
  onUnavailable: () => void;
}

/** After verification: decrypting, the message, or a clear reason why it cannot be shown. */
export function ReadView({ link, session, onSessionEnded, onUnavailable }: ReadViewProps) {
  const { t } = useI18n();
  const step = useStepStyles();
  const styles = useReadStyles();
  const { state, retry } = useMessage({ link, session, onSessionEnded, onUnavailable });

  switch (state.status) {
    case 'loading':
      return (
        <div className={styles.centre}>
          <Spinner label={t('readLoading')} />
        </div>
      );
    case 'decrypt_failed':
      // Not the vague page: the recipient proved who they are, and the fix is on their side.
      return (
        <section className={step.step}>
          <StepHeading>{t('decryptFailedTitle')}</StepHeading>
          <ErrorNotice>
            <Body1>{t('decryptFailedBody')}</Body1>
          </ErrorNotice>
        </section>
      );
    case 'error':
      return (
        <RetryStep title={t('networkErrorTitle')} onRetry={retry}>
          {t('networkErrorBody')}
        </RetryStep>
      );
    case 'ready':
      return (
        <MessageView
          messageId={link.messageId}
          session={session}
          content={state.content}
          inlineImages={state.inlineImages}
          keyMaterial={state.keyMaterial}
          onSessionEnded={onSessionEnded}
        />
      );
  }
}
