import * as React from 'react';
import { useTaskpaneServices } from '../../services';

/** Roaming key: the sender has read the notice on what Sealpost records about them. */
export const SENDER_NOTICE_KEY = 'sealpost.senderNotice';
/** Raise when the notice says something new, so that everyone sees it once more. */
export const SENDER_NOTICE_VERSION = 1;

export function useSenderNotice() {
  const { office } = useTaskpaneServices();
  const [visible, setVisible] = React.useState(
    () => (office.getRoaming<{ version?: number }>(SENDER_NOTICE_KEY)?.version ?? 0) < SENDER_NOTICE_VERSION,
  );
  const acknowledge = React.useCallback(() => {
    setVisible(false);
    // Not remembered when saving fails: the notice then simply shows again next time.
    void office.setRoaming(SENDER_NOTICE_KEY, { version: SENDER_NOTICE_VERSION, at: new Date().toISOString() }).catch(() => undefined);
  }, [office]);
  return { visible, acknowledge };
}
