import { Body1, Button, Caption1, ProgressBar, Subtitle1 } from '@fluentui/react-components';
import type { SealedAttachment } from '../../../shared/crypto';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useI18n } from '../../i18n/I18nProvider';
import { formatSize } from './format-size';
import type { DownloadState } from './useAttachmentDownloads';
import { useReadStyles } from './useReadStyles';

export interface AttachmentListProps {
  attachments: readonly SealedAttachment[];
  stateOf: (part: number) => DownloadState;
  onDownload: (attachment: SealedAttachment) => void;
}

export function AttachmentList({ attachments, stateOf, onDownload }: AttachmentListProps) {
  const { t, locale } = useI18n();
  const styles = useReadStyles();
  if (attachments.length === 0) return null;
  return (
    <section className={styles.section}>
      <Subtitle1 as="h2" block className={styles.sectionHeading}>
        {t('attachmentsTitle', { count: attachments.length })}
      </Subtitle1>
      <ul className={styles.attachments}>
        {attachments.map((attachment) => {
          const state = stateOf(attachment.part);
          return (
            <li key={attachment.part} className={styles.attachment}>
              <div>
                <Body1 block className={styles.attachmentName}>{attachment.name}</Body1>
                <Caption1>
                  {attachment.type || 'application/octet-stream'} · {formatSize(attachment.size, locale)}
                  {state.status === 'done' ? ` · ${t('downloadDone')}` : ''}
                </Caption1>
              </div>
              {/* The visible word is part of the name (WCAG 2.5.3), which also says which file. */}
              <Button
                aria-label={t('downloadAttachment', { name: attachment.name })}
                disabledFocusable={state.status === 'downloading'}
                onClick={() => onDownload(attachment)}
              >
                {t('download')}
              </Button>
              {state.status === 'downloading' ? (
                <ProgressBar
                  className={styles.attachmentWide}
                  value={state.percent / 100}
                  aria-label={t('downloadProgress', { name: attachment.name })}
                />
              ) : null}
              {state.status === 'failed' ? (
                <div className={styles.attachmentWide}>
                  <ErrorNotice>{t('downloadFailed', { name: attachment.name })}</ErrorNotice>
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
