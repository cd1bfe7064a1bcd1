import * as React from 'react';
import type { VerificationMethod } from '../../../../shared/protocol/api';
import type { ComposeRecipient } from '../../../office/office-adapter';
import { useTaskpaneServices } from '../../services';
import { recallPhones, rememberPhones } from './phone-memory';
import { isReady, toInput, toRows, type Choice, type RecipientRow } from './recipient-rows';

/** What a send needs from the recipients: the inputs for the service and the numbers to remember. */
export interface CollectedRecipients {
  inputs: ReturnType<typeof toInput>[];
  remember: () => Promise<void>;
}

/**
 * The compose item's recipients, kept current through Outlook's RecipientsChanged event, with
 * the sender's per-address choices; choices survive edits of the recipient lines.
 */
export function useRecipients() {
  const { office } = useTaskpaneServices();
  const [recipients, setRecipients] = React.useState<ComposeRecipient[] | null>(null);
  const [failed, setFailed] = React.useState(false);
  const [choices, setChoices] = React.useState<Record<string, Choice>>({});
  const [remembered] = React.useState(() => recallPhones(office));
  const [showErrors, setShowErrors] = React.useState(false);

  React.useEffect(() => {
    let live = true;
    let latest = 0;
    let unsubscribe: (() => Promise<void>) | null = null;
    const read = () => {
      // Quick edits fire several events; only the newest read may land.
      const mine = ++latest;
      office.getRecipients().then(
        (list) => live && mine === latest && (setRecipients(list), setFailed(false)),
        () => live && mine === latest && setFailed(true),
      );
    };
    read();
    office.onRecipientsChanged(read).then(
      (off) => (live ? (unsubscribe = off) : void off()),
      () => undefined, // No change events in this client: the list is still read once.
    );
    return () => {
      live = false;
      void unsubscribe?.().catch(() => undefined);
    };
  }, [office]);

  const rows = React.useMemo(() => toRows(recipients ?? [], choices, remembered), [recipients, choices, remembered]);

  const update = React.useCallback(
    (row: RecipientRow, change: Partial<Choice>) =>
      setChoices((all) => ({ ...all, [row.key]: { method: row.method, phone: row.phone, touched: row.touched, ...change } })),
    [],
  );
  const setMethod = React.useCallback((row: RecipientRow, method: VerificationMethod) => update(row, { method }), [update]);
  const setPhone = React.useCallback((row: RecipientRow, phone: string) => update(row, { phone }), [update]);
  const touchPhone = React.useCallback((row: RecipientRow) => update(row, { touched: true }), [update]);

  /** The recipients ready to send, or null (and every problem shown) when one is not. */
  const collect = React.useCallback((): CollectedRecipients | null => {
    setShowErrors(true);
    if (rows.length === 0 || !rows.every(isReady)) return null;
    const used = rows.flatMap((r) => (r.phoneCheck?.ok ? [{ email: r.email, e164: r.phoneCheck.e164 }] : []));
    return { inputs: rows.map(toInput), remember: () => rememberPhones(office, used) };
  }, [rows, office]);

  return { loading: recipients === null && !failed, failed, rows, showErrors, setMethod, setPhone, touchPhone, collect };
}
