import * as React from 'react';
import { decide, defaultPolicy, resolvePolicy, scanMessage, type Decision, type MessageScan, type Policy } from '../../../../shared/detect';
import { readForScan } from '../../compose/read-for-scan';
import { useI18n } from '../../i18n/I18nProvider';
import { useTaskpaneServices } from '../../services';
import { useSession } from '../../session';
import { recallPhones } from '../recipients/phone-memory';

export type FindingsState =
  | { kind: 'checking' }
  | { kind: 'failed' }
  | { kind: 'done'; scan: MessageScan; decision: Decision; policy: Policy; attachmentNames: string[] };

/**
 * Runs the detection engine over the compose item with the organisation's policy (the standard
 * policy until it has loaded, or when it cannot). Outlook has no event for body edits, so it runs
 * again when the recipients change, when the policy arrives, and on "Check again".
 */
export function useFindings(recipientsKey: string) {
  const { office } = useTaskpaneServices();
  const { settings } = useSession();
  const { locale } = useI18n();
  const policy = React.useMemo(() => (settings ? resolvePolicy(settings.policy) : defaultPolicy()), [settings]);
  const [state, setState] = React.useState<FindingsState>({ kind: 'checking' });
  const [attempt, setAttempt] = React.useState(0);

  React.useEffect(() => {
    let live = true;
    setState({ kind: 'checking' });
    readForScan(office)
      .then(({ input, attachmentNames }) => {
        // Addresses the sender has sent to securely before, so they do not count as first-time.
        const scan = scanMessage(input, policy, { history: { knownAddresses: recallPhones(office).keys() } });
        if (live) setState({ kind: 'done', scan, decision: decide(scan, policy, { locale }), policy, attachmentNames });
      })
      .catch(() => live && setState({ kind: 'failed' }));
    return () => {
      live = false;
    };
  }, [office, policy, locale, recipientsKey, attempt]);

  const recheck = React.useCallback(() => setAttempt((n) => n + 1), []);
  return { state, recheck };
}
