import * as React from 'react';
import { Body1, Button, Caption1, Field, Input, Radio, RadioGroup, Select, Switch, Text } from '@fluentui/react-components';
import type { ErrorBody, Result } from '../../../../shared/errors';
import type { AdminPrivacyRequest, AdminPrivacyResponse, PrivacyRequestType } from '../../../../shared/protocol/privacy-api';
import { ErrorNotice } from '../../../../client/components/ErrorNotice';
import { usePaneStyles } from '../../components/usePaneStyles';
import { usePrivacyI18n as useI18n } from './texts';
import { ConfirmBar } from '../../components/ConfirmBar';
import { errorText } from './error-text';
import { JsonDownload } from './JsonDownload';
import { REQUEST_TYPES } from './labels';
import { personalDataFileName } from '../../../../shared/protocol/privacy-api';
import { usePrivacyStyles } from './usePrivacyStyles';

type SubjectKind = AdminPrivacyRequest['subjectKind'];

interface Draft {
  subjectKind: SubjectKind;
  email: string;
  type: PrivacyRequestType;
  name: string;
  phone: string;
  productEmailsOff: boolean;
}

const EMPTY: Draft = { subjectKind: 'recipient', email: '', type: 'access', name: '', phone: '', productEmailsOff: true };
// The service checks the address properly; this only catches an empty or obviously wrong field.
const LOOKS_LIKE_EMAIL = /^[^\s@]+@[^\s@]+$/;

type Problem = 'email' | 'rectify' | null;

function problemOf(draft: Draft): Problem {
  if (!LOOKS_LIKE_EMAIL.test(draft.email.trim())) return 'email';
  if (draft.type === 'rectify' && !draft.name.trim() && !draft.phone.trim()) return 'rectify';
  return null;
}

function requestOf(draft: Draft): AdminPrivacyRequest {
  const request: AdminPrivacyRequest = { subjectKind: draft.subjectKind, email: draft.email.trim(), type: draft.type };
  if (draft.type === 'rectify') {
    if (draft.name.trim()) request.name = draft.name.trim();
    if (draft.phone.trim()) request.phone = draft.phone.trim();
  }
  if (draft.type === 'object') request.productEmailsOff = draft.productEmailsOff;
  return request;
}

function Outcome({ request, response }: { request: AdminPrivacyRequest; response: AdminPrivacyResponse }) {
  const { t } = useI18n();
  const lines: string[] = [t('privacyRunDone', { type: t(REQUEST_TYPES[request.type]), email: request.email })];
  const { data } = response;
  if (data) lines.push(t('privacyRunFound', { recipient: data.asRecipient.length, sender: data.asSender.length }));
  if (response.erasedRecords !== undefined) lines.push(t('privacyRunErased', { count: response.erasedRecords }));
  if (request.type === 'object') lines.push(t(request.productEmailsOff === false ? 'privacyRunEmailsOn' : 'privacyRunEmailsOff'));
  if (request.type === 'rectify') lines.push(t(response.request.status === 'open' ? 'privacyRunQueued' : 'privacyRunApplied'));
  return (
    <>
      <ErrorNotice intent="success" role="status">
        {lines.join(' ')}
      </ErrorNotice>
      {data ? (
        <JsonDownload getFile={async () => ({ ok: true, data: { fileName: personalDataFileName(data.generatedAt), json: JSON.stringify(data, null, 2) } })} />
      ) : null}
    </>
  );
}

export interface AdminRequestFormProps {
  onRun: (request: AdminPrivacyRequest) => Promise<Result<AdminPrivacyResponse> | null>;
}

