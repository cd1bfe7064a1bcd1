import * as React from 'react';
import { Button } from '@fluentui/react-components';
import { PaneSpinner } from './components/PaneSpinner';
import { LoadErrorBoundary } from './components/LoadErrorBoundary';
import { PaneNotice } from './components/PaneNotice';
import { SignInView } from './features/signin/SignInView';
import { useSignIn } from './features/signin/useSignIn';
import { useI18n, useTexts } from './i18n/I18nProvider';
import { whenIdle } from './idle';

// The signed-in pane (detection engine, phone numbers, envelope crypto) is a chunk of its own,
// requested once the first screen is up and the pane is idle (see TaskpaneApp), so that neither
// its download nor its evaluation competes with the first screen, and it is ready by the time the
// sender has pressed "Sign in" (or MSAL has signed them in silently). A failed request is asked
// once more.
const loadSignedIn = () => import(/* webpackChunkName: "signed-in" */ './SignedInApp');
const SignedInApp = React.lazy(() => loadSignedIn().catch(loadSignedIn).then((m) => ({ default: m.SignedInApp })));

const SPINNER_DELAY_MS = 300;

/**
 * While the service's configuration and the silent sign-in are awaited. Usually they take less
 * than a moment, and the first screen follows without a spinner flashing (and without rendering
 * one first); the spinner shows only when the start takes longer.
 */
function Starting({ label }: { label: string }) {
  const [shown, setShown] = React.useState(false);
  React.useEffect(() => {
    const timer = setTimeout(() => setShown(true), SPINNER_DELAY_MS);
    return () => clearTimeout(timer);
  }, []);
  return shown ? <PaneSpinner label={label} /> : null;
}

/** Picks the screen for the sign-in state. */
export function TaskpaneApp() {
  const { t } = useI18n();
  const texts = useTexts();
  const { step, signInNow, signedOut, retry } = useSignIn();
  const { load: loadTexts } = texts;
  // The signed-in screens and the rest of the texts: at once while a silent sign-in runs (MSAL
  // asking Outlook, signing in is then the likely outcome) or once signed in; behind the sign-in
  // screen, once it is up and the pane is idle.
  const urgent = step.kind === 'starting' || step.kind === 'signedIn';
  const requested = React.useRef(false);
  React.useEffect(() => {
    if (requested.current) return undefined;
    const load = () => {
      requested.current = true;
      void loadSignedIn().catch(() => undefined);
      loadTexts();
    };
    if (urgent) return load();
    return whenIdle(load);
  }, [urgent, loadTexts]);
  if (step.kind === 'starting') return <Starting label={t('loading')} />;
  if (step.kind === 'unreachable') {
    return <PaneNotice actions={<Button onClick={retry}>{t('retry')}</Button>}>{t('serviceUnreachable')}</PaneNotice>;
  }
  if (step.kind === 'signedOut') return <SignInView step={step} onSignIn={() => void signInNow()} />;
  if (texts.state === 'failed') {
    return <PaneNotice actions={<Button onClick={loadTexts}>{t('retry')}</Button>}>{t('serviceUnreachable')}</PaneNotice>;
  }
  if (texts.state !== 'complete') return <Starting label={t('loading')} />;
  return (
    <LoadErrorBoundary message={t('serviceUnreachable')} retryLabel={t('retry')}>
      <React.Suspense fallback={<PaneSpinner label={t('loading')} />}>
        <SignedInApp step={step} signedOut={signedOut} />
      </React.Suspense>
    </LoadErrorBoundary>
  );
}
