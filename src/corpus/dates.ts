/** Dates: normalising given dates, finding the printed month/day, and inferring a missing year. */
import { CHINESE_DIGITS, parseChineseNumber } from '../text/numerals.ts';

export function isoDate(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1800 || year > 2200) return undefined;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * `2021-01-12`, `2021/1/12`, `2021.1.12`, `2021年1月12日`, `二〇二一年一月十二日` (optionally with a time
 * after) → ISO, else undefined.
 */
export function normaliseDate(value: string): string | undefined {
  const m = /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?/.exec(value);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  const r = new RegExp(`^\\s*${ROC_DATE}`).exec(value);
  if (r) return isoDate(rocYear(r[1]), Number(r[2]), Number(r[3]));
  const h = new RegExp(`^\\s*${HAN_DATE}`).exec(value);
  return h ? hanDate(h[1], h[2], h[3]) : undefined;
}

/**
 * Taiwan's 民國 calendar: year 1 is 1912, so 民國110年 is 2021. Only a year printed with 民國 is read
 * so; a bare `110年` (as in 110年第3次區務會議) is left alone.
 */
export const ROC_YEAR = '(?:中華民國|中华民国|民國|民国)\\s*(\\d{1,3})\\s*年';
/** A full 民國 date (`中華民國110年10月6日`). Groups: 民國 year, month, day. */
export const ROC_DATE = `${ROC_YEAR}\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日`;

/** The Gregorian year of a 民國 year. */
export function rocYear(year: string | number): number {
  return Number(year) + 1911;
}

/**
 * A year's digits: the Chinese digits without 两 (never a digit of a year), and zero also as the
 * letter O a typeset or OCR'd year shows.
 */
const YEAR_DIGITS: Record<string, number> = Object.fromEntries([
  ...Object.entries(CHINESE_DIGITS).filter(([c]) => c !== '两' && c !== '兩'),
  ['O', 0],
  ['o', 0],
  ['Ο', 0],
]);

/**
 * A date in Chinese numerals (`二〇二一年一月十五日`, OCR spaces allowed): the year digit by digit, month
 * and day as numbers. Groups: year, month, day; read them with hanDate.
 */
export const HAN_DATE =
  '([〇零○OoΟ一二三四五六七八九](?:\\s*[〇零○OoΟ一二三四五六七八九]){3})\\s*年\\s*([一二三四五六七八九十](?:\\s*[一二])?)\\s*月\\s*([一二三四五六七八九十廿卅](?:\\s*[一二三四五六七八九十]){0,2})\\s*日';

/** The groups of a HAN_DATE match → ISO, else undefined. */
export function hanDate(year: string, month: string, day: string): string | undefined {
  const digits = [...year.replace(/\s+/g, '')].map((c) => YEAR_DIGITS[c]);
  if (digits.length !== 4 || digits.some((d) => d === undefined)) return undefined;
  const y = digits.reduce((acc, d) => acc * 10 + d, 0);
  const m = hanNumber(month.replace(/\s+/g, ''));
  const d = hanNumber(day.replace(/\s+/g, ''));
  return m === undefined || d === undefined ? undefined : isoDate(y, m, d);
}

/**
 * 一 … 三十九 (十五, 二十, 廿一, 卅一) → the number; undefined for anything else, digit-by-digit forms
 * (二一) included: a month or a day is printed with 十.
 */
export function hanNumber(text: string): number | undefined {
  const t = text.replace(/^廿/, '二十').replace(/^卅/, '三十');
  if (!/^(?:[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])$/.test(t)) return undefined;
  return parseChineseNumber(t);
}

/**
 * The date of month/day nearest to the issue date (ISO): a report printed on 2021-01-02 about
 * `12月30日` means 2020-12-30, one printed on 2020-12-30 announcing `1月5日` means 2021-01-05.
 */
export function dateNear(issue: string, month: number, day: number): string | undefined {
  const year = Number(issue.slice(0, 4));
  const at = Date.parse(issue);
  let best: string | undefined;
  let bestGap = Infinity;
  for (const y of [year, year - 1, year + 1]) {
    const iso = isoDate(y, month, day);
    if (!iso) continue;
    const gap = Math.abs(Date.parse(iso) - at);
    if (gap < bestGap) [best, bestGap] = [iso, gap];
  }
  return best;
}

export interface MonthDay {
  month: number;
  day: number;
  /** Printed right before the month (`2021年1月12日`). */
  year?: number;
}

/**
 * A 民國 date written in Chinese numerals, as Taiwan minutes print it (`中華民國一一二年五月十六日`, the year
 * digit by digit or as a number: 一百一十二). Groups: year, month, day.
 */
const ROC_HAN_DATE =
  /(?:中華民國|中华民国|民國|民国)\s*([〇零一二三四五六七八九十百]{2,5})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十廿卅]{1,3})\s*日/u;

function rocHanYear(year: string): number | undefined {
  const n = /[十百]/.test(year) ? parseChineseNumber(year) : Number([...year].map((c) => YEAR_DIGITS[c] ?? NaN).join(''));
  return n !== undefined && Number.isInteger(n) && n > 0 && n < 300 ? rocYear(n) : undefined;
}

/** The first `M月D日` in the text (spaces already removed), with its year when printed. */
export function findMonthDay(text: string): MonthDay | undefined {
  const re = new RegExp(`(?:(\\d{4})年|${ROC_YEAR})?(\\d{1,2})月(\\d{1,2})日`, 'g');
  let found: (MonthDay & { at: number }) | undefined;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const month = Number(m[3]);
    const day = Number(m[4]);
    const year = m[1] ? Number(m[1]) : m[2] ? rocYear(m[2]) : undefined;
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) {
      found = { month, day, year, at: m.index };
      break;
    }
  }
  const roc = ROC_HAN_DATE.exec(text);
  if (roc && (!found || roc.index < found.at)) {
    const [year, month, day] = [rocHanYear(roc[1]), hanNumber(roc[2]), hanNumber(roc[3])];
    if (year !== undefined && month !== undefined && day !== undefined && isoDate(year, month, day)) return { month, day, year };
  }
  return found && { month: found.month, day: found.day, year: found.year };
}

/**
 * The year a report was most plausibly written in, from the years it mentions: the latest year mentioned,
 * ignoring target years (`到2035年`, `至2025年`, `2035年远景目标`) since those lie in the future.
 * A January report reviews last year (`2020年`) and plans this one (`2021年度`), so the latest wins.
 */
export function inferYear(text: string): number | undefined {
  const re = /(截至|到|至|迄)?((?:19|20)\d{2})年(远景|遠景|前|底前|以前)?/g;
  let best: number | undefined;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if ((m[1] && m[1] !== '截至') || m[3]) continue;
    const y = Number(m[2]);
    if (best === undefined || y > best) best = y;
  }
  for (const m of text.matchAll(new RegExp(ROC_YEAR, 'g'))) {
    const y = rocYear(m[1]);
    if (best === undefined || y > best) best = y;
  }
  return best;
}