/** Runs a request for a person who asked the organisation directly (by phone, by letter, at the desk). */
export function AdminRequestForm({ onRun }: AdminRequestFormProps) {
  const { t } = useI18n();
  const paneStyles = usePaneStyles();
  const styles = usePrivacyStyles();
  const [draft, setDraft] = React.useState<Draft>(EMPTY);
  const [checked, setChecked] = React.useState(false);
  const [confirming, setConfirming] = React.useState(false);
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<ErrorBody | null>(null);
  const [outcome, setOutcome] = React.useState<{ request: AdminPrivacyRequest; response: AdminPrivacyResponse } | null>(null);
  const update = (change: Partial<Draft>) => {
    setDraft((current) => ({ ...current, ...change }));
    setConfirming(false);
  };
  const problem = checked ? problemOf(draft) : null;
  // A sender's name and address come from the sign-in: nothing to correct here.
  const senderRectify = draft.subjectKind === 'sender' && draft.type === 'rectify';

  const runNow = async () => {
    const request = requestOf(draft);
    setBusy(true);
    setError(null);
    setOutcome(null);
    const result = await onRun(request);
    setBusy(false);
    setConfirming(false);
    if (!result) return;
    if (result.ok) setOutcome({ request, response: result.data });
    else setError(result.error);
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (senderRectify || problemOf(draft) || busy) return;
    if (draft.type === 'erase') return setConfirming(true);
    void runNow();
  };

  return (
    <form className={paneStyles.section} aria-labelledby="privacy-run-title" onSubmit={submit} noValidate>
      <Text as="h3" weight="semibold" id="privacy-run-title" className={styles.subheading}>
        {t('privacyRunTitle')}
      </Text>
      <Caption1 className={styles.muted}>{t('privacyRunIntro')}</Caption1>
      <Field label={t('privacyRunSubject')}>
        <RadioGroup layout="horizontal" value={draft.subjectKind} onChange={(_, data) => update({ subjectKind: data.value as SubjectKind })}>
          <Radio value="recipient" label={t('privacySubjectRecipient')} />
          <Radio value="sender" label={t('privacySubjectSender')} />
        </RadioGroup>
      </Field>
      <Field
        label={t('privacyEmail')}
        required
        validationState={problem === 'email' ? 'error' : 'none'}
        validationMessage={problem === 'email' ? t('privacyRunEmailMissing') : undefined}
      >
        <Input type="email" autoComplete="off" value={draft.email} onChange={(_, data) => update({ email: data.value })} />
      </Field>
      <Field label={t('privacyRunType')}>
        <Select value={draft.type} onChange={(_, data) => update({ type: data.value as PrivacyRequestType })}>
          {(Object.keys(REQUEST_TYPES) as PrivacyRequestType[]).map((type) => (
            <option key={type} value={type}>
              {t(REQUEST_TYPES[type])}
            </option>
          ))}
        </Select>
      </Field>
      {senderRectify ? <Body1 role="status">{t('privacyRunSenderRectify')}</Body1> : null}
      {draft.type === 'rectify' && !senderRectify ? (
        <>
          <Field label={t('privacyRunName')}>
            <Input value={draft.name} onChange={(_, data) => update({ name: data.value })} />
          </Field>
          <Field
            label={t('privacyRunPhone')}
            hint={t('phoneHint')}
            validationState={problem === 'rectify' ? 'error' : 'none'}
            validationMessage={problem === 'rectify' ? t('privacyRunRectifyMissing') : undefined}
          >
            <Input type="tel" inputMode="tel" autoComplete="off" value={draft.phone} onChange={(_, data) => update({ phone: data.value })} />
          </Field>
        </>
      ) : null}
      {draft.type === 'object' ? (
        <Switch label={t('privacyRunEmailsOffLabel')} checked={draft.productEmailsOff} onChange={(_, data) => update({ productEmailsOff: data.checked })} />
      ) : null}
      {confirming ? (
        <ConfirmBar
          title={t('privacyRunEraseTitle')}
          confirmLabel={t('privacyEraseConfirm')}
          busy={busy}
          onConfirm={() => void runNow()}
          onCancel={() => setConfirming(false)}
        >
          {t('privacyRunEraseBody', { email: draft.email.trim() })}
        </ConfirmBar>
      ) : (
        <div>
          <Button type="submit" appearance="primary" disabledFocusable={busy || senderRectify}>
            {t('privacyRunSubmit')}
          </Button>
        </div>
      )}
      {error ? <ErrorNotice title={t('privacyRunFailed')}>{t(errorText(error))}</ErrorNotice> : null}
      {outcome ? <Outcome request={outcome.request} response={outcome.response} /> : null}
    </form>
  );
}
