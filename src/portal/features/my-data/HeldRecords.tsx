import * as React from 'react';
import { Body1, Caption1, Subtitle1, Subtitle2 } from '@fluentui/react-components';
import type { VerificationMethod } from '../../../shared/protocol/api';
import type { PrivacyRequestSummary, PrivacyRequestType, RecipientRecord, SenderRecord } from '../../../shared/protocol/privacy-api';
import { FactList } from '../../../client/components/FactList';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages';
import { useMyDataStyles } from './useMyDataStyles';

const METHOD_KEYS: Record<VerificationMethod, MessageKey> = { sms: 'methodSms', email: 'methodEmail', access_code: 'methodAccessCode' };
const REQUEST_KEYS: Record<PrivacyRequestType, MessageKey> = {
  access: 'requestAccess',
  rectify: 'requestRectify',
  erase: 'requestErase',
  object: 'requestObject',
};

type Row = readonly [label: MessageKey, value: string];

function Facts({ rows }: { rows: readonly Row[] }) {
  const { t } = useI18n();
  const styles = useMyDataStyles();
  return <FactList facts={rows.map(([label, value]) => [t(label), value])} classes={{ list: styles.facts, term: styles.term, value: styles.value }} />;
}

/** Present values as they are; what is absent says so instead of showing an empty cell. */
function useValues() {
  const { t, formatDateTime } = useI18n();
  const missing = t('myDataNotRecorded');
  return {
    text: (value: string | null) => (value ? value : missing),
    time: (iso: string | null) => (iso ? formatDateTime(iso) : missing),
  };
}

function Records({ title, children }: { title: string; children: React.ReactNode }) {
  const styles = useMyDataStyles();
  return (
    <section className={styles.section}>
      <Subtitle1 as="h2" block className={styles.heading}>
        {title}
      </Subtitle1>
      {children}
    </section>
  );
}

function Record({ title, rows }: { title: string; rows: readonly Row[] }) {
  const styles = useMyDataStyles();
  return (
    <li className={styles.record}>
      <Subtitle2 as="h3" block className={styles.heading}>
        {title}
      </Subtitle2>
      <Facts rows={rows} />
    </li>
  );
}

/** One entry per message sent to the address: who sent it, and what the service keeps for it. */
export function RecipientRecords({ records }: { records: readonly RecipientRecord[] }) {
  const { t } = useI18n();
  const styles = useMyDataStyles();
  const { text, time } = useValues();
  return (
    <Records title={t('myDataAsRecipient')}>
      <ul className={styles.records}>
        {records.map((r) => (
          <Record
            key={r.recipientId}
            title={t('myDataRecipientRecord', { sender: r.sender.name || r.sender.email, organisation: r.organisation })}
            rows={[
              ['fieldOrganisation', r.organisation],
              ['fieldSender', r.sender.name ? `${r.sender.name} <${r.sender.email}>` : r.sender.email],
              ['fieldSentAt', time(r.sentAt)],
              ['fieldExpiresAt', time(r.expiresAt)],
              ['fieldName', text(r.name)],
              ['fieldEmail', text(r.email)],
              ['fieldMethod', t(METHOD_KEYS[r.method])],
              ['fieldPhone', text(r.phone)],
              ['fieldCodeSentAt', time(r.codeSentAt)],
              ['fieldVerifiedAt', time(r.verifiedAt)],
              ['fieldOpenedAt', time(r.openedAt)],
              ['fieldDownloadedAt', time(r.downloadedAt)],
              ['fieldFailedAttempts', String(r.failedAttempts)],
              ['fieldLockedAt', time(r.lockedAt)],
              ['fieldBrowser', text(r.browser)],
              ['fieldDevice', text(r.device)],
            ]}
          />
        ))}
      </ul>
    </Records>
  );
}

/** Sender accounts with this address; their details come from the organisation's sign-in. */
export function SenderRecords({ records }: { records: readonly SenderRecord[] }) {
  const { t } = useI18n();
  const styles = useMyDataStyles();
  const { text, time } = useValues();
  return (
    <Records title={t('myDataAsSender')}>
      <ul className={styles.records}>
        {records.map((r) => (
          <Record
            key={r.accountId}
            title={t('myDataSenderRecord', { organisation: r.organisation })}
            rows={[
              ['fieldOrganisation', r.organisation],
              ['fieldName', text(r.name)],
              ['fieldEmail', text(r.email)],
              ['fieldSignIn', r.signIn === 'azure' ? t('signInMicrosoft') : r.signIn],
              ['fieldOutlook', text([r.outlook.host, r.outlook.version, r.outlook.platform].filter(Boolean).join(', '))],
              ['fieldBrowser', text(r.browser)],
              ['fieldDevice', text(r.device)],
              ['fieldCreatedAt', time(r.createdAt)],
              ['fieldLastSeenAt', time(r.lastSeenAt)],
              ['fieldMessagesSent', String(r.messagesSent)],
            ]}
          />
        ))}
      </ul>
      <Caption1 as="p" block className={styles.note}>
        {t('myDataSenderNote')}
      </Caption1>
    </Records>
  );
}

/** Requests still waiting for an answer, each with its deadline. */
export function OpenRequests({ requests }: { requests: readonly PrivacyRequestSummary[] }) {
  const { t, formatDateTime } = useI18n();
  const styles = useMyDataStyles();
  const open = requests.filter((r) => r.status === 'open');
  return (
    <Records title={t('myDataRequests')}>
      {open.length ? (
        <ul className={styles.list}>
          {open.map((r) => (
            <li key={r.id}>
              <Body1>
                {t('myDataRequest', { type: t(REQUEST_KEYS[r.type]), created: formatDateTime(r.createdAt), due: formatDateTime(r.dueAt) })}
              </Body1>
            </li>
          ))}
        </ul>
      ) : (
        <Body1 as="p" block className={styles.heading}>
          {t('myDataNoRequests')}
        </Body1>
      )}
    </Records>
  );
}
