/**
 * Dates as the date-of-birth detector reads them: numeric with a two- or four-digit year
 * (`12-3-1985`, `12/03/85`, `12.03.1985`), ISO (`1985-03-12`), or with a Dutch or English month
 * name (`12 maart 1985`, `March 12, 1985`), 1900–2099, with a valid day.
 */
const MONTH_NAMES =
  'januari january jan,februari february feb,maart march mrt mar,april apr,mei may,juni june jun,' +
  'juli july jul,augustus august aug,september sep sept,oktober october okt oct,november nov,december dec';
const MONTHS = new Map<string, number>();
MONTH_NAMES.split(',').forEach((names, i) => names.split(' ').forEach((name) => MONTHS.set(name, i + 1)));
const NAMES = [...MONTHS.keys()].sort((a, b) => b.length - a.length).join('|');

// Every form starts with a digit except "March 12, 1985", which is found by its day and year and
// then the month name right before them: a search that starts at digits skips prose quickly, one
// that tries every month name at every word does not. No capture groups, which would each be a
// new string for every date: the three parts are read back from the match.
const DATE = new RegExp(
  `\\b(?:\\d{1,2}(?:-\\d{1,2}-|/\\d{1,2}/|\\.\\d{1,2}\\.)(?:\\d{4}|\\d{2})|\\d{4}-\\d{2}-\\d{2}|` +
    `\\d{1,2}\\s{1,2}(?:${NAMES})\\.?\\s{1,2}\\d{4}|\\d{1,2},?\\s{1,2}\\d{4})\\b`,
  'gi',
);
const MONTH_BEFORE = new RegExp(`(${NAMES})\\.?\\s{1,2}$`, 'i');
const PARTS = /\d+|[a-z]+/gi;

export interface FoundDate {
  start: number;
  end: number;
  /** 0 when the text has the shape of a date but names no real day. */
  year: number;
}

export const THIS_YEAR = new Date().getFullYear();

/**
 * The year of a date's text (0 if it names no real day): day, month and year; year, month and day
 * (ISO); or day, month name and year. `month` is the name in front of "12, 1985".
 */
function yearOf(date: string, month?: string): number {
  const p = date.match(PARTS)!;
  if (month) p.splice(1, 0, month);
  if (p[0]!.length === 4) p.reverse();
  const m = /\d/.test(p[1]!) ? +p[1]! : MONTHS.get(p[1]!.toLowerCase()) || 0;
  let year = +p[2]!;
  // Two-digit years ("geb. 12-3-85") belong to the last hundred years.
  if (p[2]!.length === 2) year += THIS_YEAR - (THIS_YEAR % 100) - (year > THIS_YEAR % 100 ? 100 : 0);
  const days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] || 0;
  return year < 1900 || year > 2099 || +p[0]! < 1 || +p[0]! > days ? 0 : year;
}

/** The first date-shaped text in `s` at or after `from` (a word boundary counts at its start), or null. */
export function nextDate(s: string, from: number): FoundDate | null {
  DATE.lastIndex = from;
  for (let m = DATE.exec(s); m; m = DATE.exec(s)) {
    const end = m.index + m[0].length;
    if (!/^\d+,?\s+\d+$/.test(m[0])) return { start: m.index, end, year: yearOf(m[0]) };
    // A day and a year count only with the month name right before them, starting a word.
    const before = s.slice(Math.max(0, m.index - 12), m.index);
    const month = MONTH_BEFORE.exec(before);
    const start = m.index - before.length + (month ? month.index : 0);
    if (month && !(start > 0 && /\w/.test(s.charAt(start - 1)))) return { start, end, year: yearOf(m[0], month[1]) };
    // Not a date after all: go on right after where this one seemed to start.
    DATE.lastIndex = m.index + 1;
  }
  return null;
}
