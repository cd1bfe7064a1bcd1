import * as React from 'react';
import type { AddinConfig, OrganisationSettings } from '../../shared/protocol/api';
import type { Account } from '../auth/sign-in';

/**
 * The signed-in sender as the features see it. `token()` gives a fresh token or rejects, in which
 * case the pane returns to "Sign in"; `signedOut()` does that for a 401 from the service.
 */
export interface Session {
  account: Account;
  config: AddinConfig;
  token: () => Promise<string>;
  signedOut: () => void;
  /** The organisation's policy, or null while loading or when the service could not give it. */
  settings: OrganisationSettings | null;
  settingsFailed: boolean;
}

const SessionContext = React.createContext<Session | null>(null);

export const SessionProvider = SessionContext.Provider;

export function useSession(): Session {
  const session = React.useContext(SessionContext);
  if (!session) throw new Error('useSession needs a SessionProvider above it');
  return session;
}
