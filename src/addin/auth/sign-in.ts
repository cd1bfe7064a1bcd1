/**
 * How the task pane signs the sender in to the Sealpost service. One interface, three
 * implementations: Azure AD through MSAL nested app authentication (`naa-sign-in.ts`), the Office
 * dialog where NAA is not available (`dialog-sign-in.ts`), and the embedded default's development
 * sign-in (`dev-sign-in.ts`). `fake-sign-in.ts` stands in for all of them in tests.
 */

/** Who is signed in, as the identity provider names them (for the pane's header only). */
export interface Account {
  name: string;
  email: string;
}

export interface SignInSession {
  /** Bearer token for the Sealpost API. */
  token: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
  account: Account;
}

/**
 * - `interaction_required`: the user has to press "Sign in" (again);
 * - `cancelled`: the user closed the sign-in window;
 * - `unavailable`: the identity provider or the service could not be reached;
 * - `not_configured`: the service offers no sign-in this pane can use;
 * - `failed`: anything else; the message is for the log, never shown as is.
 */
export type SignInErrorCode = 'interaction_required' | 'cancelled' | 'unavailable' | 'not_configured' | 'failed';

export class SignInError extends Error {
  constructor(
    readonly code: SignInErrorCode,
    message: string = code,
  ) {
    super(message);
    this.name = 'SignInError';
  }
}

export interface SignIn {
  readonly kind: 'azure' | 'development';
  /** Without any window: a session, or null when the user must press "Sign in". */
  silent(): Promise<SignInSession | null>;
  /**
   * What `silent()` would give when that is known without waiting (the sign-in holds its session
   * in memory): a session, or null. Undefined when only `silent()` can tell (MSAL asks Outlook).
   * Lets the pane show its first screen in its first render.
   */
  knownSession(): SignInSession | null | undefined;
  /** Only from a button press: may open a popup or dialog. Throws `SignInError`. */
  interactive(): Promise<SignInSession>;
  /** A token that is valid now, renewed silently where possible; throws `SignInError`. */
  token(): Promise<string>;
}

/** Tokens this close to expiry are renewed first, so an upload never starts with a dying token. */
export const EXPIRY_MARGIN_MS = 5 * 60 * 1000;

export function isFresh(session: SignInSession | null, now = Date.now()): session is SignInSession {
  return session !== null && session.expiresAt - EXPIRY_MARGIN_MS > now;
}
