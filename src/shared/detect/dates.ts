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

export interface FoundDate {
  start: number;
  end: number;
  /** 0 when the text has the shape of a date but names no real day. */
  year: number;
}

export const THIS_YEAR = new Date().getFullYear();
// The most days each month can have (29 for February: the year is not checked for a leap day).
const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The year of the date in `s[start, end)` (0 if it names no real day): day, month and year; year,
 * month and day (ISO); or day, month name and year, the name inside or (`month`, for "12, 1985")
 * in front. -1 when it is a day and a year without a month name. Read character by character:
 * most matches are in lists of dates, and a string per part would cost more than the search.
 */
function yearOf(s: string, start: number, end: number, month?: string): number {
  // The numbers in order (at most three) and their lengths; where a name starts and ends.
  let first = 0;
  let second = 0;
  let third = 0;
  let firstLength = 0;
  let secondLength = 0;
  let thirdLength = 0;
  let count = 0;
  let value = 0;
  let length = 0;
  let name = -1;
  let nameEnd = -1;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      value = value * 10 + c - 48;
      length++;
      const next = s.charCodeAt(i + 1);
      if (i + 1 < end && next >= 48 && next <= 57) continue;
      if (count === 0) {
        first = value;
        firstLength = length;
      } else if (count === 1) {
        second = value;
        secondLength = length;
      } else {
        third = value;
        thirdLength = length;
      }
      count++;
      value = 0;
      length = 0;
    } else if ((c | 32) >= 97 && (c | 32) <= 122) {
      if (name < 0) name = i;
      nameEnd = i + 1;
    }
  }
  if (name >= 0) month = s.slice(name, nameEnd);
  else if (count === 2 && !month) return -1;
  let day = first;
  let m = second;
  let year = third;
  let yearLength = thirdLength;
  if (month) {
    m = MONTHS.get(month.toLowerCase()) || 0;
    year = second;
    yearLength = secondLength;
  } else if (firstLength === 4) {
    day = third;
    year = first;
    yearLength = 4;
  }
  // Two-digit years ("geb. 12-3-85") belong to the last hundred years.
  if (yearLength === 2) year += THIS_YEAR - (THIS_YEAR % 100) - (year > THIS_YEAR % 100 ? 100 : 0);
  const days = DAYS[m - 1] || 0;
  return year < 1900 || year > 2099 || day < 1 || day > days ? 0 : year;
}

/** The first date-shaped text in `s` at or after `from` (a word boundary counts at its start), or null. */
export function nextDate(s: string, from: number): FoundDate | null {
  DATE.lastIndex = from;
  for (let m = DATE.exec(s); m; m = DATE.exec(s)) {
    const end = DATE.lastIndex;
    const year = yearOf(s, m.index, end);
    if (year >= 0) return { start: m.index, end, year };
    // A day and a year count only with the month name right before them, starting a word.
    const before = s.slice(Math.max(0, m.index - 12), m.index);
    const month = MONTH_BEFORE.exec(before);
    const start = m.index - before.length + (month ? month.index : 0);
    if (month && !(start > 0 && /\w/.test(s.charAt(start - 1)))) return { start, end, year: yearOf(s, m.index, end, month[1]) };
    // Not a date after all: go on right after where this one seemed to start.
    DATE.lastIndex = m.index + 1;
  }
  return null;
}
