/**
 * Numbered citations: up to 3 excerpts around supporting passages, distinct articles preferred,
 * with the answer's words marked inside each excerpt.
 */
import type { Article } from '../corpus/types.ts';
import type { Chunk } from '../corpus/types.ts';
import { firstChunkIn } from '../index/article-store.ts';
import { excerptSpan, excerptText } from './excerpt.ts';
import type { Citation } from './types.ts';

export const MAX_CITATIONS = 3;

export interface Support {
  articleId: string;
  /** Offsets of the supporting span in the article body. */
  start: number;
  end: number;
  score: number;
}

/** [start, end) ranges of each needle's occurrences in `text`, merged and sorted. */
export function highlightRanges(text: string, needles: readonly string[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const n of needles) {
    if (!n) continue;
    for (let at = text.indexOf(n); at >= 0; at = text.indexOf(n, at + n.length)) ranges.push([at, at + n.length]);
  }
  return mergeRanges(ranges);
}

/** [start, end) ranges sorted and merged where they touch or overlap. */
export function mergeRanges(ranges: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  const merged: Array<[number, number]> = [];
  for (const r of [...ranges].sort((a, b) => a[0] - b[0])) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** Position of each article's first chunk, per chunk list (an index's chunks never change). */
const firstChunks = new WeakMap<readonly Chunk[], Map<string, number>>();

function firstChunkOf(chunks: readonly Chunk[], article: Article): number | undefined {
  // A loaded article knows it (index/chunk-spans.ts), when these are its index's chunks.
  const known = firstChunkIn(article);
  if (known !== undefined && chunks[known]?.articleId === article.id && chunks[known - 1]?.articleId !== article.id) return known;
  let first = firstChunks.get(chunks);
  if (!first) {
    first = new Map();
    for (let i = chunks.length - 1; i >= 0; i--) first.set(chunks[i].articleId, i);
    firstChunks.set(chunks, first);
  }
  return first.get(article.id);
}

/**
 * The chunk of `article` holding offset `at` (for the citation's chunk id). An article's chunks are
 * consecutive, so the search starts at its first one (a scan of every chunk cost ~15 ms a question
 * at 100,000 chunks).
 */
function chunkIdAt(chunks: readonly Chunk[], article: Article, at: number): string {
  const from = firstChunkOf(chunks, article);
  if (from !== undefined) {
    for (let i = from; i < chunks.length && chunks[i].articleId === article.id; i++) {
      if (chunks[i].start <= at && at < chunks[i].end) return chunks[i].id;
    }
  }
  return `${article.id}#0`;
}

export function makeCitation(
  n: number,
  article: Article,
  support: Support,
  highlightWords: readonly string[],
  chunks: readonly Chunk[],
): Citation {
  const span = excerptSpan(article.body, support.start, support.end);
  const { text } = excerptText(article.body, span);
  return {
    n,
    articleId: article.id,
    chunkId: chunkIdAt(chunks, article, support.start),
    headline: article.headline,
    ...(article.date ? { date: article.date } : {}),
    ...(article.meeting ? { meeting: article.meeting } : {}),
    ...(article.page !== undefined ? { source: article.source, page: article.page } : {}),
    excerpt: text,
    highlights: highlightRanges(text, highlightWords),
    score: Math.round(support.score * 1000) / 1000,
  };
}

/**
 * Picks up to `max` supports: the first as given, then the best of the rest from articles not yet
 * cited, then passages of cited articles whose excerpts would not overlap ones already chosen.
 * Supports scoring under `minShare` of the first are left out (they would not support anything).
 */
export function chooseSupports(
  ranked: readonly Support[],
  bodyOf: (articleId: string) => string,
  max = MAX_CITATIONS,
  minShare = 0.6,
): Support[] {
  if (!ranked.length) return [];
  const first = ranked[0];
  const chosen: Support[] = [first];
  const floor = first.score * minShare;
  const spans = new Map<string, Array<[number, number]>>();
  const span = (s: Support) => {
    const e = excerptSpan(bodyOf(s.articleId), s.start, s.end);
    return [e.start, e.end] as [number, number];
  };
  spans.set(first.articleId, [span(first)]);
  const rest = ranked.slice(1).filter((s) => s.score >= floor);
  for (const s of rest) {
    if (chosen.length >= max) break;
    if (!spans.has(s.articleId)) {
      chosen.push(s);
      spans.set(s.articleId, [span(s)]);
    }
  }
  for (const s of rest) {
    if (chosen.length >= max) break;
    if (chosen.includes(s)) continue;
    const mine = span(s);
    const taken = spans.get(s.articleId) ?? [];
    if (taken.some(([a, b]) => mine[0] < b && a < mine[1])) continue;
    chosen.push(s);
    taken.push(mine);
    spans.set(s.articleId, taken);
  }
  return chosen;
}
