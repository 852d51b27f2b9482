/**
 * How chunks are stored: as [article position, start, end] triples, since a chunk's text, headline,
 * date and meeting all come from its article (`text` is `body.slice(start, end)`). At 100,000 chunks
 * this file is ~2 MB instead of 51 MB of JSON that took ~0.3 s to parse and held every text twice.
 */
import type { Article, Chunk } from '../corpus/types.ts';
import { bodyLength, StoredArticle } from './article-store.ts';

export type ChunkSpan = [article: number, start: number, end: number];

export function chunkSpans(articles: readonly Article[], chunks: readonly Chunk[]): ChunkSpan[] {
  const position = new Map(articles.map((a, i) => [a.id, i]));
  return chunks.map((c) => {
    const a = position.get(c.articleId);
    if (a === undefined) throw new Error(`chunk ${c.id} names an unknown article`);
    return [a, c.start, c.end];
  });
}

/**
 * A chunk cut from its article: it holds its article and span, and reads the rest from the article
 * (headline, date, named days, meeting, outlet); the text is sliced from the body when read and not
 * kept, so opening an index reads no body and a chunk keeps no body in memory (a stored article reads
 * its body on demand, src/index/article-store.ts). At 1,000,000 chunks the fields copied into each
 * chunk and its text kept once read held ~100 MB more, and every body any question read.
 */
class SpanChunk implements Chunk {
  #article: Article;
  #id: string | undefined;

  constructor(
    article: Article,
    readonly ordinal: number,
    readonly start: number,
    readonly end: number,
  ) {
    this.#article = article;
  }

  get id(): string {
    return (this.#id ??= `${this.#article.id}#${this.ordinal}`);
  }
  get articleId(): string {
    return this.#article.id;
  }
  get headline(): string {
    return this.#article.headline;
  }
  get date(): string | undefined {
    return this.#article.date;
  }
  /** The article's named days; undefined when it names none (as a built chunk). */
  get eventDates(): string[] | undefined {
    const days = this.#article.eventDates;
    return days?.length ? days : undefined;
  }
  get meeting(): string | undefined {
    return this.#article.meeting;
  }
  /** The article's outlet; undefined when empty (as a built chunk). */
  get outlet(): string | undefined {
    return this.#article.outlet || undefined;
  }
  get text(): string {
    return this.#article.body.slice(this.start, this.end);
  }

  /** Tells a stored article that this chunk, its first, is number `at` of its index's chunk list. */
  numberArticle(at: number): void {
    if (this.ordinal === 0 && this.#article instanceof StoredArticle) this.#article.firstChunk = at;
  }

  /** The plain chunk. */
  toJSON(): Chunk {
    const c: Chunk = {
      id: this.id,
      articleId: this.articleId,
      ordinal: this.ordinal,
      text: this.text,
      start: this.start,
      end: this.end,
      headline: this.headline,
    };
    if (this.date !== undefined) c.date = this.date;
    if (this.eventDates !== undefined) c.eventDates = this.eventDates;
    if (this.meeting !== undefined) c.meeting = this.meeting;
    if (this.outlet !== undefined) c.outlet = this.outlet;
    return c;
  }
}

/**
 * Tells each stored article of `chunks[from…]` the number of its first chunk in `chunks` (the index's
 * list): citations then find an article's chunks without a map of every article (~25 ms on the first
 * answer at 100,000 articles).
 */
export function numberFirstChunks(chunks: readonly Chunk[], from: number): void {
  for (let i = from; i < chunks.length; i++) {
    const c = chunks[i];
    if (c instanceof SpanChunk) c.numberArticle(i);
  }
}

/** The chunks back from their spans; throws a plain Error naming the first bad span. */
export function chunksFromSpans(articles: readonly Article[], spans: unknown): Chunk[] {
  if (!Array.isArray(spans)) throw new Error('not a list of chunk spans');
  const ordinals = new Uint32Array(articles.length);
  return spans.map((span: unknown, i) => {
    const [a, start, end] = Array.isArray(span) ? (span as number[]) : [];
    const article = Number.isInteger(a) ? articles[a] : undefined;
    if (!article || !Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > bodyLength(article)) {
      throw new Error(`chunk ${i} has a bad span ${JSON.stringify(span)}`);
    }
    return new SpanChunk(article, ordinals[a]++, start, end);
  });
}
