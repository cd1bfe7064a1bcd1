import * as React from 'react';
import type { ErrorBody, Result } from '../../../../shared/errors';
import type { AdminPrivacyRequest, AdminPrivacyResponse, AdminQueueEntry } from '../../../../shared/protocol/privacy-api';
import { useAuthorisedCall } from './useAuthorisedCall';

export type QueueState =
  /** Not (yet) known to be an administrator: nothing is shown. */
  | { kind: 'hidden' }
  | { kind: 'loading' }
  | { kind: 'failed'; error: ErrorBody }
  | { kind: 'done'; requests: AdminQueueEntry[] };

const byDeadline = (a: AdminQueueEntry, b: AdminQueueEntry) => a.dueAt.localeCompare(b.dueAt) || a.createdAt.localeCompare(b.createdAt);

/**
 * The pane is not told the sender's roles (they are in the token, for the service), so the panel
 * asks for the queue once as it opens: a 403 means "not an administrator", and the section stays
 * away (and is not asked for again) until the panel is opened again. Until the first answer, and
 * after a first answer that was no answer at all (service unreachable), nothing is shown either:
 * the sender may well not be an administrator.
 */
export function usePrivacyQueue() {
  const authorised = useAuthorisedCall();
  const [state, setState] = React.useState<QueueState>({ kind: 'hidden' });
  const [status, setStatus] = React.useState<'open' | 'all'>('open');
  const [attempt, setAttempt] = React.useState(0);
  const isAdmin = React.useRef(false);
  const notAdmin = React.useRef(false);

  React.useEffect(() => {
    if (notAdmin.current) return;
    let live = true;
    // A list already shown stays while it is read again.
    if (isAdmin.current) setState((current) => (current.kind === 'done' ? current : { kind: 'loading' }));
    void (async () => {
      const result = await authorised((api, token) => api.listRequests(token, status));
      if (!live || !result) return;
      if (result.ok) {
        isAdmin.current = true;
        return setState({ kind: 'done', requests: [...result.data.requests].sort(byDeadline) });
      }
      if (result.error.code === 'forbidden') {
        notAdmin.current = true;
        return setState({ kind: 'hidden' });
      }
      setState(isAdmin.current ? { kind: 'failed', error: result.error } : { kind: 'hidden' });
    })();
    return () => {
      live = false;
    };
  }, [authorised, status, attempt]);

  const reload = React.useCallback(() => setAttempt((n) => n + 1), []);

  /** Apply (complete) or reject an open request; the error, or null once the list is being read again. */
  const close = React.useCallback(
    async (id: string, action: 'complete' | 'reject'): Promise<ErrorBody | null> => {
      const result = await authorised((api, token) => api.closeRequest(token, id, action));
      if (!result) return null;
      // "Already handled" (409) means the list is out of date: show what is true now.
      if (result.ok || result.error.code === 'conflict') reload();
      return result.ok ? null : result.error;
    },
    [authorised, reload],
  );

  const run = React.useCallback(
    async (request: AdminPrivacyRequest): Promise<Result<AdminPrivacyResponse> | null> => {
      const result = await authorised((api, token) => api.runRequest(token, request));
      if (result?.ok) reload();
      return result;
    },
    [authorised, reload],
  );

  return { state, status, setStatus, reload, close, run };
}
