import * as React from 'react';
import { Body1, Button, Caption1, Field, Link, MessageBarActions, Spinner, Subtitle2, Switch, Text } from '@fluentui/react-components';
import type { VerificationMethod } from '../../../../shared/protocol/api';
import type { ErrorBody } from '../../../../shared/errors';
import type { RecipientRecord, SenderRecord } from '../../../../shared/protocol/privacy-api';
import { ErrorNotice } from '../../../../client/components/ErrorNotice';
import { FactList } from '../../../../client/components/FactList';
import { usePaneStyles } from '../../components/usePaneStyles';
import { usePrivacyI18n as useI18n } from './texts';
import type { TextKey as MessageKey } from './texts';
import { useSession } from '../../session';
import { ConfirmBar } from '../../components/ConfirmBar';
import { errorText } from './error-text';
import { JsonDownload } from './JsonDownload';
import { usePersonalData } from './usePersonalData';
import { usePrivacyStyles } from './usePrivacyStyles';

const METHODS: Record<VerificationMethod, MessageKey> = { sms: 'methodSms', access_code: 'methodAccessCode', email: 'methodEmail' };
const SIGN_INS: Record<string, MessageKey> = { azure: 'privacySignInMicrosoft', local: 'privacySignInDevelopment' };

type Fact = [label: MessageKey, value: React.ReactNode];

function Facts({ facts }: { facts: Fact[] }) {
  const { t } = useI18n();
  const styles = usePrivacyStyles();
  return <FactList facts={facts.map(([label, value]) => [t(label), value])} classes={{ list: styles.facts, term: styles.term, value: styles.value }} />;
}

/** A labelled list of records, or a line saying there are none. */
function ListOrNone({ label, none, children }: { label: string; none: string; children: React.ReactNode[] }) {
  const styles = usePrivacyStyles();
  const paneStyles = usePaneStyles();
  if (children.length === 0) return <Body1 className={styles.muted}>{none}</Body1>;
  return (
    <ul className={paneStyles.list} aria-label={label}>
      {children}
    </ul>
  );
}

function AccountRecord({ record }: { record: SenderRecord }) {
  const { t, formatDateTime } = useI18n();
  const styles = usePrivacyStyles();
  const unknown = t('privacyNotRecorded');
  const outlook = [record.outlook.host, record.outlook.version, record.outlook.platform].filter(Boolean).join(', ');
  return (
    <li className={styles.card} aria-label={t('privacyAccountAt', { organisation: record.organisation })}>
      <Text weight="semibold" className={styles.wrap}>
        {t('privacyAccountAt', { organisation: record.organisation })}
      </Text>
      <Facts
        facts={[
          ['privacyOrganisation', record.organisation],
          ['privacyName', record.name || unknown],
          ['privacyEmail', record.email || unknown],
          ['privacySignIn', SIGN_INS[record.signIn] ? t(SIGN_INS[record.signIn]!) : record.signIn],
          ['privacyOutlook', outlook || unknown],
          ['privacyBrowser', record.browser ?? unknown],
          ['privacyDevice', record.device ?? unknown],
          ['privacyCreated', formatDateTime(record.createdAt)],
          ['privacyLastSeen', formatDateTime(record.lastSeenAt)],
          ['privacyMessagesSent', String(record.messagesSent)],
        ]}
      />
    </li>
  );
}

function RecipientRecordItem({ record }: { record: RecipientRecord }) {
  const { t, formatDate, formatDateTime } = useI18n();
  const styles = usePrivacyStyles();
  const title = t('privacyReceivedFrom', { sender: record.sender.name || record.sender.email, organisation: record.organisation });
  const facts: Fact[] = [
    ['privacySentOn', formatDateTime(record.sentAt)],
    ['privacyName', record.name || t('privacyNotRecorded')],
    ['privacyVerification', t(METHODS[record.method])],
  ];
  if (record.phone) facts.push(['privacyPhone', record.phone]);
  if (record.openedAt) facts.push(['statusOpened', formatDateTime(record.openedAt)]);
  if (record.downloadedAt) facts.push(['statusDownloaded', formatDateTime(record.downloadedAt)]);
  facts.push(['privacyKeptUntil', formatDate(record.expiresAt)]);
  return (
    <li className={styles.card} aria-label={title}>
      <Text weight="semibold" className={styles.wrap}>
        {title}
      </Text>
      <Facts facts={facts} />
    </li>
  );
}

