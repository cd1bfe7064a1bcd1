/**
 * Start-up of the task pane: the one place in the pane that touches the `Office` global. It
 * waits for Office.js, builds the real services (the Office.js adapter, the service API, the
 * sign-in with MSAL or the Office dialog) and renders.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createSignIn } from '../auth/create-sign-in';
import { officeDialogOpener, type DialogUi } from '../auth/dialog/open-dialog';
import { createOfficeJsAdapter } from '../office/office-js-adapter';
import type { FetchLike } from '../../portal/api/http';
import { createSenderApi } from './api/sender-api';
import type { TaskpaneServices } from './services';
import { TaskpaneRoot } from './TaskpaneRoot';

const fetchImpl: FetchLike = (input, init) => fetch(input, init);

function nestedAppAuthSupported(): boolean {
  try {
    return Office.context.requirements.isSetSupported('NestedAppAuth', '1.1');
  } catch {
    return false; // Hosts too old to answer are too old for NAA.
  }
}

void Office.onReady(() => {
  const office = createOfficeJsAdapter(Office);
  const origin = window.location.origin;
  const naaSupported = nestedAppAuthSupported();
  const openDialog = officeDialogOpener(Office.context.ui as unknown as DialogUi, origin);
  const services: TaskpaneServices = {
    office,
    api: createSenderApi({ origin, fetch: fetchImpl }),
    createSignIn: (config) =>
      createSignIn(config, { fetch: fetchImpl, profile: () => office.userProfile(), naaSupported, openDialog, origin }),
    navigator: window.navigator,
    origin,
  };
  const container = document.getElementById('root');
  if (container) {
    createRoot(container).render(
      <StrictMode>
        <TaskpaneRoot services={services} />
      </StrictMode>,
    );
  }
});
