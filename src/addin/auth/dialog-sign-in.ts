/**
 * Azure AD sign-in where nested app authentication is not available (older Outlook builds,
 * Outlook.com mailboxes). Sign-in runs in an Office dialog: a top-level window of our own origin
 * where MSAL can redirect to Azure AD and keep its cache. A popup from the pane does not work
 * here: desktop webviews block `window.open`, and on the web MSAL 5 answers a popup through a
 * BroadcastChannel that cannot reach the pane's partitioned, cross-site frame.
 *
 * The pane keeps the token in memory only; the next pane session opens the dialog again, which
 * then signs in from MSAL's cache without asking.
 */
import { parseDialogMessage } from './dialog/dialog-message';
import type { DialogOpener } from './dialog/open-dialog';
import { SignInError, isFresh, type SignIn, type SignInSession } from './sign-in';

export function createDialogSignIn(dialogUrl: string, openDialog: DialogOpener): SignIn {
  let session: SignInSession | null = null;
  return {
    kind: 'azure',
    silent: async () => (isFresh(session) ? session : null),
    knownSession: () => (isFresh(session) ? session : null),
    async interactive() {
      let text: string;
      try {
        text = await openDialog(dialogUrl);
      } catch (error) {
        throw error instanceof SignInError ? error : new SignInError('failed', 'The sign-in dialog failed.');
      }
      const answer = parseDialogMessage(text);
      if ('code' in answer) throw new SignInError(answer.code);
      session = answer;
      return answer;
    },
    async token() {
      if (isFresh(session)) return session.token;
      throw new SignInError('interaction_required');
    },
  };
}
