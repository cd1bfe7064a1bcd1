/**
 * Start-up of the task pane: the one place in the pane that touches the `Office` global. It
 * waits for Office.js, builds the real services (the Office.js adapter, the service API, the
 * sign-in with MSAL or the Office dialog) and renders, in Outlook's language (the texts of the
 * first screens are in this bundle; `TaskpaneApp` loads the rest). The service's configuration is
 * in the page (see start-config.ts), so the first render is the first screen.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createSignIn } from '../auth/create-sign-in';
import { officeDialogOpener, type DialogUi } from '../auth/dialog/open-dialog';
import type { FetchLike } from '../../client/api/http';
import { createOfficeJsAdapter } from '../office/office-js-adapter';
import { createSenderApi } from './api/sender-api';
import type { TaskpaneServices } from './services';
import { readStartConfig } from './start-config';
import { TaskpaneRoot } from './TaskpaneRoot';
import { loadDarkTheme, prefersDark } from './theme';

const origin = window.location.origin;
const fetchImpl: FetchLike = (input, init) => fetch(input, init);

/**
 * How long the first render waits for the service's configuration when the page came without it:
 * from a slow service the pane shows its start (a spinner after a moment) rather than nothing.
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
  const [start] = await Promise.all([
    readStartConfig(createSenderApi({ origin, fetch: fetchImpl }), CONFIG_WAIT_MS),
    // The dark theme is a small chunk: a pane that starts dark waits for it rather than flash
    // light (a failed request leaves it light).
    prefersDark() ? loadDarkTheme().catch(() => undefined) : undefined,
  ]);
  const services: TaskpaneServices = {
    office,
    api: start.api,
    createSignIn: (config) =>
      createSignIn(config, { fetch: fetchImpl, profile: () => office.userProfile(), naaSupported, openDialog, origin }),
    navigator: window.navigator,
    origin,
    ...(start.config ? { startConfig: start.config } : {}),
  };
  createRoot(container).render(
    <StrictMode>
      <TaskpaneRoot services={services} />
    </StrictMode>,
  );
});
