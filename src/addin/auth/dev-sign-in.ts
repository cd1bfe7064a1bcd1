/**
 * The embedded default's development sign-in: the service signs a short-lived token for the
 * Outlook user's own name and address. It never runs silently, so that signing in as whoever the
 * mailbox says stays a visible, deliberate step; afterwards tokens are renewed without asking.
 */
import type { SignInResponse } from '../../shared/protocol/api';
import { routes } from '../../shared/protocol/routes';
import { requestJson, type FetchLike } from '../../client/api/http';
import { SignInError, isFresh, type Account, type SignIn, type SignInSession } from './sign-in';

export interface DevSignInDeps {
  fetch: FetchLike;
  /** The Office user profile (`Office.context.mailbox.userProfile`). */
  profile: () => { displayName: string; emailAddress: string };
}

export function createDevSignIn({ fetch, profile }: DevSignInDeps): SignIn {
  let session: SignInSession | null = null;

  async function signIn(): Promise<SignInSession> {
    const { displayName, emailAddress } = profile();
    const account: Account = { name: displayName.trim() || emailAddress, email: emailAddress };
    if (!account.email) throw new SignInError('not_configured', 'The mailbox has no address.');
    // No organisation: the service files every development sender under its one development organisation.
    const result = await requestJson<SignInResponse>(fetch, routes.devSignIn, {
      method: 'POST',
      body: { email: account.email, name: account.name.slice(0, 200) },
    });
    if (!result.ok) {
      throw new SignInError(result.error.code === 'unavailable' ? 'unavailable' : 'failed', result.error.message);
    }
    session = { token: result.data.token, expiresAt: Date.parse(result.data.expiresAt), account };
    return session;
  }

  return {
    kind: 'development',
    silent: async () => (isFresh(session) ? session : null),
    knownSession: () => (isFresh(session) ? session : null),
    interactive: signIn,
    token: async () => {
      if (!session) throw new SignInError('interaction_required');
      return isFresh(session) ? session.token : (await signIn()).token;
    },
  };
}
