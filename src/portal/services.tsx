import * as React from 'react';
import type { PrivacyApi } from './api/privacy-api';
import type { RecipientApi } from './api/recipient-api';
import type { PortalEnvelope } from './envelope';
import type { FileSaver } from './features/read/save-file';
import type { LocaleStorage } from './i18n/I18nProvider';

/**
 * What the portal needs from the outside world, given once at start-up. The real set is built in
 * `index.tsx`; tests build one from fakes. Nothing here holds message content.
 */
export interface PortalServices {
  api: RecipientApi;
  /** "Your data": proving an address, then seeing, correcting or erasing what is held. */
  privacy: PrivacyApi;
  envelope: PortalEnvelope;
  saveFile: FileSaver;
  /** The per-response CSP nonce, needed for the style elements of the message frame. */
  cspNonce: string | null;
  languages: readonly string[];
  storage: LocaleStorage | null;
}

const ServicesContext = React.createContext<PortalServices | null>(null);

export const PortalServicesProvider = ServicesContext.Provider;

export function usePortalServices(): PortalServices {
  const services = React.useContext(ServicesContext);
  if (!services) throw new Error('usePortalServices needs a PortalServicesProvider above it');
  return services;
}
