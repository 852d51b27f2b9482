/**
 * Whether an article places a year a question names (1985年, in 1985): it is dated in that year,
 * prints it (1985, 一九八五, 一九八五年), or, dated, names it relative to its date (去年 in a 1986
 * report). An undated article that says 今年 or 去年 may mean any year, so it places every year: an
 * unknown year never refuses a question by itself.
 */
import { inYear, type Dated } from '../corpus/event-dates.ts';
import { RELATIVE_YEAR_ROWS } from '../text/vocabulary/relative-years.ts';

const CHINESE_DIGIT_FORMS = ['〇一二三四五六七八九', '零一二三四五六七八九', '○一二三四五六七八九'];

/** The year as printed: in digits not run into a longer number, or digit by digit in Chinese numerals. */
function printsYear(text: string, year: number): boolean {
  const digits = String(year);
  if (new RegExp(`(?<![0-9])${digits}(?![0-9])`).test(text)) return true;
  return CHINESE_DIGIT_FORMS.some((forms) => text.includes([...digits].map((d) => forms[+d]).join('')));
}

export function placesYear(article: Dated, text: string, year: number): boolean {
  if (inYear(article, year) || printsYear(text, year)) return true;
  const own = article.date ? Number(article.date.slice(0, 4)) : undefined;
  return RELATIVE_YEAR_ROWS.some((r) => text.includes(r.word) && (own === undefined || own + r.offset === year));
}
