/**
 * The days a report's text names, as it prints them: `12月6日`, `2021年5月21日上午`, `民國110年4月13日`,
 * `5日晚` (day 5 of the month in context), `今(15)日`, and 昨天/昨日/今天/今日/前天/明日 read against
 * the issue date. The day of an event, the issue (publication) date and an unknown year are different
 * facts: `Article.date` stays what it was, these are the days the text itself names. A day whose year
 * nothing settles (no year printed, no issue date, no year the text mentions) is kept as `MM-DD`, so a
 * question naming a full date still matches it on month and day.
 * 日前/近日 ("recently") name no day: they add nothing (the issue date, when known, is `Article.date`).
 */
import { HAN_DATE, ROC_YEAR, dateNear, hanDate, hanNumber, isoDate, rocYear } from './dates.ts';

export interface TextDatesOptions {
  /** The issue date (ISO): gives the year to a bare 月日 and anchors 昨日/今日/今(15)日. */
  issue?: string;
  /**
   * The article's own date (ISO; its year printed, or inferred from the years the text mentions), for
   * the year of a bare 月日 when there is no issue date. Relative days are never read against it: it
   * may be the event's day rather than the issue's.
   */
  articleDate?: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const validDay = (m: number, d: number) => m >= 1 && m <= 12 && d >= 1 && d <= 31 && isoDate(2000, m, d) !== undefined;

/** Days relative to the issue date. */
const RELATIVE: Record<string, number> = { 前天: -2, 前日: -2, 昨天: -1, 昨日: -1, 今天: 0, 今日: 0, 明天: 1, 明日: 1 };

function shift(iso: string, days: number): string {
  const d = new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86400000);
  return d.toISOString().slice(0, 10);
}

/** A span of consecutive days (`5月26日至5月31日`), when short enough to be one event's days. */
const MAX_RANGE_DAYS = 10;

/**
 * The days `text` names: ISO `YYYY-MM-DD` when the year is printed or read from the issue date,
 * else `MM-DD`; sorted, each once.
 */