function ProductEmails({ off, onChange }: { off: boolean; onChange: (off: boolean) => Promise<ErrorBody | null> }) {
  const { t } = useI18n();
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<ErrorBody | null>(null);
  const change = async (on: boolean) => {
    setBusy(true);
    setError(null);
    setError(await onChange(!on));
    setBusy(false);
  };
  return (
    <>
      <Field hint={t('privacyProductEmailsHint')}>
        <Switch label={t('privacyProductEmails')} checked={!off} disabled={busy} onChange={(_, data) => void change(data.checked)} />
      </Field>
      {error ? <ErrorNotice title={t('privacyProductEmailsFailed')}>{t(errorText(error))}</ErrorNotice> : null}
    </>
  );
}

function EraseAccount({ onErase }: { onErase: () => Promise<ErrorBody | null> }) {
  const { t } = useI18n();
  const [confirming, setConfirming] = React.useState(false);
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<ErrorBody | null>(null);
  const button = React.useRef<HTMLButtonElement>(null);
  const cancel = () => {
    setConfirming(false);
    setError(null);
    requestAnimationFrame(() => button.current?.focus());
  };
  const erase = async () => {
    setBusy(true);
    const failed = await onErase();
    setBusy(false);
    setError(failed);
  };
  return confirming ? (
    <ConfirmBar
      title={t('privacyEraseTitle')}
      confirmLabel={t('privacyEraseConfirm')}
      failure={error ? `${t('privacyEraseFailed')} ${t(errorText(error))}` : null}
      busy={busy}
      onConfirm={() => void erase()}
      onCancel={cancel}
    >
      {t('privacyEraseBody')}
    </ConfirmBar>
  ) : (
    <div>
      <Button ref={button} onClick={() => setConfirming(true)}>
        {t('privacyErase')}
      </Button>
    </div>
  );
}

export interface PersonalDataSectionProps {
  /** Reads everything in the panel again. */
  onRetry: () => void;
}

/** "Your data": what Sealpost holds about the signed-in sender, a copy, the product e-mail switch and erasure. */
export function PersonalDataSection({ onRetry }: PersonalDataSectionProps) {
  const { t } = useI18n();
  const paneStyles = usePaneStyles();
  const styles = usePrivacyStyles();
  const { config, signedOut } = useSession();
  const { state, exportFile, setProductEmailsOff, erase } = usePersonalData();

  return (
    <section className={paneStyles.section} aria-labelledby="privacy-data-title">
      <Subtitle2 as="h2" id="privacy-data-title" className={paneStyles.heading}>
        {t('privacyYourData')}
      </Subtitle2>
      {state.kind === 'loading' ? <Spinner size="tiny" label={t('loading')} /> : null}
      {state.kind === 'failed' ? (
        <ErrorNotice
          title={t('privacyLoadFailed')}
          action={
            <MessageBarActions>
              <Button size="small" onClick={onRetry}>
                {t('retry')}
              </Button>
            </MessageBarActions>
          }
        >
          {t(errorText(state.error))}
        </ErrorNotice>
      ) : null}
      {state.kind === 'erased' ? (
        <ErrorNotice
          intent="success"
          role="status"
          action={
            <MessageBarActions>
              <Button size="small" onClick={signedOut}>
                {t('privacySignOut')}
              </Button>
            </MessageBarActions>
          }
        >
          {t('privacyErased', { count: state.erasedRecords })}
        </ErrorNotice>
      ) : null}
      {state.kind === 'done' ? (
        <>
          <Body1 className={styles.wrap}>{t('privacyIntro', { email: state.data.email })}</Body1>
          <ListOrNone label={t('privacyAccounts')} none={t('privacyNoAccount')}>
            {state.data.asSender.map((record) => (
              <AccountRecord key={record.accountId} record={record} />
            ))}
          </ListOrNone>
          <Caption1 className={styles.muted}>{t('privacyFromDirectory')}</Caption1>
          <Text as="h3" weight="semibold" className={styles.subheading}>
            {t('privacyAsRecipient')}
          </Text>
          <ListOrNone label={t('privacyAsRecipient')} none={t('privacyNoRecipientRecords')}>
            {state.data.asRecipient.map((record) => (
              <RecipientRecordItem key={record.recipientId} record={record} />
            ))}
          </ListOrNone>
          <ProductEmails off={state.data.productEmailsOff} onChange={setProductEmailsOff} />
          <JsonDownload getFile={exportFile} />
          <EraseAccount onErase={erase} />
        </>
      ) : null}
      <Caption1>
        <Link href={config.privacyUrl} target="_blank" rel="noopener noreferrer">
          {t('privacyLink')}
        </Link>
      </Caption1>
    </section>
  );
}
