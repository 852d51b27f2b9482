/**
 * How chunks are stored: as [article position, start, end] triples, since a chunk's text, headline,
 * date and meeting all come from its article (`text` is `body.slice(start, end)`). At 100,000 chunks
 * this file is ~2 MB instead of 51 MB of JSON that took ~0.3 s to parse and held every text twice.
 */
import type { Article, Chunk } from '../corpus/types.ts';

export type ChunkSpan = [article: number, start: number, end: number];

export function chunkSpans(articles: readonly Article[], chunks: readonly Chunk[]): ChunkSpan[] {
  const position = new Map(articles.map((a, i) => [a.id, i]));
  return chunks.map((c) => {
    const a = position.get(c.articleId);
    if (a === undefined) throw new Error(`chunk ${c.id} names an unknown article`);
    return [a, c.start, c.end];
  });
}

/** The chunks back from their spans; throws a plain Error naming the first bad span. */
export function chunksFromSpans(articles: readonly Article[], spans: unknown): Chunk[] {
  if (!Array.isArray(spans)) throw new Error('not a list of chunk spans');
  const ordinals = new Uint32Array(articles.length);
  return spans.map((span: unknown, i) => {
    const [a, start, end] = Array.isArray(span) ? (span as number[]) : [];
    const article = Number.isInteger(a) ? articles[a] : undefined;
    if (!article || !Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > article.body.length) {
      throw new Error(`chunk ${i} has a bad span ${JSON.stringify(span)}`);
    }
    const ordinal = ordinals[a]++;
    // Optional fields assigned, not spread: no throw-away objects (100,000 chunks at every start).
    const chunk: Chunk = {
      id: `${article.id}#${ordinal}`,
      articleId: article.id,
      ordinal,
      text: article.body.slice(start, end),
      start,
      end,
      headline: article.headline,
    };
    if (article.date !== undefined) chunk.date = article.date;
    if (article.eventDates?.length) chunk.eventDates = article.eventDates;
    if (article.meeting !== undefined) chunk.meeting = article.meeting;
    if (article.outlet) chunk.outlet = article.outlet;
    return chunk;
  });
}
