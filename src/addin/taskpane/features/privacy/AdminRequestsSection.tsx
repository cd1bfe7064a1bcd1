import * as React from 'react';
import { Badge, Body1, Button, Caption1, Spinner, Switch, Text, type BadgeProps } from '@fluentui/react-components';
import type { ErrorBody } from '../../../../shared/errors';
import type { AdminQueueEntry, PrivacyRequestStatus } from '../../../../shared/protocol/privacy-api';
import { ErrorNotice } from '../../../../client/components/ErrorNotice';
import { usePaneStyles } from '../../components/usePaneStyles';
import { PaneSection } from '../../components/PaneSection';
import { usePrivacyI18n as useI18n } from './texts';
import type { TextKey as MessageKey } from './texts';
import { AdminRequestForm } from './AdminRequestForm';
import { errorText } from './error-text';
import { REQUEST_TYPES } from './labels';
import { usePrivacyQueue } from './usePrivacyQueue';
import { usePrivacyStyles } from './usePrivacyStyles';

const STATUS: Record<PrivacyRequestStatus, { key: MessageKey; color: BadgeProps['color'] }> = {
  open: { key: 'privacyStatusOpen', color: 'informative' },
  completed: { key: 'privacyStatusCompleted', color: 'success' },
  rejected: { key: 'privacyStatusRejected', color: 'subtle' },
};

function QueueItem({ entry, onClose }: { entry: AdminQueueEntry; onClose: (id: string, action: 'complete' | 'reject') => Promise<ErrorBody | null> }) {
  const { t, formatDateTime } = useI18n();
  const styles = usePrivacyStyles();
  const paneStyles = usePaneStyles();
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<ErrorBody | null>(null);
  const title = t('privacyRequestTitle', {
    type: t(REQUEST_TYPES[entry.type]),
    subject: t(entry.subjectKind === 'sender' ? 'privacySubjectSender' : 'privacySubjectRecipient'),
  });
  const status = STATUS[entry.status];
  const change = entry.requestedChange;
  const act = async (action: 'complete' | 'reject') => {
    setBusy(true);
    setError(null);
    const failed = await onClose(entry.id, action);
    setBusy(false);
    setError(failed);
  };
  return (
    <li className={styles.card} aria-label={title}>
      <div className={styles.top}>
        <Text weight="semibold">{title}</Text>
        <span className={styles.badges}>
          {entry.overdue ? (
            <Badge appearance="filled" color="danger">
              {t('privacyOverdue')}
            </Badge>
          ) : null}
          <Badge appearance="tint" color={status.color}>
            {t(status.key)}
          </Badge>
        </span>
      </div>
      {entry.email ? <Body1 className={styles.wrap}>{entry.email}</Body1> : null}
      {change?.name ? <Body1 className={styles.wrap}>{t('privacyChangeName', { name: change.name })}</Body1> : null}
      {change?.phone ? <Body1 className={styles.wrap}>{t('privacyChangePhone', { phone: change.phone })}</Body1> : null}
      <Caption1 className={entry.overdue ? undefined : styles.muted}>
        {entry.status === 'open' ? t('privacyDue', { date: formatDateTime(entry.dueAt) }) : t('privacyHandled', { date: formatDateTime(entry.handledAt ?? entry.dueAt) })}
      </Caption1>
      <Caption1 className={styles.muted}>
        {t(entry.source === 'self' ? 'privacySourceSelf' : 'privacySourceAdmin')} · {t('privacyReceived', { date: formatDateTime(entry.createdAt) })}
      </Caption1>
      {entry.status === 'open' && change?.phone ? <Caption1>{t('privacyCheckPhone')}</Caption1> : null}
      {entry.status === 'open' ? (
        <div className={paneStyles.actions}>
          <Button size="small" appearance="primary" onClick={() => void act('complete')} disabledFocusable={busy}>
            {t('privacyApply')}
          </Button>
          <Button size="small" onClick={() => void act('reject')} disabledFocusable={busy}>
            {t('privacyReject')}
          </Button>
        </div>
      ) : null}
      {error ? <ErrorNotice title={t('privacyRequestFailed')}>{t(errorText(error))}</ErrorNotice> : null}
    </li>
  );
}

/**
 * "Privacy requests", for the organisation's administrators only: the queue by deadline (48 hours
 * after each request), and a form to run a request for a person. Not shown to anyone else.
 */
export function AdminRequestsSection() {
  const { t } = useI18n();
  const paneStyles = usePaneStyles();
  const styles = usePrivacyStyles();
  const { state, status, setStatus, reload, close, run } = usePrivacyQueue();
  if (state.kind === 'hidden') return null;
  return (
    <PaneSection id="privacy-requests-title" title={t('privacyRequests')} action={{ label: t('refresh'), onClick: reload }}>
      <Caption1 className={styles.muted}>{t('privacyRequestsIntro')}</Caption1>
      <Switch label={t('privacyShowHandled')} checked={status === 'all'} onChange={(_, data) => setStatus(data.checked ? 'all' : 'open')} />
      {state.kind === 'loading' ? <Spinner size="tiny" label={t('loading')} /> : null}
      {state.kind === 'failed' ? <ErrorNotice title={t('privacyRequestsFailed')}>{t(errorText(state.error))}</ErrorNotice> : null}
      {state.kind === 'done' && state.requests.length === 0 ? (
        <Body1 className={styles.muted}>{t(status === 'open' ? 'privacyNoOpenRequests' : 'privacyNoRequests')}</Body1>
      ) : null}
      {state.kind === 'done' && state.requests.length > 0 ? (
        <ul className={paneStyles.list} aria-label={t('privacyRequests')}>
          {state.requests.map((entry) => (
            <QueueItem key={entry.id} entry={entry} onClose={close} />
          ))}
        </ul>
      ) : null}
      <AdminRequestForm onRun={run} />
    </PaneSection>
  );
}
