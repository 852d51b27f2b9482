/**
 * Chunk lists by what the search filters test (`filterTests`, hybrid.ts), so a filtered question finds
 * its chunks directly instead of testing every chunk (at 1,000,000 chunks a year or meeting filter
 * tested every chunk's text up to three times: ~0.7 s a question). Each list is built once per index,
 * when a question first needs it, in one pass:
 *
 * - from the chunks' fields (no text read): chunks by the month-day of their date and named days, as
 *   `onDay` compares them, and by the year of their date and named full dates, as `inYear` does;
 * - from the chunks' texts, read once without keeping a stored body (`passingBodies`): chunks by a year
 *   written before 年 (`2019年`, `2019 年`), and chunks by the character before each 会 they print. A
 *   meeting a question names always ends in 会 or 会议 (question/filters.ts), so a chunk whose text
 *   prints the name prints that character pair;
 * - chunks by the meeting their article reports.
 *
 * Lists hold chunk positions, ascending.
 */
import type { Article, Chunk } from '../corpus/types.ts';
import { passingBodies } from '../index/article-store.ts';

/** What the lookups read of an index. */
export interface LookupIndex {
  readonly chunks: readonly Chunk[];
  readonly articleById: ReadonlyMap<string, Article>;
}

const EMPTY = new Uint32Array(0);
const HUI = 0x4f1a; // 会
const SPACE = 0x20;
const isDigit = (u: number) => u >= 0x30 && u <= 0x39;

/** Lists grown chunk by chunk (so ascending; a chunk added twice under one key is kept once). */
class Lists<K> {
  private readonly grown = new Map<K, number[]>();
  add(key: K, chunk: number): void {
    const list = this.grown.get(key);
    if (!list) this.grown.set(key, [chunk]);
    else if (list[list.length - 1] !== chunk) list.push(chunk);
  }
  done(): Map<K, Uint32Array> {
    const out = new Map<K, Uint32Array>();
    for (const [k, list] of this.grown) out.set(k, Uint32Array.from(list));
    return out;
  }
}

/**
 * Calls `year` for every four-digit year (no leading zero) written right before 年 or before ` 年`,
 * and `beforeHui` with the code point before every 会, within `text[from, to)`. The two characters
 * are found with `indexOf` (a per-character loop was ~2.5 s over 1,000,000 chunks).
 */
export function scanText(text: string, from: number, to: number, year: (y: number) => void, beforeHui: (cp: number) => void): void {
  const t = from === 0 && to === text.length ? text : text.slice(from, to);
  for (let p = t.indexOf('年'); p >= 0; p = t.indexOf('年', p + 1)) {
    yearEndingAt(t, p, year);
    if (p >= 1 && t.charCodeAt(p - 1) === SPACE) yearEndingAt(t, p - 1, year);
  }
  for (let p = t.indexOf('会', 1); p >= 0; p = t.indexOf('会', p + 1)) {
    const prev = t.charCodeAt(p - 1);
    beforeHui(prev);
    // A character outside the BMP (a surrogate pair) right before 会 is looked up by its code point.
    if (prev >= 0xdc00 && prev <= 0xdfff && p >= 2) {
      const cp = t.codePointAt(p - 2)!;
      if (cp > 0xffff) beforeHui(cp);
    }
  }
}

/** The four digits ending right before `end`, as a year, when there are four and the first is not 0. */
function yearEndingAt(text: string, end: number, year: (y: number) => void): void {
  if (end < 4) return;
  let y = 0;
  for (let p = end - 4; p < end; p++) {
    const u = text.charCodeAt(p);
    if (!isDigit(u)) return;
    y = y * 10 + (u - 0x30);
  }
  if (y >= 1000) year(y);
}

/** The code point before a 会 in `name`, for each 会 that has one. */
export function charsBeforeHui(name: string): number[] {
  const cps = Array.from(name, (c) => c.codePointAt(0)!);
  const out: number[] = [];
  for (let i = 1; i < cps.length; i++) if (cps[i] === HUI) out.push(cps[i - 1]);
  return out;
}

export class FilterLookups {
  private days?: Map<string, Uint32Array>;
  private years?: Map<string, Uint32Array>;
  private written?: Map<number, Uint32Array>;
  private hui?: Map<number, Uint32Array>;
  private meetingLists?: Map<string, Uint32Array>;

  private constructor(private readonly index: LookupIndex) {}

  /** The lookups of an index's chunk list, made once. */
  static of(index: LookupIndex): FilterLookups {
    let lookups = cache.get(index.chunks);
    if (!lookups) cache.set(index.chunks, (lookups = new FilterLookups(index)));
    return lookups;
  }

  /**
   * Builds now the lists a corpus's filters use (dated: days and years; years and meetings: the text
   * scan), so no question pays for them (at 1,000,000 chunks the text scan is ~1.3 s).
   */
  prepare(corpus: { dated: boolean; withMeetings: boolean }): void {
    if (corpus.dated) this.onMonthDay('');
    if (corpus.dated || corpus.withMeetings) this.beforeHui(0);
    if (corpus.withMeetings) this.meetings();
  }

  /** Chunks whose date's month-day (`date.slice(5)`) or a named day's last five characters are `monthDay`. */
  onMonthDay(monthDay: string): Uint32Array {
    if (!this.days) this.byFields();
    return this.days!.get(monthDay) ?? EMPTY;
  }

  /** Chunks whose date or a named full date (ten characters) begins with the four characters `year`. */
  datedIn(year: string): Uint32Array {
    if (!this.years) this.byFields();
    return this.years!.get(year) ?? EMPTY;
  }

  /** Chunks whose text prints the four-digit year `year` before 年 or ` 年`. */
  yearWritten(year: number): Uint32Array {
    if (!this.written) this.byTexts();
    return this.written!.get(year) ?? EMPTY;
  }

  /** Chunks whose text prints the character `cp` (a code point) right before 会. */
  beforeHui(cp: number): Uint32Array {
    if (!this.hui) this.byTexts();
    return this.hui!.get(cp) ?? EMPTY;
  }

  /** Chunks by the meeting their article reports (as stored, not in search form). */
  meetings(): ReadonlyMap<string, Uint32Array> {
    if (!this.meetingLists) {
      const lists = new Lists<string>();
      this.index.chunks.forEach((c, i) => c.meeting !== undefined && lists.add(c.meeting, i));
      this.meetingLists = lists.done();
    }
    return this.meetingLists;
  }

  private byFields(): void {
    const days = new Lists<string>();
    const years = new Lists<string>();
    this.index.chunks.forEach((c, i) => {
      if (c.date !== undefined) {
        days.add(c.date.slice(5), i);
        years.add(c.date.slice(0, 4), i);
      }
      for (const d of c.eventDates ?? []) {
        days.add(d.slice(-5), i);
        if (d.length === 10) years.add(d.slice(0, 4), i);
      }
    });
    this.days = days.done();
    this.years = years.done();
  }

  private byTexts(): void {
    const written = new Lists<number>();
    const hui = new Lists<number>();
    const bodyOf = passingBodies();
    const { chunks, articleById } = this.index;
    for (let i = 0; i < chunks.length; i++) {
      const c = chunks[i];
      const article = articleById.get(c.articleId);
      const body = article && bodyOf(article);
      const [text, from, to] = body !== undefined ? [body, c.start, c.end] : [c.text, 0, c.text.length];
      scanText(
        text,
        from,
        to,
        (y) => written.add(y, i),
        (cp) => hui.add(cp, i),
      );
    }
    this.written = written.done();
    this.hui = hui.done();
  }
}

const cache = new WeakMap<readonly Chunk[], FilterLookups>();
