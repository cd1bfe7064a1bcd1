import { Button, Link, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useI18n } from '../../i18n/I18nProvider';

export interface SenderNoticeProps {
  privacyUrl: string;
  onAcknowledge: () => void;
}

/** First use: what Sealpost records about the sender (category B), why, and for how long. */
export function SenderNotice({ privacyUrl, onAcknowledge }: SenderNoticeProps) {
  const { t } = useI18n();
  return (
    <MessageBar intent="info" layout="multiline" role="region" aria-label={t('senderNoticeTitle')}>
      <MessageBarBody>
        <MessageBarTitle>{t('senderNoticeTitle')}</MessageBarTitle>
        {t('senderNoticeBody')}{' '}
        <Link href={privacyUrl} target="_blank" rel="noopener noreferrer">
          {t('privacyLink')}
        </Link>
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={onAcknowledge}>{t('senderNoticeAcknowledge')}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
