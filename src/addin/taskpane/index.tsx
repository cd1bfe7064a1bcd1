/**
 * Start-up of the task pane: the one place in the pane that touches the `Office` global. It
 * waits for Office.js, builds the real services (the Office.js adapter, the service API, the
 * sign-in with MSAL or the Office dialog) and renders, in Outlook's language (the texts of the
 * first screens are in this bundle; `TaskpaneApp` loads the rest). The service's configuration is
 * already on its way by then (`early-start.ts`); when it arrives in time, the first render is the
 * first screen.
 */
// First: its requests leave before the rest of the bundle is evaluated.
import { api, fetchImpl, startConfig } from './early-start';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createSignIn } from '../auth/create-sign-in';
import { officeDialogOpener, type DialogUi } from '../auth/dialog/open-dialog';
import { createOfficeJsAdapter } from '../office/office-js-adapter';
import type { TaskpaneServices } from './services';
import { TaskpaneRoot } from './TaskpaneRoot';
import { loadDarkTheme, prefersDark } from './theme';

const origin = window.location.origin;

/**
 * How long the first render waits for the service's configuration. It is usually
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

void Office.onReady(async () => {
  const office = createOfficeJsAdapter(Office);
  const naaSupported = nestedAppAuthSupported();
  const openDialog = officeDialogOpener(Office.context.ui as unknown as DialogUi, origin);
  const container = document.getElementById('root');
  if (!container) return;
  // The dark theme is a small chunk: a pane that starts dark waits for it rather than flash light
  // (a failed request leaves it light).
  const [serviceConfig] = await Promise.all([startConfig(CONFIG_WAIT_MS), prefersDark() ? loadDarkTheme().catch(() => undefined) : undefined]);
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
