import * as React from 'react';
import type { OrganisationSettings } from '../../../../shared/protocol/api';
import { clientInfo } from '../../api/client-info';
import { useTaskpaneServices } from '../../services';
import { cachePolicy } from './policy-cache';

/**
 * Right after sign-in: report where the pane runs (category B, coarse words only) and fetch the
 * organisation's settings, which also go to the roaming cache for the on-send handler.
 */
export function useSenderSetup(token: () => Promise<string>, signedOut: () => void) {
  const { api, office, navigator } = useTaskpaneServices();
  const [settings, setSettings] = React.useState<OrganisationSettings | null>(null);
  const [failed, setFailed] = React.useState(false);

  React.useEffect(() => {
    let live = true;
    void (async () => {
      let bearer: string;
      try {
        bearer = await token();
      } catch {
        if (live) signedOut();
        return;
      }
      // Best effort: the account works without it, and it is sent again at the next sign-in.
      void api.putClient(bearer, clientInfo(office.hostInfo(), navigator));
      const result = await api.getSettings(bearer);
      if (!live) return;
      if (!result.ok) {
        if (result.error.code === 'unauthenticated') signedOut();
        setFailed(true);
        return;
      }
      setSettings(result.data);
      await cachePolicy(office, result.data).catch(() => undefined);
    })();
    return () => {
      live = false;
    };
  }, [api, office, navigator, token, signedOut]);

  return { settings, failed };
}
