/**
 * Masked previews: enough for the sender to recognise which number was meant, never enough to
 * reconstruct it. Every detector builds its preview here so the rules live in one place.
 */

/** Keeps `head` leading and `tail` trailing characters of `value` and stars the rest. */
export function maskMiddle(value: string, head: number, tail: number): string {
  if (value.length <= head + tail) return '*'.repeat(value.length);
  return value.slice(0, head) + '*'.repeat(value.length - head - tail) + value.slice(value.length - tail);
}

/** Only the characters that carry the value: digits and letters, upper case. */
export function compact(value: string): string {
  return value.replace(/[^0-9A-Za-z]/g, '').toUpperCase();
}

/** `111222333` → `1112*****` (the first four digits, as the example shows). */
export function maskBsn(digits: string): string {
  return maskMiddle(digits, 4, 0);
}

/** `NL91ABNA0417164300` → `NL91 **** **** 4300`: the length is not revealed. */
export function maskIban(iban: string): string {
  return `${iban.slice(0, 4)} **** **** ${iban.slice(-4)}`;
}

/** `4111111111111111` → `4111 **** **** 1111`: fewer digits than PCI DSS allows to show (the IBAN form). */
export const maskCard: (digits: string) => string = maskIban;

/** `+31612345678` → `+31*******78`; national numbers keep their first two digits. */
export function maskPhone(digits: string, international: boolean): string {
  return (international ? '+' : '') + maskMiddle(digits, 2, 2);
}

/** `NW4KJ8L12` → `NW******2`. */
export function maskDocument(value: string): string {
  return maskMiddle(value, 2, 1);
}

/** Keeps only the year: `**-**-1985`. */
export function maskDate(year: number): string {
  return `**-**-${year}`;
}

/** Custom patterns match anything, so their previews show one character at each end at most. */
export function maskCustom(value: string): string {
  if (value.length < 6) return '*'.repeat(value.length);
  return value.charAt(0) + '*'.repeat(Math.min(value.length - 2, 10)) + value.charAt(value.length - 1);
}
