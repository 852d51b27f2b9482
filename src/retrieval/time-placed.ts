/**
 * Whether an article places the time a question names. A year (1985年, in 1985) is placed when the
 * article is dated in it, prints it (1985, 一九八五年), or, dated, names it relative to its date (去年 in
 * a 1986 report); an undated article that says 今年 or 去年 may mean any year, so an unknown year never
 * refuses a question by itself. A month named without a day (9月份) is placed by the article's date,
 * a day its text names, or the month printed.
 */
import { inYear, type Dated } from '../corpus/event-dates.ts';
import { CHINESE_DIGITS, parseChineseNumber, toChineseNumber } from '../text/numerals.ts';
import { RELATIVE_YEAR_ROWS } from '../text/vocabulary/relative-years.ts';

/** A year written digit by digit in Chinese numerals (一九八五年, 二〇〇五年); 两 is never a year's digit. */
const CHINESE_YEAR = new RegExp(
  `[${Object.keys(CHINESE_DIGITS)
    .filter((c) => c !== '两' && c !== '兩')
    .join('')}]{3,4}(?=年)`,
  'g',
);

/** The year as printed: in digits not run into a longer number, or in Chinese numerals before 年. */
function printsYear(text: string, year: number): boolean {
  if (new RegExp(`(?<![0-9])${year}(?![0-9])`).test(text)) return true;
  for (const m of text.matchAll(CHINESE_YEAR)) if (parseChineseNumber(m[0]) === year) return true;
  return false;
}

/** Each month as printed, by its number: 9月, 09月, 九月 (not 19月 or 十九月). */
const MONTH_WRITTEN: readonly RegExp[] = Array.from({ length: 13 }, (_, m) => new RegExp(`(?<![0-9十])(?:0?${m}|${toChineseNumber(m)})月`));

/** A month printed, or the month of the article's date or of a day its text names. */
export function placesMonth(article: Dated, text: string, month: number): boolean {
  if (article.date !== undefined && Number(article.date.slice(5, 7)) === month) return true;
  if ((article.eventDates ?? []).some((d) => Number(d.slice(-5, -3)) === month)) return true;
  return MONTH_WRITTEN[month]?.test(text) ?? false;
}

export function placesYear(article: Dated, text: string, year: number): boolean {
  if (inYear(article, year) || printsYear(text, year)) return true;
  const own = article.date ? Number(article.date.slice(0, 4)) : undefined;
  return RELATIVE_YEAR_ROWS.some((r) => text.includes(r.word) && (own === undefined || own + r.offset === year));
}

/** How the evidence names the time a question names and no answering article places (1985年, 9月). */
export function unplacedTime(filters: { years?: number[]; months?: number[] }): string {
  return [...(filters.years ?? []).map((y) => `${y}年`), ...(filters.months ?? []).map((m) => `${m}月`)].join(' ');
}
