import * as React from 'react';
import type { ErrorBody, Result } from '../../../../shared/errors';
import type { PersonalData } from '../../../../shared/protocol/privacy-api';
import type { PersonalDataFile } from './privacy-api';
import { useAuthorisedCall } from './useAuthorisedCall';

export type PersonalDataState =
  | { kind: 'loading' }
  | { kind: 'failed'; error: ErrorBody }
  | { kind: 'done'; data: PersonalData }
  /** After erasure nothing is read again: any call with this sign-in would start the new account. */
  | { kind: 'erased'; erasedRecords: number };

/** What the service holds about the signed-in sender, and what they can do about it. */
export function usePersonalData() {
  const authorised = useAuthorisedCall();
  const [state, setState] = React.useState<PersonalDataState>({ kind: 'loading' });

  // Read once per mount: "Try again" mounts the whole panel afresh (`PrivacyPanel`).
  React.useEffect(() => {
    let live = true;
    setState({ kind: 'loading' });
    void (async () => {
      const result = await authorised((api, token) => api.personalData(token));
      if (!live || !result) return;
      setState(result.ok ? { kind: 'done', data: result.data } : { kind: 'failed', error: result.error });
    })();
    return () => {
      live = false;
    };
  }, [authorised]);

  const exportFile = React.useCallback(
    (): Promise<Result<PersonalDataFile> | null> => authorised((api, token) => api.exportPersonalData(token)),
    [authorised],
  );

  /** The error when the service did not take the choice; the shown switch follows the service's answer. */
  const setProductEmailsOff = React.useCallback(
    async (productEmailsOff: boolean): Promise<ErrorBody | null> => {
      const result = await authorised((api, token) => api.setProductEmailsOff(token, productEmailsOff));
      if (!result) return null;
      if (!result.ok) return result.error;
      const off = result.data.productEmailsOff;
      setState((current) => (current.kind === 'done' ? { kind: 'done', data: { ...current.data, productEmailsOff: off } } : current));
      return null;
    },
    [authorised],
  );

  const erase = React.useCallback(async (): Promise<ErrorBody | null> => {
    const result = await authorised((api, token) => api.eraseAccount(token));
    if (!result) return null;
    if (!result.ok) return result.error;
    setState({ kind: 'erased', erasedRecords: result.data.erasedRecords });
    return null;
  }, [authorised]);

  return { state, exportFile, setProductEmailsOff, erase };
}