export function textDates(text: string, opts: TextDatesOptions = {}): string[] {
  const t = text.replace(/[\s\u3000]+/g, '');
  const anchor = opts.issue ?? opts.articleDate;
  const out = new Set<string>();
  /** Month and day, with a printed year when there is one. Returns the month for day-only mentions after it. */
  const add = (year: number | undefined, m: number, d: number): void => {
    if (!validDay(m, d)) return;
    if (year !== undefined) {
      const iso = isoDate(year, m, d);
      if (iso) out.add(iso);
      return;
    }
    out.add(anchor ? (dateNear(anchor, m, d) ?? `${pad(m)}-${pad(d)}`) : `${pad(m)}-${pad(d)}`);
  };

  // Every 月日 with its position, so a later bare `5日晚` can take the month in context.
  const mentions: Array<{ at: number; month: number }> = [];
  const yearDay = new RegExp(
    `(?:(\\d{4})年|${ROC_YEAR}|(\\d{3})年)?(\\d{1,2})月(\\d{1,2})[日号](?:(?:至|到|—|-|~|－)(?:(\\d{1,2})月)?(\\d{1,2})[日号])?`,
    'g',
  );
  for (const m of t.matchAll(yearDay)) {
    const year = m[1] ? Number(m[1]) : m[2] ? rocYear(m[2]) : m[3] && Number(m[3]) >= 100 ? rocYear(m[3]) : undefined;
    const month = Number(m[4]);
    const day = Number(m[5]);
    if (!validDay(month, day)) continue;
    mentions.push({ at: m.index, month });
    add(year, month, day);
    if (m[7]) {
      // A range: every day from the first to the last, when it is a short one.
      const endMonth = m[6] ? Number(m[6]) : month;
      const endDay = Number(m[7]);
      if (!validDay(endMonth, endDay)) continue;
      const y = year ?? 2001; // a non-leap year only for counting; `add` settles the real year
      const from = Date.parse(`${isoDate(y, month, day)}T00:00:00Z`);
      const to = Date.parse(`${isoDate(endMonth < month ? y + 1 : y, endMonth, endDay) ?? ''}T00:00:00Z`);
      const span = (to - from) / 86400000;
      if (!(span > 0 && span <= MAX_RANGE_DAYS)) {
        add(year, endMonth, endDay);
        continue;
      }
      for (let k = 1; k <= span; k++) {
        const iso = shift(isoDate(y, month, day)!, k);
        add(year === undefined ? undefined : year + Number(iso.slice(0, 4)) - y, Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
      }
    }
  }
  // Dates in Chinese numerals: 二〇二一年一月十五日, 十二月六日.
  for (const m of t.matchAll(new RegExp(HAN_DATE, 'g'))) {
    const iso = hanDate(m[1], m[2], m[3]);
    if (iso) {
      out.add(iso);
      mentions.push({ at: m.index, month: Number(iso.slice(5, 7)) });
    }
  }
  for (const m of t.matchAll(/(?<![〇零○一二三四五六七八九十年])([一二三四五六七八九十]{1,3})月([一二三四五六七八九十廿卅]{1,3})日/g)) {
    const month = hanNumber(m[1]);
    const day = hanNumber(m[2]);
    if (month === undefined || day === undefined || !validDay(month, day)) continue;
    mentions.push({ at: m.index, month });
    add(undefined, month, day);
  }
  mentions.sort((a, b) => a.at - b.at);

  const dayInMonth = (day: number, at: number): void => {
    if (opts.issue) {
      const [y, mo] = [Number(opts.issue.slice(0, 4)), Number(opts.issue.slice(5, 7))];
      // The day nearest the issue date: `30日` in an issue of the 2nd is last month's.
      const candidates = [
        isoDate(y, mo, day),
        mo === 1 ? isoDate(y - 1, 12, day) : isoDate(y, mo - 1, day),
        mo === 12 ? isoDate(y + 1, 1, day) : isoDate(y, mo + 1, day),
      ];
      const at0 = Date.parse(opts.issue);
      let best: string | undefined;
      for (const c of candidates) if (c && (!best || Math.abs(Date.parse(c) - at0) < Math.abs(Date.parse(best) - at0))) best = c;
      if (best) out.add(best);
      return;
    }
    const before = mentions.filter((x) => x.at < at).pop() ?? mentions[0];
    if (before) add(undefined, before.month, day);
  };

  // 昨日/今日 (optionally with the day printed: 今(15)日, 今日（15日）, 今天(30日)).
  const relative = /(前天|前日|昨天|昨日|今天|今日|明天|明日)(?:[(（](\d{1,2})日?[)）])?|([昨今明])[(（](\d{1,2})[)）]日/g;
  for (const m of t.matchAll(relative)) {
    const word = m[1] ?? (m[3] === '昨' ? '昨日' : m[3] === '明' ? '明日' : '今日');
    const printedDay = m[2] ?? m[4];
    if (opts.issue) {
      const iso = shift(opts.issue, RELATIVE[word]);
      // A printed day that disagrees with the issue date wins: the issue date may be the web page's, not the event's.
      if (printedDay && Number(printedDay) !== Number(iso.slice(8))) dayInMonth(Number(printedDay), m.index);
      else out.add(iso);
    } else if (printedDay) dayInMonth(Number(printedDay), m.index);
  }

  // `5日晚`, `24日下午`: a day of the month in context (the issue month, else the last month named before it).
  for (const m of t.matchAll(/(?<![\d月年(（])(\d{1,2})日(?=上午|下午|晚|早上|早晨|中午|凌晨|夜)/g)) dayInMonth(Number(m[1]), m.index);

  return [...out].sort();
}

/** An article's or chunk's days: its date and the days its text names. */
export interface Dated {
  date?: string;
  eventDates?: readonly string[];
}

/**
 * Whether the item is about the day asked: its date, or a day its text names. A full date asked
 * matches a yearless day on month and day (an unknown year never rules it out); a day with a
 * known, different year does not match.
 */
export function onDay(item: Dated, asked: { date?: string; monthDay?: string }): boolean {
  const md = asked.date ? asked.date.slice(5) : asked.monthDay;
  if (!md) return false;
  if (asked.date) {
    if (item.date === asked.date) return true;
    return (item.eventDates ?? []).some((d) => d === asked.date || d === md);
  }
  if (item.date?.slice(5) === md) return true;
  return (item.eventDates ?? []).some((d) => d.slice(-5) === md);
}

/** Whether the item's date or a full date its text names falls in `year`. */
export function inYear(item: Dated, year: number): boolean {
  const y = String(year);
  return item.date?.startsWith(y) === true || (item.eventDates ?? []).some((d) => d.length === 10 && d.startsWith(y));
}

/**
 * Whether the item meets the question's year: by its date, a full date its text names, or, for a full
 * date asked, the day itself whose year is unknown (an unknown year never refuses by itself). True when
 * no year is asked.
 */
export function meetsYear(item: Dated, asked: { date?: string; monthDay?: string; year?: number }): boolean {
  if (asked.year === undefined) return true;
  return inYear(item, asked.year) || (asked.date !== undefined && onDay(item, asked));
}
