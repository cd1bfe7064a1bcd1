/**
 * The sign-in dialog page (`/addin/auth-dialog.html`), used only where nested app authentication
 * is unavailable. It is its own entry and its own window, so it may talk to `Office` and bundle
 * MSAL statically. It is also its own redirect URI: register
 * `https://<host>/addin/auth-dialog.html` as an SPA redirect URI of the Azure AD app.
 *
 * 1. no answer in the URL and nothing cached: redirect to Azure AD;
 * 2. back with an answer (or a cached account): hand the access token to the pane and close.
 */
import { InteractionRequiredAuthError, createStandardPublicClientApplication, type AuthenticationResult } from '@azure/msal-browser';
import type { AddinConfig } from '../../../shared/protocol/api';
import { requestJson } from '../../../client/api/http';
import { ADDIN_CONFIG_PATH } from '../config-path';
import { expiryOf } from '../msal-types';
import { formatDialogMessage, type DialogMessage } from './dialog-message';

function answer(message: DialogMessage) {
  Office.context.ui.messageParent(formatDialogMessage(message));
}

function success(result: AuthenticationResult): DialogMessage {
  const email = result.account.username;
  return { ok: true, token: result.accessToken, expiresAt: expiryOf(result), name: result.account.name || email, email };
}

async function signIn(): Promise<DialogMessage | null> {
  const config = await requestJson<AddinConfig>((input, init) => fetch(input, init), ADDIN_CONFIG_PATH);
  if (!config.ok) return { ok: false, code: 'unavailable' };
  const azure = config.data.azure;
  if (!azure) return { ok: false, code: 'not_configured' };
  const pca = await createStandardPublicClientApplication({
    auth: { clientId: azure.clientId, authority: azure.authority, redirectUri: `${location.origin}${location.pathname}` },
    // First-party storage in this top-level window: the next dialog signs in from the cache.
    cache: { cacheLocation: 'localStorage' },
  });
  const redirected = await pca.handleRedirectPromise();
  if (redirected) return success(redirected);
  const account = pca.getAllAccounts()[0];
  if (account) {
    try {
      return success(await pca.acquireTokenSilent({ scopes: azure.scopes, account }));
    } catch (error) {
      if (!(error instanceof InteractionRequiredAuthError)) throw error;
    }
  }
  await pca.acquireTokenRedirect({ scopes: azure.scopes });
  return null; // The page is navigating to Azure AD.
}

Office.onReady(() =>
  signIn().then(
    (message) => message && answer(message),
    (error: unknown) => {
      const code = (error as { errorCode?: unknown } | null)?.errorCode;
      answer({ ok: false, code: code === 'user_cancelled' ? 'cancelled' : 'failed' });
    },
  ),
);
