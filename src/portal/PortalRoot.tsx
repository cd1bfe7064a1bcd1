import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { PortalShell } from './components/PortalShell';
import { MyDataPage } from './features/my-data/MyDataPage';
import { I18nProvider } from './i18n/I18nProvider';
import type { PortalLink } from './link';
import { PortalApp } from './PortalApp';
import type { PortalPage } from './route';
import { PortalServicesProvider, type PortalServices } from './services';

export interface PortalRootProps {
  services: PortalServices;
  link: PortalLink | null;
  /** Which page the path asked for; a message unless said otherwise. */
  page?: PortalPage;
}

/** The whole portal, given its services: what `index.tsx` mounts and what tests render. */
export function PortalRoot({ services, link, page = 'message' }: PortalRootProps) {
  return (
    <PortalServicesProvider value={services}>
      <I18nProvider languages={services.languages} storage={services.storage}>
        <FluentProvider theme={webLightTheme}>
          <PortalShell page={page}>{page === 'my-data' ? <MyDataPage /> : <PortalApp link={link} />}</PortalShell>
        </FluentProvider>
      </I18nProvider>
    </PortalServicesProvider>
  );
}
