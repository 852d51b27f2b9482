/**
 * The reporting period of statistics (一季度, 上半年, 前三季度, 1-9月, 全年): asked for the first three
 * quarters, a release of the first quarter reports another period, however well the rest matches.
 * Periods are compared by the months they cover, whatever words print them.
 */

import { parseChineseNumber } from '../../text/numerals.ts';

/** A quarter's number as printed (一 … 四, 两, 1 … 4). */
const quarter = (printed: string): number | undefined => parseChineseNumber(printed);

/** Each row: a way of printing a period, the months it covers, and an example. */
export const PERIOD_ROWS: ReadonlyArray<{ pattern: RegExp; months: (m: RegExpExecArray) => string; example: string }> = [
  { pattern: /前([二三两2-3])(?:个)?季度/g, months: (m) => `1-${(quarter(m[1]) ?? 2) * 3}`, example: '前三季度' },
  { pattern: /(?<![前第])([一二三四1-4])季度/g, months: (m) => `${quarter(m[1])! * 3 - 2}-${quarter(m[1])! * 3}`, example: '一季度' },
  { pattern: /第([一二三四1-4])季度/g, months: (m) => `${quarter(m[1])! * 3 - 2}-${quarter(m[1])! * 3}`, example: '第三季度' },
  { pattern: /上半年/g, months: () => '1-6', example: '上半年' },
  { pattern: /下半年/g, months: () => '7-12', example: '下半年' },
  { pattern: /(?<!\d)1\s*[-—–至~]\s*(\d{1,2})\s*月/g, months: (m) => `1-${Number(m[1])}`, example: '1-9月' },
  { pattern: /全年/g, months: () => '1-12', example: '全年' },
];

/** The periods a text names, as month spans ("1-9"). */
export function reportingPeriods(text: string): Set<string> {
  const out = new Set<string>();
  for (const row of PERIOD_ROWS) for (const m of text.matchAll(row.pattern)) out.add(row.months(m));
  return out;
}

/**
 * The periods the question names that the article does not, when the article names periods at all
 * (an article with none says nothing either way). `article` is its text in search form.
 */
export function conflictingPeriods(question: string, article: string): string[] {
  const asked = reportingPeriods(question);
  if (asked.size === 0) return [];
  const printed = reportingPeriods(article);
  if (printed.size === 0) return [];
  // 全年 is also how a report speaks of its targets: only a release printing no 全年 figure conflicts.
  return [...asked].filter((p) => !printed.has(p));
}
