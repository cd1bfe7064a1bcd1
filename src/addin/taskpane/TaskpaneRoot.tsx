import { FluentProvider } from '@fluentui/react-components';
import { paneLayout } from './components/pane-layout';
import { I18nProvider } from './i18n/I18nProvider';
import { TaskpaneServicesProvider, type TaskpaneServices } from './services';
import { TaskpaneApp } from './TaskpaneApp';
import { usePreferredTheme } from './theme';

function Frame() {
  return (
    <main style={paneLayout.root}>
      <TaskpaneApp />
    </main>
  );
}

/** The whole pane, given its services: what `index.tsx` mounts and what tests render. */
export function TaskpaneRoot({ services }: { services: TaskpaneServices }) {
  const theme = usePreferredTheme();
  return (
    <TaskpaneServicesProvider value={services}>
      <I18nProvider displayLanguage={services.office.hostInfo().displayLanguage}>
        <FluentProvider theme={theme}>
          <Frame />
        </FluentProvider>
      </I18nProvider>
    </TaskpaneServicesProvider>
  );
}
