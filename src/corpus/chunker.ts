/** Sentence-aware windows over an article body, sized to be cited as one excerpt. */
import type { Article, Chunk } from './types.ts';
import { splitSentences } from '../text/sentences.ts';

export interface ChunkOptions {
  /** A window stops growing once it reaches this many characters. */
  target?: number;
  /** A window never grows past this (a single longer sentence still forms its own window). */
  max?: number;
  /** Sentences repeated at the start of the next window, so an answer spanning a boundary stays whole. */
  overlapSentences?: number;
}

/** Chunk ordinals are 0-based; `text` is always `article.body.slice(start, end)`. */
export function chunkArticle(article: Article, opts: ChunkOptions = {}): Chunk[] {
  const target = opts.target ?? 200;
  const max = Math.max(opts.max ?? 300, target);
  const overlap = Math.max(0, opts.overlapSentences ?? 1);
  const body = article.body;
  const sents = splitSentences(body);
  const chunks: Chunk[] = [];
  let i = 0;
  while (i < sents.length) {
    let j = i;
    while (j + 1 < sents.length && sents[j].end - sents[i].start < target && sents[j + 1].end - sents[i].start <= max) j++;
    const start = sents[i].start;
    const end = sents[j].end;
    const ordinal = chunks.length;
    chunks.push({
      id: `${article.id}#${ordinal}`,
      articleId: article.id,
      ordinal,
      text: body.slice(start, end),
      start,
      end,
      headline: article.headline,
      date: article.date,
      ...(article.eventDates?.length ? { eventDates: article.eventDates } : {}),
      meeting: article.meeting,
      ...(article.outlet ? { outlet: article.outlet } : {}),
    });
    if (j + 1 >= sents.length) break;
    i = Math.max(i + 1, j + 1 - overlap);
  }
  return chunks;
}
