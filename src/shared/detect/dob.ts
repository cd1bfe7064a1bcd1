import { fold } from './chars';
import { bit, CATEGORY } from './context';
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
const MONTH_NAMES = [
  'januari january jan', 'februari february feb', 'maart march mrt mar', 'april apr', 'mei may',
  'juni june jun', 'juli july jul', 'augustus august aug', 'september sep sept',
  'oktober october okt oct', 'november nov', 'december dec',
];
const MONTHS = new Map<string, number>();
MONTH_NAMES.forEach((names, i) => names.split(' ').forEach((name) => MONTHS.set(name, i + 1)));
const NAMES = [...MONTHS.keys()].sort((a, b) => b.length - a.length).join('|');

const DATE = new RegExp(
  `\\b(?:(\\d{1,2})([-/.])(\\d{1,2})\\2(\\d{4}|\\d{2})|(\\d{4})-(\\d{2})-(\\d{2})|(\\d{1,2})\\s{1,2}(${NAMES})\\.?\\s{1,2}(\\d{4})|(${NAMES})\\.?\\s{1,2}(\\d{1,2}),?\\s{1,2}(\\d{4}))\\b`,
);
const PARTICLES = new Set(['van', 'de', 'der', 'den', 'het', 'ter', 'ten', 'te', "'t", 'von', 'le', 'la', 'du']);

/** Between a form of address and the date: a few initials, capitalised names or particles, then `(` or `,`. */
function isNameThenDate(between: string): boolean {
  const trimmed = between.trim();
  const last = trimmed.charAt(trimmed.length - 1);
  if (last !== '(' && last !== ',') return false;
  const tokens = trimmed.slice(0, -1).split(/[ .:]+/).filter(Boolean);
  return tokens.length >= 1 && tokens.length <= 6 &&
    tokens.every((t) => PARTICLES.has(t) || /^[A-Z\u00c0-\u00de][^ ]*$/.test(t));
}

interface FoundDate {
  start: number;
  end: number;
  year: number;
}

const ANY_DATE = new RegExp(DATE.source, 'gi');
const THIS_YEAR = new Date().getFullYear();
const OLD_ENOUGH = THIS_YEAR - 12;
// How far after a birth label a list of dates may run.
const LIST_REACH = 2000;

function findDate(text: string, from: number, window: number): FoundDate | null {
  const slice = text.slice(from, from + window + 20);
  // Every date has digits; most labels ("mevrouw", "naam") are not followed by one.
  if (!/\d/.test(slice)) return null;
  const m = DATE.exec(fold(slice));
  return m && m.index <= window ? parseDate(m, from) : null;
}

/** Two-digit years ("geb. 12-3-85") belong to the last hundred years. */
function fullYear(digits: string): number {
  const y = Number(digits);
  if (digits.length === 4) return y;
  const century = THIS_YEAR - (THIS_YEAR % 100);
  return century + y > THIS_YEAR ? century - 100 + y : century + y;
}

function parseDate(m: RegExpExecArray, offset: number): FoundDate | null {
  const g = m.map((x) => (x ?? '').toLowerCase());
  let day: number, month: number, year: number;
  if (g[1]) [day, month, year] = [+g[1], +g[3]!, fullYear(g[4]!)];
  else if (g[5]) [year, month, day] = [+g[5], +g[6]!, +g[7]!];
  else if (g[8]) [day, month, year] = [+g[8], MONTHS.get(g[9]!) ?? 0, +g[10]!];
  else [month, day, year] = [MONTHS.get(g[11]!) ?? 0, +g[12]!, +g[13]!];
  const days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  if (year < 1900 || year > 2099 || day < 1 || day > days) return null;
  return { start: offset + m.index, end: offset + m.index + m[0].length, year };
}

export function detectBirthDates(ctx: TextContext, out: Hit[]): void {
  const hasBirthLabel = ctx.labels.has(bit(CATEGORY.birth));
  const seen = new Set<number>();
  const add = (date: FoundDate | null, confidence: Confidence): void => {
    if (!date || seen.has(date.start)) return;
    seen.add(date.start);
    out.push({ start: date.start, end: date.end, preview: maskDate(date.year), confidence });
  };
  if (hasBirthLabel) {
    for (const label of ctx.labels.positions(CATEGORY.birth)) add(findDate(ctx.text, label.end, 24), 'high');
  }
  if (ctx.labels.has(bit(CATEGORY.person))) {
    for (const label of ctx.labels.positions(CATEGORY.person)) {
      const date = findDate(ctx.text, label.end, 48);
      if (date && isNameThenDate(ctx.text.slice(label.end, date.start))) add(date, 'medium');
    }
  }
  if (hasBirthLabel) {
    // A list under a "Geboortedatum" header: dates in the stretch of text that follows a label.
    let covered = 0;
    for (const label of ctx.labels.positions(CATEGORY.birth)) {
      const from = Math.max(label.end, covered);
      covered = label.end + LIST_REACH;
      if (from >= covered) continue;
      const stretch = ctx.text.slice(from, covered);
      ANY_DATE.lastIndex = 0;
      for (let m = ANY_DATE.exec(stretch); m; m = ANY_DATE.exec(stretch)) {
        const date = parseDate(m, from);
        if (date) add(date, date.year <= OLD_ENOUGH ? 'medium' : 'low');
      }
    }
  }
  out.sort((a, b) => a.start - b.start);
}
