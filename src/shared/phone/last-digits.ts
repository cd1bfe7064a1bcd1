/**
 * The last `count` digits of an E.164 number, for "we sent a code to the number ending in 123".
 * Three digits tell the recipient which phone to pick up without revealing the number to
 * whoever holds the link, which is also why `count` is capped at 4. Anything that is not an
 * E.164 number gives an empty string, so that a malformed value can never leak through the hint.
 */
export function lastDigits(e164: string, count = 3): string {
  if (!/^\+[1-9]\d{6,14}$/.test(e164)) return '';
  const wanted = Math.max(0, Math.min(Math.trunc(count), 4));
  return wanted === 0 ? '' : e164.slice(-wanted);
}
