/**
 * The pane's side of the Office dialog: opens a page of ours in a dialog window and resolves with
 * the one message it sends back. Takes `Office.context.ui` as an argument (the pane's entry passes
 * it), so nothing here reaches for the `Office` global and tests can pass a fake.
 */
import { SignInError } from '../sign-in';

/** Opens `url` (an absolute https URL of this origin) and resolves with its first message. */
export type DialogOpener = (url: string) => Promise<string>;

interface DialogLike {
  addEventHandler(type: string, handler: (arg: { message?: string; origin?: string; error?: number }) => void): void;
  close(): void;
}

export interface DialogUi {
  displayDialogAsync(
    url: string,
    options: { height: number; width: number; promptBeforeOpen?: boolean },
    callback: (result: { status: string; value: DialogLike; error?: { code: number } }) => void,
  ): void;
}

/** Office error 12006: the user closed the dialog. 12007: a dialog is already open. */
const DIALOG_CLOSED = 12006;

export function officeDialogOpener(ui: DialogUi, expectedOrigin: string): DialogOpener {
  return (url) =>
    new Promise<string>((resolve, reject) => {
      ui.displayDialogAsync(url, { height: 60, width: 30, promptBeforeOpen: false }, (result) => {
        if (result.status !== 'succeeded') {
          reject(new SignInError('unavailable', `displayDialogAsync failed (${result.error?.code ?? 'unknown'})`));
          return;
        }
        const dialog = result.value;
        dialog.addEventHandler('dialogMessageReceived', (arg) => {
          // Only our own page may answer: a dialog that navigated elsewhere must not hand us a token.
          if (arg.origin !== undefined && arg.origin !== expectedOrigin) return;
          dialog.close();
          resolve(arg.message ?? '');
        });
        dialog.addEventHandler('dialogEventReceived', (arg) => {
          reject(new SignInError(arg.error === DIALOG_CLOSED ? 'cancelled' : 'failed', `dialog event ${arg.error ?? ''}`));
        });
      });
    });
}
