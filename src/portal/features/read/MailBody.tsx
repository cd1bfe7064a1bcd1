import { Button, MessageBarActions } from '@fluentui/react-components';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useI18n } from '../../i18n/I18nProvider';
import { useMailBody } from './useMailBody';
import { useReadStyles } from './useReadStyles';

export interface MailBodyProps {
  html: string;
  text?: string;
  inlineImages: ReadonlyMap<string, string>;
}

/**
 * The sender's HTML in a sandboxed frame: no `allow-scripts` (nothing in it runs) and no
 * `allow-same-origin` (an opaque origin, so even a browser bug that ran script there could not
 * reach the portal's memory, storage or API). `allow-popups` plus escaping the sandbox lets links,
 * which the sanitiser sends to a new tab, open as ordinary pages.
 */
export function MailBody({ html, text, inlineImages }: MailBodyProps) {
  const { t } = useI18n();
  const styles = useReadStyles();
  const body = useMailBody(html, inlineImages);
  if (!html.trim()) {
    return <pre className={styles.text}>{text ?? ''}</pre>;
  }
  return (
    <>
      {body.blockedImages > 0 && !body.allowRemoteImages ? (
        <ErrorNotice
          intent="info"
          role="status"
          action={
            <MessageBarActions>
              <Button onClick={body.showImages}>{t('showImages')}</Button>
            </MessageBarActions>
          }
        >
          {t('imagesBlocked')}
        </ErrorNotice>
      ) : null}
      <iframe
        className={styles.frame}
        title={t('bodyFrameTitle')}
        sandbox="allow-popups allow-popups-to-escape-sandbox"
        referrerPolicy="no-referrer"
        srcDoc={body.srcDoc}
      />
    </>
  );
}
