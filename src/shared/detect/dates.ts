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
// that tries every month name at every word does not.
const DATE = new RegExp(
  `\\b(?:(\\d{1,2})([-/.])(\\d{1,2})\\2(\\d{4}|\\d{2})|(\\d{4})-(\\d{2})-(\\d{2})|(\\d{1,2})\\s{1,2}(${NAMES})\\.?\\s{1,2}(\\d{4})|(\\d{1,2}),?\\s{1,2}(\\d{4}))\\b`,
  'gi',
);
const MONTH_BEFORE = new RegExp(`(${NAMES})\\.?\\s{1,2}$`, 'i');

export interface FoundDate {
  start: number;
  end: number;
  /** 0 when the text has the shape of a date but names no real day. */
  year: number;
}

export const THIS_YEAR = new Date().getFullYear();

/** Two-digit years ("geb. 12-3-85") belong to the last hundred years. */
function fullYear(digits: string): number {
  const y = Number(digits);
  if (digits.length === 4) return y;
  const century = THIS_YEAR - (THIS_YEAR % 100);
  return century + y > THIS_YEAR ? century - 100 + y : century + y;
}

function checked(day: number, month: string | number, year: number): number {
  const m = typeof month === 'number' ? month : MONTHS.get(month.toLowerCase()) ?? 0;
  const days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
  return year < 1900 || year > 2099 || day < 1 || day > days ? 0 : year;
}

/** The first date-shaped text in `s` at or after `from` (a word boundary counts at its start), or null. */
export function nextDate(s: string, from: number): FoundDate | null {
  DATE.lastIndex = from;
  for (let m = DATE.exec(s); m; m = DATE.exec(s)) {
    const end = m.index + m[0].length;
    if (m[1]) return { start: m.index, end, year: checked(+m[1], +m[3]!, fullYear(m[4]!)) };
    if (m[5]) return { start: m.index, end, year: checked(+m[7]!, +m[6]!, +m[5]) };
    if (m[8]) return { start: m.index, end, year: checked(+m[8], m[9]!, +m[10]!) };
    // A day and a year count only with the month name right before them, starting a word.
    const before = s.slice(Math.max(0, m.index - 12), m.index);
    const month = MONTH_BEFORE.exec(before);
    const start = m.index - before.length + (month ? month.index : 0);
    if (month && !(start > 0 && /\w/.test(s.charAt(start - 1)))) {
      return { start, end, year: checked(+m[11]!, month[1]!, +m[12]!) };
    }
    // Not a date after all: go on right after where this one seemed to start.
    DATE.lastIndex = m.index + 1;
  }
  return null;
}
