/**
 * From Outlook's To, Cc and Bcc to the rows the pane shows: one per address (the first field it
 * appears in wins), with the sender's choice of verification and what that choice still lacks.
 */
import { normalisePhone, type PhoneRejection } from '../../../../shared/phone';
import type { RecipientInput, VerificationMethod } from '../../../../shared/protocol/api';
import type { ComposeRecipient, RecipientField } from '../../../office/office-adapter';
import type { MessageKey } from '../../i18n/messages';
import { addressKey } from './phone-memory';

export interface Choice {
  method: VerificationMethod;
  phone: string;
  /** The phone field lost focus once: from then on its errors show. */
  touched: boolean;
}

export interface RecipientRow extends Choice {
  key: string;
  field: RecipientField;
  email: string;
  /** The display name, or the address when Outlook has none. */
  name: string;
  /** For SMS: the normalised number, or why there is none. */
  phoneCheck: { ok: true; e164: string } | { ok: false; reason: PhoneRejection } | null;
}

export const PHONE_ERRORS: Record<PhoneRejection, MessageKey> = {
  empty: 'phoneEmpty',
  invalid: 'phoneInvalid',
  invalid_country: 'phoneInvalidCountry',
  too_short: 'phoneTooShort',
  too_long: 'phoneTooLong',
  not_mobile: 'phoneNotMobile',
  has_extension: 'phoneHasExtension',
};

export function defaultChoice(remembered: string | undefined): Choice {
  // SMS is the strongest factor a recipient can use without preparation; a known number is filled in.
  return { method: 'sms', phone: remembered ?? '', touched: false };
}

export function toRows(recipients: readonly ComposeRecipient[], choices: Readonly<Record<string, Choice>>, remembered: ReadonlyMap<string, string>): RecipientRow[] {
  const seen = new Set<string>();
  const rows: RecipientRow[] = [];
  for (const r of recipients) {
    const email = r.email.trim();
    const key = email ? addressKey(email) : `unresolved:${r.field}:${r.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const choice = choices[key] ?? defaultChoice(remembered.get(key));
    const phoneCheck = choice.method === 'sms' ? normalisePhone(choice.phone) : null;
    rows.push({ ...choice, key, field: r.field, email, name: r.name.trim() || email, phoneCheck });
  }
  return rows;
}

export const isReady = (row: RecipientRow) => row.email !== '' && (row.phoneCheck === null || row.phoneCheck.ok);

/** What the service needs per recipient; the phone only for SMS, as E.164. */
export function toInput(row: RecipientRow): RecipientInput {
  const input: RecipientInput = { name: row.name.slice(0, 200), email: row.email, method: row.method };
  if (row.phoneCheck?.ok) input.phone = row.phoneCheck.e164;
  return input;
}
