import * as React from 'react';
import { Button, MessageBarActions, Spinner } from '@fluentui/react-components';
import { ErrorNotice } from '../../portal/components/ErrorNotice';
import { LoadErrorBoundary } from './components/LoadErrorBoundary';
import { SignInView } from './features/signin/SignInView';
import { useSignIn } from './features/signin/useSignIn';
import { useI18n } from './i18n/I18nProvider';

// The signed-in pane (detection engine, phone numbers, envelope crypto) is a chunk of its own,
// requested as this module runs: it downloads while Office.js starts and the sign-in is tried,
// and the first screen does not wait for it.
const loadSignedIn = () => import(/* webpackChunkName: "signed-in" */ './SignedInApp');
const signedInChunk = loadSignedIn();
signedInChunk.catch(() => undefined); // Handled below, when the screen is rendered.
// A failed early request is asked once more when the screen is needed.
const SignedInApp = React.lazy(() => signedInChunk.catch(loadSignedIn).then((m) => ({ default: m.SignedInApp })));

/** Picks the screen for the sign-in state. */
export function TaskpaneApp() {
  const { t } = useI18n();
  const { step, signInNow, signedOut, retry } = useSignIn();
  if (step.kind === 'starting') return <Spinner label={t('loading')} />;
  if (step.kind === 'unreachable') {
    return (
      <ErrorNotice
        action={
          <MessageBarActions>
            <Button onClick={retry}>{t('retry')}</Button>
          </MessageBarActions>
        }
      >
        {t('serviceUnreachable')}
      </ErrorNotice>
    );
  }
  if (step.kind === 'signedOut') return <SignInView step={step} onSignIn={() => void signInNow()} />;
  return (
    <LoadErrorBoundary message={t('serviceUnreachable')} retryLabel={t('retry')}>
      <React.Suspense fallback={<Spinner label={t('loading')} />}>
        <SignedInApp step={step} signedOut={signedOut} />
      </React.Suspense>
    </LoadErrorBoundary>
  );
}
