/**
 * What the sign-in dialog sends back to the pane through `messageParent`: one JSON message, a
 * token or a failure code. Both sides parse it with these functions, so they cannot drift.
 */
import type { SignInErrorCode, SignInSession } from '../sign-in';

export type DialogMessage =
  | { ok: true; token: string; expiresAt: number; name: string; email: string }
  | { ok: false; code: SignInErrorCode };

const CODES: readonly SignInErrorCode[] = ['interaction_required', 'cancelled', 'unavailable', 'not_configured', 'failed'];

export function formatDialogMessage(message: DialogMessage): string {
  return JSON.stringify(message);
}

/** A session or a failure code; anything malformed counts as `failed`. */
export function parseDialogMessage(text: string): SignInSession | { code: SignInErrorCode } {
  try {
    const m = JSON.parse(text) as Record<string, unknown>;
    if (m.ok === true && typeof m.token === 'string' && m.token && typeof m.expiresAt === 'number') {
      const email = typeof m.email === 'string' ? m.email : '';
      const name = typeof m.name === 'string' && m.name ? m.name : email;
      return { token: m.token, expiresAt: m.expiresAt, account: { name, email } };
    }
    if (m.ok === false && CODES.includes(m.code as SignInErrorCode)) return { code: m.code as SignInErrorCode };
  } catch {
    // Not JSON: fall through.
  }
  return { code: 'failed' };
}
