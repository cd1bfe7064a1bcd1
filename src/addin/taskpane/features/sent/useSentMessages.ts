import * as React from 'react';
import type { MessageSummary } from '../../../../shared/protocol/api';
import { useTaskpaneServices } from '../../services';
import { useSession } from '../../session';

export type SentState = { kind: 'loading' } | { kind: 'failed' } | { kind: 'done'; messages: MessageSummary[] };

/** The sender's secure messages with per-recipient status, newest first; revoke one. */
export function useSentMessages() {
  const { api } = useTaskpaneServices();
  const { token, signedOut } = useSession();
  const [state, setState] = React.useState<SentState>({ kind: 'loading' });
  const [attempt, setAttempt] = React.useState(0);

  React.useEffect(() => {
    let live = true;
    setState((current) => (current.kind === 'done' ? current : { kind: 'loading' }));
    void (async () => {
      const bearer = await token().catch(() => null);
      if (!bearer) return live && signedOut();
      const result = await api.listMessages(bearer);
      if (!live) return;
      if (!result.ok && result.error.code === 'unauthenticated') return signedOut();
      setState(result.ok ? { kind: 'done', messages: [...result.data.messages].sort((a, b) => b.createdAt.localeCompare(a.createdAt)) } : { kind: 'failed' });
    })();
    return () => {
      live = false;
    };
  }, [api, token, signedOut, attempt]);

  const refresh = React.useCallback(() => setAttempt((n) => n + 1), []);

  /** True when the service revoked it; the list is then read again. */
  const revoke = React.useCallback(
    async (id: string): Promise<boolean> => {
      const bearer = await token().catch(() => null);
      if (!bearer) return signedOut(), false;
      const result = await api.revoke(bearer, id);
      if (result.ok) refresh();
      return result.ok;
    },
    [api, token, signedOut, refresh],
  );

  return { state, refresh, revoke };
}
