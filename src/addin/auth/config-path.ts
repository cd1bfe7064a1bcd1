/** `GET /api/addin/config`: what the pane needs before sign-in (not in `routes` yet; unauthenticated). */
export const ADDIN_CONFIG_PATH = '/api/addin/config';
/**
 * The id of the JSON data block (`<script type="application/json">`) in which the service writes
 * the same configuration into the task pane's page, so that the first screen needs no request.
 */
export const ADDIN_CONFIG_ELEMENT_ID = 'sealpost-config';
/** The sign-in dialog page, relative to the service's origin. */
export const AUTH_DIALOG_PATH = '/addin/auth-dialog.html';
