import { FluentProvider } from '@fluentui/react-components';
import { paneLayout } from './components/pane-layout';
import { I18nProvider, type I18nProviderProps } from './i18n/I18nProvider';
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

export interface TaskpaneRootProps {
  services: TaskpaneServices;
  /** How the rest of the texts are fetched; by default the language's chunk. */
  loadTexts?: I18nProviderProps['loadTexts'];
}

/** The whole pane, given its services: what `index.tsx` mounts and what tests render. */
export function TaskpaneRoot({ services, loadTexts }: TaskpaneRootProps) {
  const theme = usePreferredTheme();
  return (
    <TaskpaneServicesProvider value={services}>
      <I18nProvider displayLanguage={services.office.hostInfo().displayLanguage} {...(loadTexts ? { loadTexts } : {})}>
        <FluentProvider theme={theme}>
          <Frame />
        </FluentProvider>
      </I18nProvider>
    </TaskpaneServicesProvider>
  );
}
