import { CATEGORY } from './context';
import { nextDate, THIS_YEAR, type FoundDate } from './dates';
import { maskDate } from './mask';
import type { Hit, TextContext } from './scan-context';
import type { Confidence } from './types';

/**
 * Dates of birth: a plausible date (1900–2099, numeric with a two- or four-digit year, ISO, or with
 * a Dutch or English month name)
 * shortly after a birth label ("geboortedatum", "geb.", "born", "DOB") is `high`; a date right
 * after a person's name introduced by a form of address ("Dhr. J. de Vries (12-03-1985)") is
 * `medium`. In the stretch after a birth label (a list under a "Geboortedatum" header), other
 * dates at least twelve years old are `medium` and recent ones `low`. Without any of these,
 * dates (invoices, appointments) are not reported.
 */
const PARTICLES = new Set("van de der den het ter ten te 't von le la du".split(' '));

/** Between a form of address and the date: a few initials, capitalised names or particles, then `(` or `,`. */
function isNameThenDate(between: string): boolean {
  const trimmed = between.trim();
  const last = trimmed.charAt(trimmed.length - 1);
  if (last !== '(' && last !== ',') return false;
  const tokens = trimmed.slice(0, -1).split(/[ .:]+/).filter(Boolean);
  return tokens.length >= 1 && tokens.length <= 6 &&
    tokens.every((t) => PARTICLES.has(t) || /^[A-Z\u00c0-\u00de][^ ]*$/.test(t));
}

const OLD_ENOUGH = THIS_YEAR - 12;
// How far after a birth label a list of dates may run.
const LIST_REACH = 2000;

/** The first date within `window` characters after `from`, if it is a valid one. */
function findDate(text: string, from: number, window: number): FoundDate | null {
  const slice = text.slice(from, from + window + 20);
  // Every date has digits; most labels ("mevrouw", "naam") are not followed by one.
  if (!/\d/.test(slice)) return null;
  const date = nextDate(slice, 0);
  return date && date.start <= window && date.year ? { start: from + date.start, end: from + date.end, year: date.year } : null;
}

export function detectBirthDates(ctx: TextContext, out: Hit[]): void {
  const seen = new Set<number>();
  const add = (date: FoundDate | null, confidence: Confidence): void => {
    if (!date || seen.has(date.start)) return;
    seen.add(date.start);
    out.push({ start: date.start, end: date.end, preview: maskDate(date.year), confidence });
  };
  const births = ctx.labels.endsOf(CATEGORY.birth);
  for (const end of births) add(findDate(ctx.text, end, 24), 'high');
  for (const end of ctx.labels.endsOf(CATEGORY.person)) {
    const date = findDate(ctx.text, end, 48);
    if (date && isNameThenDate(ctx.text.slice(end, date.start))) add(date, 'medium');
  }
  // A list under a "Geboortedatum" header: dates in the stretch of text that follows a label.
  let covered = 0;
  for (const end of births) {
    const from = Math.max(end, covered);
    covered = end + LIST_REACH;
    if (from >= covered) continue;
    const stretch = ctx.text.slice(from, covered);
    for (let date = nextDate(stretch, 0); date; date = nextDate(stretch, date.end)) {
      if (date.year) add({ start: from + date.start, end: from + date.end, year: date.year }, date.year <= OLD_ENOUGH ? 'medium' : 'low');
    }
  }
  out.sort((a, b) => a.start - b.start);
}
