import * as React from 'react';
import { Badge, Button, Caption1, Text, type BadgeProps } from '@fluentui/react-components';
import type { MessageStatus, MessageSummary, RecipientStatus } from '../../../../shared/protocol/api';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages';
import { RevokeConfirm } from './RevokeConfirm';
import { useSentStyles } from './useSentStyles';

const MESSAGE_STATUS: Record<MessageStatus, { key: MessageKey; color: BadgeProps['color'] }> = {
  sealed: { key: 'messageSealed', color: 'success' },
  revoked: { key: 'messageRevoked', color: 'danger' },
  expired: { key: 'messageExpired', color: 'subtle' },
  draft: { key: 'messageDraft', color: 'subtle' },
};

const RECIPIENT_STATUS: Record<RecipientStatus, { key: MessageKey; color: BadgeProps['color'] }> = {
  pending: { key: 'statusPending', color: 'subtle' },
  code_sent: { key: 'statusCodeSent', color: 'informative' },
  verified: { key: 'statusVerified', color: 'brand' },
  opened: { key: 'statusOpened', color: 'success' },
  downloaded: { key: 'statusDownloaded', color: 'success' },
  locked: { key: 'statusLocked', color: 'danger' },
  erased: { key: 'statusErased', color: 'subtle' },
};

export interface SentMessageItemProps {
  message: MessageSummary;
  /** Resolves true when the service revoked it. */
  onRevoke: (id: string) => Promise<boolean>;
}

/** One secure message: when, until when, its state, and how far each recipient got. No content: the service has none. */
export function SentMessageItem({ message, onRevoke }: SentMessageItemProps) {
  const { t, formatDateTime, formatDate } = useI18n();
  const styles = useSentStyles();
  const status = MESSAGE_STATUS[message.status];
  const title = t('sentOn', { date: formatDateTime(message.createdAt) });
  const [confirming, setConfirming] = React.useState(false);
  const revokeButton = React.useRef<HTMLButtonElement>(null);
  const cancel = () => {
    setConfirming(false);
    // Back to where the sender was, not to the top of the pane.
    requestAnimationFrame(() => revokeButton.current?.focus());
  };
  return (
    <li className={styles.item} aria-label={title}>
      <div className={styles.top}>
        <Text weight="semibold">{title}</Text>
        <Badge appearance="tint" color={status.color}>
          {t(status.key)}
        </Badge>
      </div>
      <Caption1 className={styles.muted}>{t('availableUntil', { date: formatDate(message.expiresAt) })}</Caption1>
      <ul className={styles.recipients}>
        {message.recipients.map((r) => {
          const s = RECIPIENT_STATUS[r.status];
          return (
            <li key={r.id} className={styles.recipient}>
              <span className={styles.name}>{r.name || r.email || t(r.status === 'erased' ? 'recipientErased' : 'recipientRemoved')}</span>
              <Badge appearance="outline" color={s.color}>
                {t(s.key)}
              </Badge>
            </li>
          );
        })}
      </ul>
      {(message.status === 'sealed' || message.status === 'draft') && !confirming ? (
        <div>
          <Button size="small" ref={revokeButton} onClick={() => setConfirming(true)}>
            {t('revoke')}
          </Button>
        </div>
      ) : null}
      {confirming && message.status !== 'revoked' ? <RevokeConfirm onConfirm={() => onRevoke(message.id)} onCancel={cancel} /> : null}
    </li>
  );
}
