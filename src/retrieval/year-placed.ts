/**
 * Whether an article places a year a question names (1985年, in 1985): it is dated in that year,
 * prints it (1985, 一九八五, 一九八五年), or, dated, names it relative to its date (去年 in a 1986
 * report). An undated article that says 今年 or 去年 may mean any year, so it places every year: an
 * unknown year never refuses a question by itself.
 */
import { inYear, type Dated } from '../corpus/event-dates.ts';
import { CHINESE_DIGITS, parseChineseNumber } from '../text/numerals.ts';
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

export function placesYear(article: Dated, text: string, year: number): boolean {
  if (inYear(article, year) || printsYear(text, year)) return true;
  const own = article.date ? Number(article.date.slice(0, 4)) : undefined;
  return RELATIVE_YEAR_ROWS.some((r) => text.includes(r.word) && (own === undefined || own + r.offset === year));
}
