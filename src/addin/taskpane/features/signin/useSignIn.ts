import * as React from 'react';
import type { Result } from '../../../../shared/errors';
import type { AddinConfig } from '../../../../shared/protocol/api';
import { SignInError, type SignIn, type SignInErrorCode, type SignInSession } from '../../../auth/sign-in';
import { useTaskpaneServices } from '../../services';

export type SignInStep =
  | { kind: 'starting' }
  | { kind: 'unreachable' }
  | { kind: 'signedOut'; config: AddinConfig; signIn: SignIn; busy: boolean; error: SignInErrorCode | null; ended: boolean }
  | { kind: 'signedIn'; config: AddinConfig; signIn: SignIn; session: SignInSession };

const codeOf = (error: unknown): SignInErrorCode => (error instanceof SignInError ? error.code : 'failed');

interface Start {
  step: SignInStep;
  /** The configuration and sign-in the start already has, for the silent attempt. */
  config?: Result<AddinConfig>;
  signIn?: SignIn;
}

/**
 * Where the pane starts. With the service's configuration at hand and a sign-in that knows at
 * once whether it has a session, that is already the first screen; otherwise "starting".
 */
function firstStep(config: Result<AddinConfig> | undefined, createSignIn: (config: AddinConfig) => SignIn): Start {
  if (!config) return { step: { kind: 'starting' } };
  if (!config.ok) return { step: { kind: 'unreachable' }, config };
  const signIn = createSignIn(config.data);
  const session = signIn.knownSession();
  if (session === undefined) return { step: { kind: 'starting' }, config, signIn };
  const step: SignInStep = session
    ? { kind: 'signedIn', config: config.data, signIn, session }
    : { kind: 'signedOut', config: config.data, signIn, busy: false, error: null, ended: false };
  return { step, config, signIn };
}

/**
 * The pane's start: read the service's sign-in configuration, try to sign in without any window,
 * and otherwise wait for the "Sign in" button (popups and dialogs need a user's click).
 */
export function useSignIn() {
  const { api, createSignIn, startConfig } = useTaskpaneServices();
  const [start] = React.useState(() => firstStep(startConfig, createSignIn));
  const [step, setStep] = React.useState<SignInStep>(start.step);
  const [attempt, setAttempt] = React.useState(0);

  React.useEffect(() => {
    // The first screen came with the first render; "Try again" starts afresh.
    const first = attempt === 0;
    if (first && start.step.kind !== 'starting') return;
    let live = true;
    setStep({ kind: 'starting' });
    void (async () => {
      const config = (first && start.config) || (await api.getConfig());
      if (!live) return;
      if (!config.ok) return setStep({ kind: 'unreachable' });
      const signIn = (first && start.signIn) || createSignIn(config.data);
      const signedOut = { kind: 'signedOut', config: config.data, signIn, busy: false, ended: false } as const;
      try {
        const session = await signIn.silent();
        if (!live) return;
        setStep(session ? { kind: 'signedIn', config: config.data, signIn, session } : { ...signedOut, error: null });
      } catch (error) {
        if (live) setStep({ ...signedOut, error: codeOf(error) });
      }
    })();
    return () => {
      live = false;
    };
  }, [api, createSignIn, attempt, start]);

  const signInNow = React.useCallback(async () => {
    if (step.kind !== 'signedOut' || step.busy) return;
    const { config, signIn } = step;
    setStep({ ...step, busy: true, error: null });
    try {
      const session = await signIn.interactive();
      setStep({ kind: 'signedIn', config, signIn, session });
    } catch (error) {
      setStep({ kind: 'signedOut', config, signIn, busy: false, error: codeOf(error), ended: false });
    }
  }, [step]);

  const signedOut = React.useCallback(() => {
    setStep((current) =>
      current.kind === 'signedIn'
        ? { kind: 'signedOut', config: current.config, signIn: current.signIn, busy: false, error: null, ended: true }
        : current,
    );
  }, []);

  const retry = React.useCallback(() => setAttempt((n) => n + 1), []);
  return { step, signInNow, signedOut, retry };
}
