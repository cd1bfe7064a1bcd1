import * as React from 'react';
import { Body1, Button, Caption1, Field, Spinner, Subtitle1, Switch } from '@fluentui/react-components';
import type { PersonalData } from '../../../shared/protocol/privacy-api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { RetryStep } from '../../components/RetryStep';
import { StepHeading } from '../../components/StepHeading';
import { useStepStyles } from '../../components/useStepStyles';
import { useI18n } from '../../i18n/I18nProvider';
import { CorrectionForm, type CorrectionField } from './CorrectionForm';
import { EraseDialog } from './EraseDialog';
import { OpenRequests, RecipientRecords, SenderRecords } from './HeldRecords';
import type { Outcome } from './privacy-errors';
import { usePersonalData, type PersonalDataState, type SessionEnding } from './usePersonalData';
import { useMyDataStyles } from './useMyDataStyles';

export interface PersonalDataViewProps {
  token: string;
  expiresAt: string;
  onEnded: (ending: SessionEnding) => void;
}

function OutcomeNotice({ outcome }: { outcome: Outcome }) {
  const { t, formatDateTime } = useI18n();
  const styles = useMyDataStyles();
  const vars = outcome.dueAt ? { ...outcome.notice.vars, due: formatDateTime(outcome.dueAt) } : outcome.notice.vars;
  return (
    <div className={styles.notice}>
      <ErrorNotice intent={outcome.intent} role={outcome.intent === 'error' ? 'alert' : 'status'}>
        {t(outcome.notice.key, vars)}
      </ErrorNotice>
    </div>
  );
}

/** Download, correct, product e-mails, erase, sign out; the outcome of the last one on top. */
function DataActions({ data, state }: { data: PersonalData; state: PersonalDataState }) {
  const { t } = useI18n();
  const styles = useMyDataStyles();
  const [editing, setEditing] = React.useState<CorrectionField | null>(null);
  const openers = { name: React.useRef<HTMLButtonElement>(null), phone: React.useRef<HTMLButtonElement>(null) };
  const closeForm = () => {
    const opener = editing ? openers[editing].current : null;
    setEditing(null);
    // The button that opened the form is back once it closes; keyboard users continue from there.
    requestAnimationFrame(() => opener?.focus());
  };
  const held = data.asRecipient.length > 0;
  const hasPhone = data.asRecipient.some((r) => r.method === 'sms');

  return (
    <section className={styles.section}>
      <Subtitle1 as="h2" block className={styles.heading}>
        {t('myDataActions')}
      </Subtitle1>
      {state.outcome ? <OutcomeNotice outcome={state.outcome} /> : null}

      <Button appearance="primary" disabledFocusable={state.busy === 'download'} onClick={() => void state.download()}>
        {t('myDataDownload')}
      </Button>
      <Caption1 as="p" block className={styles.note}>
        {t('myDataDownloadNote')}
      </Caption1>

      {held ? (
        <div className={styles.buttons}>
          <Button ref={openers.name} aria-expanded={editing === 'name'} onClick={() => setEditing('name')}>
            {t('myDataCorrectName')}
          </Button>
          {hasPhone ? (
            <Button ref={openers.phone} aria-expanded={editing === 'phone'} onClick={() => setEditing('phone')}>
              {t('myDataCorrectPhone')}
            </Button>
          ) : null}
        </div>
      ) : null}
      {editing ? (
        <CorrectionForm
          key={editing}
          field={editing}
          initial={editing === 'name' ? (data.asRecipient[0]?.name ?? '') : ''}
          busy={state.busy === 'correct'}
          onSubmit={state.correct}
          onClose={closeForm}
        />
      ) : null}

      <Field hint={t('myDataProductEmailsNote')}>
        <Switch
          label={t('myDataProductEmails')}
          checked={!data.productEmailsOff}
          onChange={(_, change) => void state.setProductEmailsOff(!change.checked)}
        />
      </Field>

      <div className={styles.buttons}>
        {held ? <EraseDialog busy={state.busy === 'erase'} onErase={state.erase} onEnded={state.onEnded} /> : null}
        <Button appearance="subtle" disabledFocusable={state.busy === 'signOut'} onClick={() => void state.signOut()}>
          {t('myDataSignOut')}
        </Button>
      </div>
    </section>
  );
}

/** Step 3: everything held about the proven address, record by record, and what can be done with it. */
export function PersonalDataView({ token, expiresAt, onEnded }: PersonalDataViewProps) {
  const { t, formatTime } = useI18n();
  const step = useStepStyles();
  const state = usePersonalData(token, onEnded);
  const { load } = state;

  if (load.kind === 'loading') return <Spinner label={t('myDataLoading')} />;
  if (load.kind === 'failed') {
    return (
      <RetryStep title={t('myDataLoadFailedTitle')} onRetry={state.retry}>
        {t(load.notice.key, load.notice.vars)}
      </RetryStep>
    );
  }

  const { data } = load;
  const nothing = !data.asRecipient.length && !data.asSender.length;
  return (
    <section className={step.step}>
      <StepHeading>{t('myDataHeldTitle', { email: data.email })}</StepHeading>
      <Body1 as="p" block className={step.paragraph}>
        {t('myDataSessionUntil', { time: formatTime(expiresAt) })}
      </Body1>
      {nothing ? (
        <Body1 as="p" block className={step.paragraph}>
          {t('myDataNothingHeld', { email: data.email })}
        </Body1>
      ) : null}
      {data.asRecipient.length ? <RecipientRecords records={data.asRecipient} /> : null}
      {data.asSender.length ? <SenderRecords records={data.asSender} /> : null}
      {!nothing || data.requests.some((r) => r.status === 'open') ? <OpenRequests requests={data.requests} /> : null}
      <DataActions data={data} state={state} />
    </section>
  );
}
