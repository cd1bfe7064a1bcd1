/** Sends a verification code by SMS or e-mail in the recipient's language. */
import { codeEmail, codeSms } from '../notify/messages';
import type { ServiceDeps } from './deps';

export async function sendCode(
  deps: Pick<ServiceDeps, 'notifiers'>,
  input: { method: 'sms' | 'email'; target: string; code: string; locale: 'nl' | 'en' },
): Promise<void> {
  if (input.method === 'sms') {
    await deps.notifiers.sms.send({ to: input.target, text: codeSms(input.locale, input.code) });
  } else {
    await deps.notifiers.mail.send({ to: input.target, ...codeEmail(input.locale, input.code) });
  }
}

/** "jan.jansen@example.nl" → "j***@example.nl": enough to recognise, not enough to harvest. */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 1) return '***';
  return `${address[0]}***${address.slice(at)}`;
}
