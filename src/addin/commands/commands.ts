/**
 * The event runtime's entry, built alone into `launchevent.js` (classic Outlook on Windows loads
 * that file directly) and into `commands.html` (the other clients). The three names equal the
 * manifest's `FunctionName`s; they are associated at top level, not in `Office.onReady`, which
 * the JavaScript-only runtime never calls. Without an association Outlook blocks sending.
 */
import { createOfficeJsAdapter } from '../office/office-js-adapter';
import { onMessageSend, type OnSendDeps, type SendEvent } from './on-message-send';
import { onNewMessageCompose } from './on-new-message';
import { onRecipientsChanged } from './on-recipients-changed';
import type { LaunchEvent } from './warm-policy';
import { runtimeStore, serviceBaseUrl } from './runtime';

/** Built per event: Office.context is only certain to be ready once Outlook calls a handler. */
function runtimeDeps(): OnSendDeps {
  const office = createOfficeJsAdapter(Office);
  return {
    office,
    store: runtimeStore(office),
    fetch: (url, init) => fetch(url, init),
    baseUrl: serviceBaseUrl(),
    now: () => Date.now(),
  };
}

function onMessageSendHandler(event: SendEvent): void {
  void onMessageSend(event, runtimeDeps);
}

function onNewMessageComposeHandler(event: LaunchEvent): void {
  void onNewMessageCompose(event, runtimeDeps);
}

function onRecipientsChangedHandler(event: LaunchEvent): void {
  void onRecipientsChanged(event, runtimeDeps);
}

Office.actions.associate('onMessageSendHandler', onMessageSendHandler);
Office.actions.associate('onNewMessageComposeHandler', onNewMessageComposeHandler);
Office.actions.associate('onRecipientsChangedHandler', onRecipientsChangedHandler);
