import * as React from 'react';
import { Body1, Button, MessageBar, MessageBarBody, MessageBarTitle, Subtitle2, Text } from '@fluentui/react-components';
import { ErrorNotice } from '../../../../client/components/ErrorNotice';
import { usePaneStyles } from '../../components/usePaneStyles';
import { useI18n } from '../../i18n/I18nProvider';
import { useTaskpaneServices } from '../../services';
import type { SendStep } from './useSecureSend';

/** After sealing: the access codes to pass on, and "Send now" where Outlook can send (Mailbox 1.15). */
export function SealedPanel({ step }: { step: Extract<SendStep, { kind: 'sealed' }> }) {
  const { t, formatDate } = useI18n();
  const { office } = useTaskpaneServices();
  const styles = usePaneStyles();
  const [sending, setSending] = React.useState<'idle' | 'busy' | 'sent' | 'failed'>('idle');

  const sendNow = async () => {
    setSending('busy');
    try {
      await office.sendItem();
      setSending('sent'); // Outlook may close the pane first; then this is never seen.
    } catch {
      setSending('failed');
    }
  };

  return (
    <section className={styles.section} aria-label={t('sealedTitle')}>
      <MessageBar intent="success" layout="multiline" role="status">
        <MessageBarBody>
          <MessageBarTitle>{t('sealedTitle')}</MessageBarTitle>
          {step.sent ? t('sealedBody', { date: formatDate(step.sent.expiresAt) }) : t('alreadySealed')}
        </MessageBarBody>
      </MessageBar>
      {step.accessCodes.length > 0 ? (
        <div className={styles.section}>
          <Subtitle2 as="h2" className={styles.heading}>
            {t('accessCodesTitle')}
          </Subtitle2>
          <Body1>{t('accessCodesIntro')}</Body1>
          <ul className={styles.list}>
            {step.accessCodes.map((c) => (
              <li key={c.name}>
                <Text font="monospace">{t('accessCodeFor', { name: c.name, code: c.code })}</Text>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {sending === 'sent' ? <Body1 role="status">{t('sentNow')}</Body1> : null}
      {sending === 'failed' ? <ErrorNotice>{t('sendNowFailed')}</ErrorNotice> : null}
      {step.canSendNow && sending !== 'sent' ? (
        <div className={styles.actions}>
          <Button appearance="primary" onClick={() => void sendNow()} disabledFocusable={sending === 'busy'}>
            {t('sendNow')}
          </Button>
        </div>
      ) : null}
      {!step.canSendNow ? <Body1>{t('pressSend')}</Body1> : null}
    </section>
  );
}
