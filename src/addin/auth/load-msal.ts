import type { MsalModule } from './msal-types';

/**
 * MSAL is a large library that only Azure AD sign-in needs: a dynamic import gives it a chunk of
 * its own, fetched when the pane first signs in and never for the development sign-in.
 */
export const loadMsal = (): Promise<MsalModule> => import(/* webpackChunkName: "msal" */ '@azure/msal-browser');
