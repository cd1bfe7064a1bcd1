import * as React from 'react';
import type { Result } from '../../shared/errors';
import type { AddinConfig } from '../../shared/protocol/api';
import type { SignIn } from '../auth/sign-in';
import type { OfficeAdapter } from '../office/office-adapter';
import type { NavigatorHints } from './api/client-info';
import type { SenderApi } from './api/sender-api';

/**
 * What the pane needs from the outside world, given once at start-up: `index.tsx` builds the real
 * set over Office.js, fetch and MSAL; tests build one from fakes.
 */
export interface TaskpaneServices {
  office: OfficeAdapter;
  api: SenderApi;
  /** The sign-in the service's configuration calls for. */
  createSignIn: (config: AddinConfig) => SignIn;
  /**
   * The service's configuration when it had arrived before the first render (`index.tsx` waits a
   * moment for it), so that the first screen needs no second render; otherwise the pane asks `api`.
   */
  startConfig?: Result<AddinConfig>;
  navigator: NavigatorHints;
  /** The service's origin, for the secure link. */
  origin: string;
}

const ServicesContext = React.createContext<TaskpaneServices | null>(null);

export const TaskpaneServicesProvider = ServicesContext.Provider;

export function useTaskpaneServices(): TaskpaneServices {
  const services = React.useContext(ServicesContext);
  if (!services) throw new Error('useTaskpaneServices needs a TaskpaneServicesProvider above it');
  return services;
}
