/**
 * Hybrid search: the question's dense vector and its BM25 terms, each searched over the chunks
 * allowed by the question's filters, fused, overlapping chunks collapsed.
 */
import { inYear, onDay } from '../corpus/event-dates.ts';
import type { Article, Chunk } from '../corpus/types.ts';
import { articleBinds, dayBinding, knownPeople } from './day-binding.ts';
import type { LexicalQuery, ReportIndex } from '../index/types.ts';
import { collapseOverlaps, reciprocalRankFusion, scoreFusion, type FusedHit } from './fusion.ts';
import { keptChunks, keptFilter } from './kept-chunks.ts';
import { namesMeeting } from './question/meeting-name.ts';
import type { QuestionFilters } from './question/types.ts';
import { toSearchForm } from '../text/search-form.ts';

export type FusionMethod = 'rrf' | 'score';

export interface HybridOptions {
  /** Hits taken from each list before fusing. */
  depth: number;
  fusion: FusionMethod;
  /** Weights of [dense, bm25]. */
  weights: [number, number];
}

export const DEFAULT_HYBRID: HybridOptions = { depth: 30, fusion: 'score', weights: [1, 1] };

export interface HybridResult {
  hits: FusedHit[];
  /** False when the question's filters matched no chunk (the reports do not cover that date/meeting). */
  filterSatisfied: boolean;
  /** True when no report names the question's meeting, so the search went on without that filter. */
  meetingDropped: boolean;
  timings: { embed: number; dense: number; bm25: number; fuse: number };
}

/** The tests a question's filters make of a chunk (all must hold), by what each tests. */
export interface FilterTests {
  /** The day asked (month-day `MM-DD`), with what the question binds to that day. */
  day?: { monthDay: string; test: (c: Chunk) => boolean };
  /** A year asked without a full date. */
  year?: { year: number; test: (c: Chunk) => boolean };
  /** A meeting asked (search form): met by the article's meeting, the headline or the text (`test`: any of them). */
  meeting?: {
    name: string;
    test: (c: Chunk) => boolean;
    byMeeting: (c: Chunk) => boolean;
    byHeadline: (c: Chunk) => boolean;
    byText: (c: Chunk) => boolean;
  };
  /** The article a conversation is about. */
  article?: { test: (c: Chunk) => boolean };
}

/**
 * The tests of a chunk filter from the question's filters. A day is met by the article's date or by a
 * day its text names (a page dated the 10th reporting a meeting on the 6th; a page with no year); a
 * full date asked is met by a yearless day on month and day, and then needs no separate year test. A
 * year alone counts as met by the article's date, a full date its text names, or the year being
 * written in the chunk (a 2021 report about 2020's work); meetings by metadata, headline or text.
 * Filters are ignored for corpora without the metadata (no dated article: nothing to filter on).
 */
export function filterTests(
  filters: QuestionFilters,
  chunks: readonly Chunk[],
  corpus: { dated: boolean; withMeetings: boolean },
  question?: { text: string; articles: readonly Article[]; articleById: ReadonlyMap<string, Article> },
): FilterTests {
  const tests: FilterTests = {};
  if (corpus.dated) {
    const md = filters.date ? filters.date.slice(5) : filters.monthDay;
    // The meeting or people the question puts on that day must be the report's of that day (day-binding.ts).
    const binding = md && question ? dayBinding(question.text, knownPeople(question.articles)) : undefined;
    const binds = new Map<string, boolean>();
    const bound = (c: Chunk): boolean => {
      if (!binding || !md) return true;
      let ok = binds.get(c.articleId);
      if (ok === undefined) {
        const article = question!.articleById.get(c.articleId);
        ok = article === undefined || articleBinds(article, md, binding);
        binds.set(c.articleId, ok);
      }
      return ok;
    };
    if (md) tests.day = { monthDay: md, test: (c) => onDay(c, filters) && bound(c) };
    if (filters.year !== undefined && !filters.date) {
      const year = filters.year;
      const y = String(year);
      tests.year = { year, test: (c) => inYear(c, year) || c.text.includes(`${y}年`) || c.text.includes(`${y} 年`) };
    }
  }
  if (corpus.withMeetings && filters.meeting) {
    const m = filters.meeting;
    // The question is in search form (simplified); a traditional headline (市務會議) must match it too.
    const form = searchForms(chunks);
    const byMeeting = (c: Chunk) => namesMeeting(form(c.meeting ?? ''), m);
    const byHeadline = (c: Chunk) => namesMeeting(form(c.headline), m);
    const byText = (c: Chunk) => c.text.includes(m);
    tests.meeting = { name: m, test: (c) => byMeeting(c) || byHeadline(c) || byText(c), byMeeting, byHeadline, byText };
  }
  if (filters.articleId) {
    const id = filters.articleId;
    tests.article = { test: (c) => c.articleId === id };
  }
  return tests;
}

