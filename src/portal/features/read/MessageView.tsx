import { Caption1 } from '@fluentui/react-components';
import type { PartKeyMaterial, SealedContent } from '../../../shared/crypto';
import type { VerifyResponse } from '../../../shared/protocol/api';
import { StepHeading } from '../../components/StepHeading';
import { useI18n } from '../../i18n/I18nProvider';
import { AttachmentList } from './AttachmentList';
import { MailBody } from './MailBody';
import { useAttachmentDownloads } from './useAttachmentDownloads';
import { useReadStyles } from './useReadStyles';

export interface MessageViewProps {
  messageId: string;
  session: VerifyResponse;
  content: SealedContent;
  inlineImages: ReadonlyMap<string, string>;
  keyMaterial: PartKeyMaterial;
  onSessionEnded: () => void;
}

/** The decrypted message: subject as the page heading, sender and date, body, attachments. */
export function MessageView({ messageId, session, content, inlineImages, keyMaterial, onSessionEnded }: MessageViewProps) {
  const { t, formatDateTime } = useI18n();
  const styles = useReadStyles();
  const downloads = useAttachmentDownloads({ messageId, session, keyMaterial, onSessionEnded });
  return (
    <article className={styles.article}>
      <header className={styles.header}>
        <StepHeading>{content.subject.trim() || t('noSubject')}</StepHeading>
        {content.from ? (
          <Caption1 as="p" className={styles.meta}>
            {t('fromLabel')}: {content.from.name ? `${content.from.name} <${content.from.email}>` : content.from.email}
          </Caption1>
        ) : null}
        {content.sentAt ? (
          <Caption1 as="p" className={styles.meta}>
            {t('sentLabel')}: {formatDateTime(content.sentAt)}
          </Caption1>
        ) : null}
      </header>
      <MailBody html={content.html} text={content.text} inlineImages={inlineImages} />
      <AttachmentList attachments={content.attachments} stateOf={downloads.stateOf} onDownload={downloads.download} />
    </article>
  );
}
