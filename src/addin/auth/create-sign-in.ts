/**
 * Picks the sign-in the service offers: Azure AD when it is configured (nested app authentication
 * where Outlook supports it, else the Office dialog), otherwise the embedded default's
 * development sign-in, otherwise none at all.
 */
import type { AddinConfig } from '../../shared/protocol/api';
import type { FetchLike } from '../../client/api/http';
import { AUTH_DIALOG_PATH } from './config-path';
import { createDevSignIn } from './dev-sign-in';
import { createDialogSignIn } from './dialog-sign-in';
import type { DialogOpener } from './dialog/open-dialog';
import { loadMsal } from './load-msal';
import type { MsalModule } from './msal-types';
import { createNaaSignIn } from './naa-sign-in';
import { SignInError, type SignIn } from './sign-in';

export interface SignInDeps {
  fetch: FetchLike;
  profile: () => { displayName: string; emailAddress: string };
  /** `Office.context.requirements.isSetSupported('NestedAppAuth', '1.1')`. */
  naaSupported: boolean;
  openDialog: DialogOpener;
  /** The service's origin, where the dialog page lives. */
  origin: string;
  loadMsal?: () => Promise<MsalModule>;
}

export function createSignIn(config: AddinConfig, deps: SignInDeps): SignIn {
  if (config.azure) {
    return deps.naaSupported
      ? createNaaSignIn(config.azure, deps.loadMsal ?? loadMsal)
      : createDialogSignIn(`${deps.origin}${AUTH_DIALOG_PATH}`, deps.openDialog);
  }
  if (config.devSignIn) return createDevSignIn({ fetch: deps.fetch, profile: deps.profile });
  const none = async (): Promise<never> => {
    throw new SignInError('not_configured');
  };
  return { kind: 'azure', silent: async () => null, knownSession: () => null, interactive: none, token: none };
}
