import * as React from 'react';
import type { Result } from '../../../shared/errors';
import type { PersonalData, RectifyRequest } from '../../../shared/protocol/privacy-api';
import { usePortalServices } from '../../services';
import type { Notice } from '../verify/verify-errors';
import { actionNotice, correctionNotice, correctionOutcome, endsSession, type Outcome } from './privacy-errors';

/** How a privacy session ended, which decides what the page shows next. */
export type SessionEnding = 'expired' | 'signedOut' | 'erased';

export type DataLoad = { kind: 'loading' } | { kind: 'failed'; notice: Notice } | { kind: 'ready'; data: PersonalData };

/** After an erasure attempt: a notice to show in the dialog, or how the session ended. */
export type EraseResult = { notice: Notice } | { ending: SessionEnding };

type Action = 'download' | 'correct' | 'objection' | 'erase' | 'signOut';

const failure = (notice: Notice): Outcome => ({ intent: 'error', notice });

/**
 * What is held about the proven address, and the actions on it. The token lives only here and in
 * the page's state. Any call that finds the session over (15 minutes) ends it via `onEnded`.
 */
export function usePersonalData(token: string, onEnded: (ending: SessionEnding) => void) {
  const { privacy, saveFile } = usePortalServices();
  const [load, setLoad] = React.useState<DataLoad>({ kind: 'loading' });
  const [generation, setGeneration] = React.useState(0);
  const [busy, setBusy] = React.useState<Action | null>(null);
  const [outcome, setOutcome] = React.useState<Outcome | null>(null);

  // Loads at first, and again after a change; a failed reload keeps what is already shown.
  React.useEffect(() => {
    const controller = new AbortController();
    void privacy.getData(token, controller.signal).then((result) => {
      if (controller.signal.aborted) return;
      if (result.ok) setLoad({ kind: 'ready', data: result.data });
      else if (endsSession(result.error)) onEnded('expired');
      else setLoad((previous) => (previous.kind === 'ready' ? previous : { kind: 'failed', notice: actionNotice(result.error) }));
    });
    return () => controller.abort();
  }, [privacy, token, generation, onEnded]);

  const retry = () => {
    setLoad({ kind: 'loading' });
    setGeneration((n) => n + 1);
  };

  /** One call at a time; an ended session goes back to the start and the caller gets null. */
  const perform = async <T>(action: Action, call: () => Promise<Result<T>>): Promise<Result<T> | null> => {
    if (busy) return null;
    setBusy(action);
    setOutcome(null);
    const result = await call();
    setBusy(null);
    if (!result.ok && endsSession(result.error)) {
      onEnded('expired');
      return null;
    }
    return result;
  };

  /** The export as the service made it, saved as a file: the same bytes, the suggested name. */
  const download = async () => {
    const result = await perform('download', () => privacy.exportData(token));
    if (!result) return;
    if (!result.ok) return setOutcome(failure(actionNotice(result.error)));
    const sink = await saveFile.open(result.data.fileName, result.data.bytes.byteLength);
    if (!sink) return;
    await sink.write(result.data.bytes);
    await sink.close();
    setOutcome({ intent: 'success', notice: { key: 'myDataDownloaded' } });
  };

  /** Resolves to a notice for the form when refused, or null when done. */
  const correct = async (change: RectifyRequest): Promise<Notice | null> => {
    const result = await perform('correct', () => privacy.rectify(token, change));
    if (!result) return null;
    if (!result.ok) return correctionNotice(result.error, change.phone === undefined ? 'name' : 'phone');
    setOutcome(correctionOutcome(result.data));
    setGeneration((n) => n + 1);
    return null;
  };

  const setProductEmailsOff = async (off: boolean) => {
    const result = await perform('objection', () => privacy.setProductEmailsOff(token, off));
    if (!result) return;
    if (!result.ok) return setOutcome(failure(actionNotice(result.error)));
    const now = result.data.productEmailsOff;
    setLoad((previous) => (previous.kind === 'ready' ? { kind: 'ready', data: { ...previous.data, productEmailsOff: now } } : previous));
    setOutcome({ intent: 'success', notice: { key: now ? 'myDataProductEmailsOffDone' : 'myDataProductEmailsOnDone' } });
  };

  /**
   * Erasure is confirmed in a modal dialog, which must close before the page moves on (a modal
   * unmounted while open leaves the rest of the page hidden from screen readers). So this does not
   * end the session itself: it says what happens next, and the dialog calls `onEnded` once closed.
   */
  const erase = async (): Promise<EraseResult | null> => {
    if (busy) return null;
    setBusy('erase');
    setOutcome(null);
    const result = await privacy.erase(token);
    setBusy(null);
    if (result.ok) return { ending: 'erased' };
    return endsSession(result.error) ? { ending: 'expired' } : { notice: actionNotice(result.error) };
  };

  const signOut = async () => {
    const result = await perform('signOut', () => privacy.signOut(token));
    if (!result) return;
    if (!result.ok) return setOutcome(failure(actionNotice(result.error)));
    onEnded('signedOut');
  };

  return { load, busy, outcome, retry, download, correct, setProductEmailsOff, erase, signOut, onEnded };
}

export type PersonalDataState = ReturnType<typeof usePersonalData>;
