import * as React from 'react';
import { Body1, Button } from '@fluentui/react-components';
import type { PrivacyChallengeResponse, PrivacySession } from '../../../shared/protocol/privacy-api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { StepHeading } from '../../components/StepHeading';
import { useStepStyles } from '../../components/useStepStyles';
import { useI18n } from '../../i18n/I18nProvider';
import { usePortalServices } from '../../services';
import { CodeForm } from '../verify/CodeForm';
import { EmailForm, PrivacyNote } from '../verify/EmailForm';
import { useCodeChallenge, type CodeEntryState } from '../verify/useCodeChallenge';
import { PersonalDataView } from './PersonalDataView';
import { challengeNotice } from './privacy-errors';
import type { SessionEnding } from './usePersonalData';

/** Step 1: the address to prove, and why we ask. After a session, says how it ended. */
function AddressStep({ state, ending }: { state: CodeEntryState; ending: SessionEnding | null }) {
  const { t } = useI18n();
  const step = useStepStyles();
  return (
    <section className={step.step}>
      <StepHeading>{t('myDataTitle')}</StepHeading>
      {ending === 'expired' ? <ErrorNotice role="status" intent="info">{t('sessionEnded')}</ErrorNotice> : null}
      {ending === 'signedOut' ? <ErrorNotice role="status" intent="success">{t('myDataSignedOut')}</ErrorNotice> : null}
      <Body1 as="p" block className={step.paragraph}>{t('myDataIntro')}</Body1>
      <EmailForm state={state} submitLabel="myDataSendCode" />
      <PrivacyNote>{t('myDataCodeNote')}</PrivacyNote>
    </section>
  );
}

/** Step 2: the code from the e-mail. Every address gets one, so this says nothing about what is held. */
function CodeEntryStep({ state, challenge }: { state: CodeEntryState; challenge: PrivacyChallengeResponse }) {
  const { t, formatTime } = useI18n();
  const step = useStepStyles();
  return (
    <section className={step.step}>
      <StepHeading>{t('codeTitle')}</StepHeading>
      <Body1 as="p" block className={step.paragraph}>{t('myDataCodeSent', { email: state.email.trim() })}</Body1>
      <Body1 as="p" block className={step.paragraph}>{t('codeValidUntil', { time: formatTime(challenge.expiresAt) })}</Body1>
      <CodeForm state={state} canResend />
    </section>
  );
}

function ErasedStep({ onRestart }: { onRestart: () => void }) {
  const { t } = useI18n();
  const step = useStepStyles();
  return (
    <section className={step.step}>
      <StepHeading>{t('myDataErasedTitle')}</StepHeading>
      <Body1 as="p" block className={step.paragraph}>{t('myDataErasedBody')}</Body1>
      <div>
        <Button onClick={onRestart}>{t('myDataStartAgain')}</Button>
      </div>
    </section>
  );
}

/**
 * "Your data" at /my-data: prove an e-mail address with a mailed code, then see, download, correct
 * or erase what is held about it. The session token lives in this state only; when the session
 * ends (signed out, erased, or timed out after 15 minutes) the page starts again from the address.
 */
export function MyDataPage() {
  const { privacy } = usePortalServices();
  const { t } = useI18n();
  const [session, setSession] = React.useState<PrivacySession | null>(null);
  const [ending, setEnding] = React.useState<SessionEnding | null>(null);
  const state = useCodeChallenge<PrivacyChallengeResponse, PrivacySession>({
    start: (email, locale) => privacy.requestCode(email, locale),
    // A new code is a new challenge for the same address.
    resend: (_previous, email, locale) => privacy.requestCode(email, locale),
    verify: (challenge, code) => privacy.verify(challenge.challengeId, code),
    onVerified: (verified) => {
      setEnding(null);
      setSession(verified);
    },
    onError: challengeNotice,
  });
  const { changeEmail } = state;

  const onEnded = React.useCallback(
    (how: SessionEnding) => {
      setSession(null);
      setEnding(how);
      changeEmail();
    },
    [changeEmail],
  );

  React.useEffect(() => {
    document.title = t('myDataDocumentTitle');
  }, [t]);

  if (ending === 'erased') return <ErasedStep onRestart={() => setEnding(null)} />;
  if (session) return <PersonalDataView token={session.token} expiresAt={session.expiresAt} onEnded={onEnded} />;
  if (state.step === 'code' && state.challenge) return <CodeEntryStep state={state} challenge={state.challenge} />;
  return <AddressStep state={state} ending={ending} />;
}
