/**
 * Recipients' mobile numbers, remembered in the sender's own roaming settings (their mailbox),
 * never on the service: the service sees a number only inside the message it is for. A number
 * is remembered once it has been used for a secure message, not while it is being typed.
 *
 * Roaming settings hold 32 KB for everything the add-in keeps, so the book is capped in entries
 * and in size, and the longest unused numbers go first. A number unused for PHONES_MAX_AGE_DAYS is
 * forgotten: no longer recalled, and gone from the settings at the next write.
 */
import type { OfficeAdapter } from '../../../office/office-adapter';

export const PHONES_KEY = 'sealpost.phones';
export const PHONES_MAX_ENTRIES = 100;
export const PHONES_MAX_CHARS = 8 * 1024;
/** About thirteen months, so that a client mailed once a year keeps their number. */
export const PHONES_MAX_AGE_DAYS = 395;
const MAX_AGE_MS = PHONES_MAX_AGE_DAYS * 24 * 60 * 60 * 1000;

/** Lower-case address → [E.164 number, last used (ms since the epoch)]. */
type PhoneBook = Record<string, [string, number]>;

const E164 = /^\+[1-9]\d{6,14}$/;

function read(office: OfficeAdapter, now: number): PhoneBook {
  const stored = office.getRoaming<unknown>(PHONES_KEY);
  const book: PhoneBook = {};
  if (!stored || typeof stored !== 'object') return book;
  // Whatever another version of the add-in wrote: keep only well-formed entries.
  for (const [address, entry] of Object.entries(stored as Record<string, unknown>)) {
    const wellFormed = Array.isArray(entry) && typeof entry[0] === 'string' && E164.test(entry[0]) && typeof entry[1] === 'number';
    if (wellFormed && now - entry[1] <= MAX_AGE_MS) {
      book[address] = [entry[0], entry[1]];
    }
  }
  return book;
}

export const addressKey = (email: string) => email.trim().toLowerCase();

/** Every remembered number by lower-case address. */
export function recallPhones(office: OfficeAdapter, now = Date.now()): Map<string, string> {
  return new Map(Object.entries(read(office, now)).map(([address, [e164]]) => [address, e164]));
}

export async function rememberPhones(office: OfficeAdapter, used: ReadonlyArray<{ email: string; e164: string }>, now = Date.now()): Promise<void> {
  if (used.length === 0) return;
  const book = read(office, now);
  for (const { email, e164 } of used) if (E164.test(e164)) book[addressKey(email)] = [e164, now];
  const newestFirst = Object.entries(book).sort((a, b) => b[1][1] - a[1][1]);
  let kept = newestFirst.slice(0, PHONES_MAX_ENTRIES);
  while (kept.length > 0 && JSON.stringify(Object.fromEntries(kept)).length > PHONES_MAX_CHARS) kept = kept.slice(0, -1);
  await office.setRoaming(PHONES_KEY, Object.fromEntries(kept));
}
