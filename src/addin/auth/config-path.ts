/** `GET /api/addin/config`: what the pane needs before sign-in (not in `routes` yet; unauthenticated). */
export const ADDIN_CONFIG_PATH = '/api/addin/config';
/** The sign-in dialog page, relative to the service's origin. */
export const AUTH_DIALOG_PATH = '/addin/auth-dialog.html';
