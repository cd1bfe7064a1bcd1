import * as React from 'react';
import type { Result } from '../../../../shared/errors';
import { useSession } from '../../session';
import { createPrivacyApi, type PrivacyApi } from './privacy-api';

// Same origin as the pane, like the pane's other calls (index.tsx); the global is read at each call.
const api = createPrivacyApi((input, init) => fetch(input, init));

/**
 * Runs a privacy call with a fresh token of the signed-in sender. Null when the sign-in has
 * ended (no token, or the service answered 401): the pane then returns to "Sign in".
 */
export function useAuthorisedCall() {
  const { token, signedOut } = useSession();
  return React.useCallback(
    async <T>(call: (api: PrivacyApi, bearer: string) => Promise<Result<T>>): Promise<Result<T> | null> => {
      const bearer = await token().catch(() => null);
      if (!bearer) return signedOut(), null;
      const result = await call(api, bearer);
      if (!result.ok && result.error.code === 'unauthenticated') return signedOut(), null;
      return result;
    },
    [token, signedOut],
  );
}
