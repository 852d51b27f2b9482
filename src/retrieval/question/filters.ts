/** Dates, years and meeting names stated in a question: they restrict where the answer may come from. */
import { parseChineseNumber } from '../../text/numerals.ts';
import type { QuestionFilters } from './types.ts';

export interface FilterParse {
  filters: QuestionFilters;
  /** The question with the date and year expressions cut out (they are not content to search for). */
  rest: string;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAME =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
/** Rewrites Chinese-numeral dates in digits: 二〇二一年一月十二日 → 2021年1月12日 (not 哪一年 or 一天). */
function digitiseDates(text: string): string {
  const num = (m: string) => String(parseChineseNumber(m) ?? m);
  return text
    .replace(/[〇零一二三四五六七八九]{4}(?=年)/g, num)
    .replace(
      /([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})(?=[日号])/g,
      (_m, mo: string, d: string) => `${num(mo)}月${num(d)}`,
    );
}

/**
 * A year named in Chinese: four digits before 年 (not 1950年代 or 5678年前, not inside a larger
 * number such as 1亿1234万5678年), or fewer after 公元/西元 (公元380年).
 */
const NAMED_YEAR = /(?<![\d万亿.,])(?:(?:公元|西元)\s*(\d{1,4})|(\d{4}))\s*年(?![代前])/g;
/** Before 1000 only after 公元/西元: a bare 300年 is a span of years as often as a year. */
const namedYear = (y: number, era: boolean) => y <= 2100 && y >= (era ? 1 : 1000);

/** A month named without a day: 9月份, 10月, 十月 (not 9月18日, 3个月, 岁月). */
const NAMED_MONTH = /(?<![\d个])(\d{1,2}|十[一二]?|[一二三四五六七八九])月(?!\s*\d|[日号初底中])/gu;

const pad = (n: number) => String(n).padStart(2, '0');
const validDay = (m: number, d: number) => m >= 1 && m <= 12 && d >= 1 && d <= 31;
const validYear = (y: number) => y >= 1900 && y <= 2100;

export function parseFilters(normalised: string): FilterParse {
  let rest = digitiseDates(normalised);
  const filters: QuestionFilters = {};
  const years = new Set<number>();
  for (const m of rest.matchAll(NAMED_YEAR)) {
    const y = Number(m[1] ?? m[2]);
    if (namedYear(y, m[1] !== undefined)) years.add(y);
  }
  const setYear = (y: number) => {
    filters.year ??= y;
    years.add(y);
  };
  const setDate = (y: number | undefined, m: number, d: number): boolean => {
    if (!validDay(m, d) || (y !== undefined && !validYear(y))) return false;
    filters.monthDay ??= `${pad(m)}-${pad(d)}`;
    if (y !== undefined) {
      filters.date ??= `${y}-${pad(m)}-${pad(d)}`;
      setYear(y);
    }
    return true;
  };
  const cut = (pattern: RegExp, take: (m: RegExpExecArray) => boolean) => {
    rest = rest.replace(pattern, (...args) => {
      const match = args.slice(0, -2) as unknown as RegExpExecArray;
      return take(match) ? ' ' : (match[0] as string);
    });
  };

  cut(/(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?/g, (m) => setDate(+m[1], +m[2], +m[3]));
  cut(/\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b/g, (m) => setDate(+m[1], +m[2], +m[3]));
  cut(new RegExp(`\\b${MONTH_NAME}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b`, 'gi'), (m) =>
    setDate(m[3] ? +m[3] : undefined, MONTHS.indexOf(m[1].slice(0, 3).toLowerCase()) + 1, +m[2]),
  );
  cut(new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_NAME}(?:,?\\s+(\\d{4}))?\\b`, 'gi'), (m) =>
    setDate(m[3] ? +m[3] : undefined, MONTHS.indexOf(m[2].slice(0, 3).toLowerCase()) + 1, +m[1]),
  );
  cut(/(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/g, (m) => setDate(undefined, +m[1], +m[2]));
  cut(/(\d{4})\s*年(?!代)/g, (m) => {
    if (!validYear(+m[1])) return false;
    setYear(+m[1]);
    return true;
  });
  cut(/\b(?:in|of|during|since)\s+((?:19|20)\d{2})\b/gi, (m) => {
    setYear(+m[1]);
    return true;
  });
  // "the 2019 flood prevention meeting": a year used as a modifier.
  cut(/\b(?<=(?:the|a|an)\s+)((?:19|20)\d{2})(?=\s+[a-z])/gi, (m) => {
    setYear(+m[1]);
    return true;
  });
  if (years.size) filters.years = [...years];
  const months = new Set<number>();
  for (const m of rest.matchAll(NAMED_MONTH)) {
    const month = /\d/.test(m[1]) ? Number(m[1]) : parseChineseNumber(m[1]);
    if (month !== undefined && month >= 1 && month <= 12) months.add(month);
  }
  if (months.size) filters.months = [...months];

  // A meeting named before 上/中/期间: "在安委会上…", "全市安全生产工作会议上…".
  const meeting = /(?:^|在|于|[,;:"\s])([^\s,;:"?!。在于]{1,30}?(?:会议|会))(?:上|中|期间)/u.exec(rest);
  if (meeting) filters.meeting = meeting[1];

  return { filters, rest: rest.replace(/\s+/g, ' ').trim() };
}