/** The chunk filter of `filterTests`, as a test of a chunk's position; undefined when nothing is filtered. */
export function chunkFilter(
  filters: QuestionFilters,
  chunks: readonly Chunk[],
  corpus: { dated: boolean; withMeetings: boolean },
  question?: { text: string; articles: readonly Article[]; articleById: ReadonlyMap<string, Article> },
): ((i: number) => boolean) | undefined {
  const tests = Object.values(filterTests(filters, chunks, corpus, question)).map((t) => t.test);
  if (tests.length === 0) return undefined;
  return (i) => tests.every((t) => t(chunks[i]));
}

const formCache = new WeakMap<readonly Chunk[], Map<string, string>>();

/** Search forms of the headlines and meeting names of an index's chunks, each converted once. */
export function searchForms(chunks: readonly Chunk[]): (s: string) => string {
  let cache = formCache.get(chunks);
  if (!cache) formCache.set(chunks, (cache = new Map()));
  const forms = cache;
  return (s) => {
    let f = forms.get(s);
    if (f === undefined) forms.set(s, (f = toSearchForm(s)));
    return f;
  };
}

export async function hybridSearch(
  index: ReportIndex,
  query: { text: string; filters: QuestionFilters; lexical?: string | LexicalQuery },
  corpus: { dated: boolean; withMeetings: boolean },
  opts: HybridOptions = DEFAULT_HYBRID,
): Promise<HybridResult> {
  const question = { text: query.text, articles: index.articles, articleById: index.articleById };
  // The kept chunks are listed from lookups (kept-chunks.ts): no filter tests every chunk.
  const keptBy = (filters: QuestionFilters) => keptChunks(filterTests(filters, index.chunks, corpus, question), index);
  let kept = keptBy(query.filters);
  let filterSatisfied = kept === undefined || kept.length > 0;
  let meetingDropped = false;
  if (!filterSatisfied && query.filters.meeting) {
    meetingDropped = true;
    // A meeting is often named differently, or only in a body the lead does not name it in: when
    // no report names it, the search goes on without it (the date and year filters still hold, and
    // coverage decides whether anything answers, the engine's facts about other meetings do not).
    // Measured: drcd-dev false abstention 0.8% → 0.3% once its encyclopedia leads yielded meetings.
    kept = keptBy({ ...query.filters, meeting: undefined });
    filterSatisfied = kept === undefined || kept.length > 0;
  }
  let t = performance.now();
  const [vector] = await index.embedder.embed([query.text], 'query');
  const embed = performance.now() - t;
  t = performance.now();
  // A filter nothing meets is dropped: the hits then only serve as related articles.
  const active = filterSatisfied && kept ? keptFilter(kept, index.chunks.length) : undefined;
  // The dense search is started first: a search thread walks its graphs while BM25 runs here.
  const finishDense = index.beginDenseSearch?.(vector, opts.depth, active);
  let denseMs = performance.now() - t;
  t = performance.now();
  const lexical = index.lexicalSearch(query.lexical ?? query.text, opts.depth, active);
  const bm25 = performance.now() - t;
  t = performance.now();
  const dense = finishDense ? finishDense() : index.denseSearch(vector, opts.depth, active);
  denseMs += performance.now() - t;
  t = performance.now();
  const lists = [dense, lexical];
  const fused = opts.fusion === 'rrf' ? reciprocalRankFusion(lists, 60, opts.weights) : scoreFusion(lists, opts.weights);
  const hits = collapseOverlaps(fused, (i) => index.chunks[i]);
  const fuse = performance.now() - t;
  return { hits, filterSatisfied, meetingDropped, timings: { embed, dense: denseMs, bm25, fuse } };
}
