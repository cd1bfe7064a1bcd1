import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { PortalShell } from './components/PortalShell';
import { I18nProvider } from './i18n/I18nProvider';
import type { PortalLink } from './link';
import { PortalApp } from './PortalApp';
import { PortalServicesProvider, type PortalServices } from './services';

export interface PortalRootProps {
  services: PortalServices;
  link: PortalLink | null;
}

/** The whole portal, given its services: what `index.tsx` mounts and what tests render. */
export function PortalRoot({ services, link }: PortalRootProps) {
  return (
    <PortalServicesProvider value={services}>
      <I18nProvider languages={services.languages} storage={services.storage}>
        <FluentProvider theme={webLightTheme}>
          <PortalShell>
            <PortalApp link={link} />
          </PortalShell>
        </FluentProvider>
      </I18nProvider>
    </PortalServicesProvider>
  );
}
