/**
 * Start-up of the task pane: the one place in the pane that touches the `Office` global. It
 * waits for Office.js, builds the real services (the Office.js adapter, the service API, the
 * sign-in with MSAL or the Office dialog), loads the texts of Outlook's language (and the dark
 * theme when the pane starts dark) and renders. The service's configuration is already on its way
 * by then (`early-start.ts`); when it arrives in time, the first render is the first screen.
 */
// First: its requests leave before the rest of the bundle is evaluated.
import { api, fetchImpl, startConfig } from './early-start';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createSignIn } from '../auth/create-sign-in';
import { officeDialogOpener, type DialogUi } from '../auth/dialog/open-dialog';
import { createOfficeJsAdapter } from '../office/office-js-adapter';
import { loadMessages } from './i18n/catalogues';
import { pickLocale } from './i18n/messages';
import type { TaskpaneServices } from './services';
import { TaskpaneRoot } from './TaskpaneRoot';
import { loadDarkTheme, prefersDark } from './theme';

const origin = window.location.origin;

/**
 * How long the first render waits for the service's configuration beyond the texts. It is usually
 * here before the bundle has run (taskpane.html preloads it); from a slow service the pane shows
 * its start (a spinner after a moment) rather than nothing.
 */
const CONFIG_WAIT_MS = 200;

function nestedAppAuthSupported(): boolean {
  try {
    return Office.context.requirements.isSetSupported('NestedAppAuth', '1.1');
  } catch {
    return false; // Hosts too old to answer are too old for NAA.
  }
}

/** Shown when the pane's own texts cannot be loaded, so in both languages. */
const NOT_LOADED =
  'Sealpost could not be loaded. Check the connection and open it again. / ' +
  'Sealpost kon niet worden geladen. Controleer de verbinding en open het opnieuw.';

void Office.onReady(async () => {
  const office = createOfficeJsAdapter(Office);
  const naaSupported = nestedAppAuthSupported();
  const openDialog = officeDialogOpener(Office.context.ui as unknown as DialogUi, origin);
  const container = document.getElementById('root');
  if (!container) return;
  const locale = pickLocale([office.hostInfo().displayLanguage], null);
  // Small chunks, requested together (the texts usually already by early-start.ts); a failed
  // request is asked once more.
  const [loaded, serviceConfig] = await Promise.all([
    Promise.all([
      loadMessages(locale).catch(() => loadMessages(locale)),
      prefersDark() ? loadDarkTheme().catch(() => undefined) : undefined,
    ]).then(
      () => true,
      () => false,
    ),
    startConfig(CONFIG_WAIT_MS),
  ]);
  if (!loaded) {
    container.textContent = NOT_LOADED;
    container.setAttribute('role', 'alert');
    return;
  }
  const services: TaskpaneServices = {
    office,
    api,
    createSignIn: (config) =>
      createSignIn(config, { fetch: fetchImpl, profile: () => office.userProfile(), naaSupported, openDialog, origin }),
    navigator: window.navigator,
    origin,
    startConfig: serviceConfig,
  };
  createRoot(container).render(
    <StrictMode>
      <TaskpaneRoot services={services} />
    </StrictMode>,
  );
});
