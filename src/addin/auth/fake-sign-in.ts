/**
 * A sign-in for tests and the browser harness: answers as told and records what was asked.
 */
import { SignInError, type SignIn, type SignInSession } from './sign-in';

export const FAKE_SESSION: SignInSession = {
  token: 'fake-token',
  expiresAt: Date.parse('2099-01-01T00:00:00Z'),
  account: { name: 'Anna de Vries', email: 'anna@example.nl' },
};

export interface FakeSignInOptions {
  kind?: SignIn['kind'];
  /** What `silent()` gives; default null (the user must press "Sign in"). */
  silent?: SignInSession | null | SignInError;
  /** What `interactive()` gives; default {@link FAKE_SESSION}. */
  interactive?: SignInSession | SignInError;
  /**
   * Whether `knownSession()` answers at once (with what `silent()` gives, as the development and
   * dialog sign-ins do) or leaves it to `silent()` (as MSAL does); default false.
   */
  known?: boolean;
}

export function createFakeSignIn(options: FakeSignInOptions = {}): SignIn & { calls: string[] } {
  const calls: string[] = [];
  let session: SignInSession | null = null;
  const give = (answer: SignInSession | null | SignInError) => {
    if (answer instanceof SignInError) throw answer;
    session = answer;
    return answer;
  };
  return {
    calls,
    kind: options.kind ?? 'development',
    silent: async () => (calls.push('silent'), give(options.silent ?? null)),
    knownSession: () => {
      if (!options.known || options.silent instanceof SignInError) return undefined;
      calls.push('knownSession');
      return give(options.silent ?? null);
    },
    interactive: async () => (calls.push('interactive'), give(options.interactive ?? FAKE_SESSION) as SignInSession),
    token: async () => {
      calls.push('token');
      if (!session) throw new SignInError('interaction_required');
      return session.token;
    },
  };
}
