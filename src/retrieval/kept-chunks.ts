/**
 * The chunks a question's filters keep, found from the filter lookups (filter-lookups.ts) instead of
 * testing every chunk: the same chunks as `chunkFilter` (hybrid.ts) keeps, in ascending order.
 *
 * Each filter gives a list of chunks: exact (a year: its lookups are the test itself; a meeting: its
 * three ways, each tested on the chunks that may meet it), or a superset whose members are tested (a
 * day: `onDay`'s month-day, then the day and the question's binding). The smallest list is walked and
 * each chunk checked against the others; only when no filter gives a list (an article alone, a
 * meeting with no 会 in its name) is every chunk tested.
 */
import type { Chunk } from '../corpus/types.ts';
import type { ChunkFilter } from '../index/types.ts';
import { HAN_RUNS } from '../text/han.ts';
import { charsBeforeHui, FilterLookups, type LookupIndex } from './filter-lookups.ts';
import type { FilterTests } from './hybrid.ts';

/** What the kept chunks are found from: the lookups' index and its BM25 postings (for headlines). */
export interface KeptIndex extends LookupIndex {
  lexicalPostings?(term: string): Uint32Array | undefined;
}

/** A filter's chunks: all of them (`exact`), or a superset whose members are tested. */
interface Candidates {
  list: Uint32Array;
  exact: boolean;
  test: (c: Chunk) => boolean;
}

/** The chunks `tests` keep (ascending), or undefined when nothing is filtered. */
export function keptChunks(tests: FilterTests, index: KeptIndex): Uint32Array | undefined {
  const all = Object.values(tests).map((t) => t.test);
  if (all.length === 0) return undefined;
  const { chunks } = index;
  const lookups = FilterLookups.of(index);
  const lists: Candidates[] = [];
  if (tests.day) lists.push({ list: lookups.onMonthDay(tests.day.monthDay), exact: false, test: tests.day.test });
  if (tests.year) {
    const y = String(tests.year.year);
    // Four-digit years (every year a question states: question/filters.ts) are what the lookups hold.
    if (y.length === 4)
      lists.push({ list: union([lookups.datedIn(y), lookups.yearWritten(tests.year.year)]), exact: true, test: tests.year.test });
  }
  if (tests.meeting) {
    const list = meetingChunks(tests.meeting, index, lookups);
    if (list) lists.push({ list, exact: true, test: tests.meeting.test });
  }
  if (lists.length === 0) {
    const out: number[] = [];
    for (let i = 0; i < chunks.length; i++) if (all.every((t) => t(chunks[i]))) out.push(i);
    return Uint32Array.from(out);
  }
  lists.sort((a, b) => a.list.length - b.list.length);
  const [walked, ...others] = lists;
  const listed = new Set(lists.map((l) => l.test));
  const unlisted = all.filter((t) => !listed.has(t));
  const out: number[] = [];
  for (const i of walked.list) {
    const c = chunks[i];
    if (!walked.exact && !walked.test(c)) continue;
    if (!others.every((o) => has(o.list, i) && (o.exact || o.test(c)))) continue;
    if (unlisted.every((t) => t(c))) out.push(i);
  }
  return Uint32Array.from(out);
}

/**
 * The chunks that meet the meeting test, each of its three ways tested only on the chunks that may
 * meet it; undefined when the lookups cannot tell (no 会 with a character before it in the name, no
 * postings, no Han character in it).
 */
function meetingChunks(meeting: NonNullable<FilterTests['meeting']>, index: KeptIndex, lookups: FilterLookups): Uint32Array | undefined {
  const { name } = meeting;
  const { chunks } = index;
  // The text prints the name, so each character pair ending in one of its 会: the rarest pair's chunks.
  const pairs = charsBeforeHui(name).map((cp) => lookups.beforeHui(cp));
  const han = name.match(HAN_RUNS)?.flatMap((run) => Array.from(run)) ?? [];
  if (pairs.length === 0 || !index.lexicalPostings || han.length === 0) return undefined;
  const inText = pairs.reduce((a, b) => (b.length < a.length ? b : a)).filter((i) => meeting.byText(chunks[i]));
  // A headline naming the meeting holds each of its characters (in order, or as written). A chunk's
  // search text begins with its headline's search form and every Han character of it is a BM25
  // term: the chunks whose terms include every Han character of the name.
  const postings = [...new Set(han)].map((ch) => index.lexicalPostings!(ch) ?? new Uint32Array(0));
  const inHeadline = intersect(postings).filter((i) => meeting.byHeadline(chunks[i]));
  // The article's meeting: the chunks of each meeting name that names it.
  const ofMeetings: Uint32Array[] = [];
  for (const list of lookups.meetings().values()) if (meeting.byMeeting(chunks[list[0]])) ofMeetings.push(list);
  return union([inText, inHeadline, ...ofMeetings]);
}

/** Whether the ascending `list` holds `x`. */
function has(list: Uint32Array, x: number): boolean {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo < list.length && list[lo] === x;
}

/** The chunks in every (ascending) list, ascending: the shortest list walked, the others searched. */
function intersect(lists: Uint32Array[]): Uint32Array {
  const [first, ...rest] = [...lists].sort((a, b) => a.length - b.length);
  return first.filter((x) => rest.every((l) => has(l, x)));
}

/** The chunks in any of the (ascending) lists, ascending, each once. */
function union(lists: Uint32Array[]): Uint32Array {
  const nonEmpty = lists.filter((l) => l.length > 0);
  if (nonEmpty.length === 0) return new Uint32Array(0);
  if (nonEmpty.length === 1) return nonEmpty[0];
  let total = 0;
  for (const l of nonEmpty) total += l.length;
  const all = new Uint32Array(total);
  let at = 0;
  for (const l of nonEmpty) {
    all.set(l, at);
    at += l.length;
  }
  all.sort();
  let n = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[n++] = all[i];
  return all.subarray(0, n);
}

/** A filter keeping the chunks `kept` (ascending) of an index of `size` chunks, carrying its list. */
export function keptFilter(kept: Uint32Array, size: number): ChunkFilter {
  const member = new Uint8Array(size);
  for (const c of kept) member[c] = 1;
  return Object.assign((chunk: number) => member[chunk] === 1, { kept });
}
