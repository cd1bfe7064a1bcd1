/**
 * The part of `@azure/msal-browser` the pane uses, as types only: the library itself is loaded
 * with a dynamic `import()` (see `load-msal.ts`) so that it lives in a lazy chunk, and tests pass
 * a fake module of this shape.
 */
import type { AccountInfo, Configuration } from '@azure/msal-browser';

export interface MsalResult {
  accessToken: string;
  expiresOn: Date | null;
  account: Pick<AccountInfo, 'username' | 'name'> | null;
}

export interface MsalClient {
  acquireTokenSilent(request: { scopes: string[]; account?: AccountInfo }): Promise<MsalResult>;
  acquireTokenPopup(request: { scopes: string[] }): Promise<MsalResult>;
  getAllAccounts(): AccountInfo[];
}

export interface MsalModule {
  createNestablePublicClientApplication(configuration: Configuration): Promise<MsalClient>;
  InteractionRequiredAuthError: abstract new (...args: never[]) => Error;
}

/** What the service tells the pane about its Azure AD app (`GET /api/addin/config`). */
export interface AzureConfig {
  clientId: string;
  authority: string;
  scopes: string[];
}

/** Seconds-precision expiry from MSAL; a missing one is treated as "renew after a few minutes". */
export function expiryOf(result: MsalResult, now = Date.now()): number {
  return result.expiresOn ? result.expiresOn.getTime() : now + 10 * 60 * 1000;
}
