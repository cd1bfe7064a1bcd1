/**
 * Azure AD sign-in through MSAL nested app authentication: Outlook brokers the token, so the
 * sender is normally signed in without seeing anything. Silent first; when Azure AD needs the
 * user (consent, MFA, a new account) the "Sign in" button asks for a popup, which Outlook shows.
 */
import type { AccountInfo } from '@azure/msal-browser';
import { SignInError, type SignIn, type SignInSession } from './sign-in';
import { expiryOf, type AzureConfig, type MsalClient, type MsalModule, type MsalResult } from './msal-types';

/** Codes MSAL uses when there simply is no signed-in account yet: the user has to act. */
const NEEDS_USER = new Set(['no_account_error', 'no_tokens_found', 'login_required', 'consent_required', 'interaction_required']);
/** The user closed the window. */
const CANCELLED = new Set(['user_cancelled', 'popup_window_closed']);

export function createNaaSignIn(config: AzureConfig, loadMsal: () => Promise<MsalModule>): SignIn {
  let clientPromise: Promise<{ msal: MsalModule; client: MsalClient }> | null = null;
  let account: AccountInfo | undefined;

  const client = () => {
    clientPromise ??= loadMsal().then(async (msal) => ({
      msal,
      client: await msal.createNestablePublicClientApplication({
        auth: { clientId: config.clientId, authority: config.authority },
        // NAA keeps its tokens with the host; MSAL's own cache only needs to outlive a pane reload.
        cache: { cacheLocation: 'localStorage' },
      }),
    }));
    // A failed load (offline, blocked chunk) may be retried by the next press of "Sign in".
    clientPromise.catch(() => (clientPromise = null));
    return clientPromise;
  };

  const toSession = (result: MsalResult): SignInSession => {
    if (result.account) account = result.account as AccountInfo;
    const email = result.account?.username ?? '';
    return { token: result.accessToken, expiresAt: expiryOf(result), account: { name: result.account?.name || email, email } };
  };

  const needsUser = (msal: MsalModule, error: unknown) =>
    error instanceof msal.InteractionRequiredAuthError || NEEDS_USER.has(codeOf(error));

  async function silent(): Promise<SignInSession | null> {
    const { msal, client: pca } = await client().catch(() => {
      throw new SignInError('unavailable', 'MSAL could not be loaded.');
    });
    try {
      return toSession(await pca.acquireTokenSilent({ scopes: config.scopes, account: account ?? pca.getAllAccounts()[0] }));
    } catch (error) {
      if (needsUser(msal, error)) return null;
      throw toSignInError(error);
    }
  }

  return {
    kind: 'azure',
    silent,
    // Only MSAL knows, after asking Outlook.
    knownSession: () => undefined,
    async interactive() {
      const { client: pca } = await client().catch(() => {
        throw new SignInError('unavailable', 'MSAL could not be loaded.');
      });
      try {
        return toSession(await pca.acquireTokenPopup({ scopes: config.scopes }));
      } catch (error) {
        throw toSignInError(error);
      }
    },
    async token() {
      // MSAL answers from its cache while the token is fresh and renews it otherwise.
      const session = await silent();
      if (!session) throw new SignInError('interaction_required');
      return session.token;
    },
  };
}

function codeOf(error: unknown): string {
  const code = (error as { errorCode?: unknown } | null)?.errorCode;
  return typeof code === 'string' ? code : '';
}

function toSignInError(error: unknown): SignInError {
  if (error instanceof SignInError) return error;
  const code = codeOf(error);
  if (CANCELLED.has(code)) return new SignInError('cancelled', code);
  if (NEEDS_USER.has(code)) return new SignInError('interaction_required', code);
  if (code === 'network_error' || code === 'endpoints_resolution_error') return new SignInError('unavailable', code);
  return new SignInError('failed', code || 'MSAL error');
}
