import * as React from 'react';
import type { VerifyResponse } from '../shared/protocol/api';
import type { PortalLink } from './link';
import { usePortalServices } from './services';

export type PortalStep =
  | { kind: 'checking' }
  | { kind: 'unavailable' }
  | { kind: 'offline' }
  | { kind: 'verify'; expiresAt: string | null; sessionEnded: boolean }
  | { kind: 'read'; session: VerifyResponse };

/**
 * The page's steps. A missing or malformed link goes straight to the vague page without asking
 * the service anything; a known message goes to verification, then to reading. The session token
 * and server share live only in this state, never in storage.
 */
export function usePortalApp(link: PortalLink | null) {
  const { api } = usePortalServices();
  const [step, setStep] = React.useState<PortalStep>(link ? { kind: 'checking' } : { kind: 'unavailable' });
  const [attempt, setAttempt] = React.useState(0);

  React.useEffect(() => {
    if (!link) return;
    const controller = new AbortController();
    setStep({ kind: 'checking' });
    void api.getAvailability(link.messageId, controller.signal).then((result) => {
      if (controller.signal.aborted) return;
      if (result.ok) setStep({ kind: 'verify', expiresAt: result.data.expiresAt, sessionEnded: false });
      else if (result.error.code === 'unavailable') setStep({ kind: 'offline' });
      else setStep({ kind: 'unavailable' });
    });
    return () => controller.abort();
  }, [api, link, attempt]);

  const onVerified = React.useCallback((session: VerifyResponse) => setStep({ kind: 'read', session }), []);
  const onUnavailable = React.useCallback(() => setStep({ kind: 'unavailable' }), []);
  const onSessionEnded = React.useCallback(
    () => setStep({ kind: 'verify', expiresAt: null, sessionEnded: true }),
    [],
  );
  const retry = React.useCallback(() => setAttempt((n) => n + 1), []);

  return { step, onVerified, onUnavailable, onSessionEnded, retry };
}
