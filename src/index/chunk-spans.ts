/**
 * How chunks are stored: as [article position, start, end] triples, since a chunk's text, headline,
 * date and meeting all come from its article (`text` is `body.slice(start, end)`). At 100,000 chunks
 * this file is ~2 MB instead of 51 MB of JSON that took ~0.3 s to parse and held every text twice.
 */
import type { Article, Chunk } from '../corpus/types.ts';
import { bodyLength } from './article-store.ts';

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
 * A chunk cut from its article: the text is sliced from the body when first read, so opening an
 * index reads no body (a stored article reads its body on demand, src/index/article-store.ts).
 */
class SpanChunk implements Chunk {
  readonly id: string;
  readonly articleId: string;
  readonly headline: string;
  declare readonly date?: string;
  declare readonly eventDates?: string[];
  declare readonly meeting?: string;
  declare readonly outlet?: string;
  #article: Article;
  #text: string | undefined;

  constructor(
    article: Article,
    readonly ordinal: number,
    readonly start: number,
    readonly end: number,
  ) {
    this.id = `${article.id}#${ordinal}`;
    this.articleId = article.id;
    this.headline = article.headline;
    // Optional fields are set only when present, as a built chunk has them.
    const self = this as { -readonly [K in keyof Chunk]?: Chunk[K] };
    if (article.date !== undefined) self.date = article.date;
    if (article.eventDates?.length) self.eventDates = article.eventDates;
    if (article.meeting !== undefined) self.meeting = article.meeting;
    if (article.outlet) self.outlet = article.outlet;
    this.#article = article;
  }

  get text(): string {
    return (this.#text ??= this.#article.body.slice(this.start, this.end));
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

const OPEN = 0x5b; // [
const CLOSE = 0x5d; // ]
const COMMA = 0x2c;
const ZERO = 0x30;

/**
 * The spans of `chunks.json` as JSON.stringify wrote them (`[[0,0,212],[0,180,390],…]`), flat:
 * article, start, end of each chunk. The digits are scanned here, without an array per chunk (at
 * 100,000 chunks JSON.parse made 100,000 arrays at every start); text in any other form (spaces, a
 * damaged file) is left to JSON.parse and comes back as it gave it, for `chunksFromSpans` to check.
 */
export function parseSpans(data: Buffer): Uint32Array | unknown {
  // Each span takes at least 7 bytes ("[0,0,0],"): room for every number.
  const out = new Uint32Array(Math.ceil((3 * data.length) / 7));
  let n = 0;
  let i = 1;
  const number = (): number => {
    let value = 0;
    const from = i;
    for (let c = data[i]; c >= ZERO && c <= ZERO + 9 && i - from < 10; c = data[++i]) value = value * 10 + (c - ZERO);
    return i > from && value <= 0xffffffff ? value : -1;
  };
  // Ends true only at the list's closing bracket after a whole span (or at once for `[]`).
  let compact = false;
  if (data[0] === OPEN && data[i] === CLOSE) {
    i++;
    compact = true;
  } else if (data[0] === OPEN) {
    for (;;) {
      if (data[i++] !== OPEN) break;
      const a = number();
      if (a < 0 || data[i++] !== COMMA) break;
      const start = number();
      if (start < 0 || data[i++] !== COMMA) break;
      const end = number();
      if (end < 0 || data[i++] !== CLOSE) break;
      out[n++] = a;
      out[n++] = start;
      out[n++] = end;
      const next = data[i++];
      if (next === CLOSE) compact = true;
      if (next !== COMMA) break;
    }
  }
  if (!compact || i !== data.length) {
    try {
      return JSON.parse(data.toString('utf8')) as unknown;
    } catch {
      throw new Error('not valid JSON');
    }
  }
  return out.subarray(0, n);
}

/**
 * The chunks back from their spans (`parseSpans`' flat triples, or a list of [article, start, end]);
 * throws a plain Error naming the first bad span.
 */
export function chunksFromSpans(articles: readonly Article[], spans: unknown): Chunk[] {
  const flat = spans instanceof Uint32Array ? spans : flatSpans(spans);
  const ordinals = new Uint32Array(articles.length);
  const out: Chunk[] = [];
  for (let i = 0, at = 0; at < flat.length; i++, at += 3) {
    const a = flat[at];
    const start = flat[at + 1];
    const end = flat[at + 2];
    const article = articles[a];
    if (!article || end < start || end > bodyLength(article)) throw new Error(`chunk ${i} has a bad span ${JSON.stringify([a, start, end])}`);
    out.push(new SpanChunk(article, ordinals[a]++, start, end));
  }
  return out;
}

/** Spans as a list of triples, flat, or a plain Error naming the first that is not three whole numbers. */
function flatSpans(spans: unknown): Uint32Array {
  if (!Array.isArray(spans)) throw new Error('not a list of chunk spans');
  const flat = new Uint32Array(spans.length * 3);
  spans.forEach((span: unknown, i) => {
    const ok = Array.isArray(span) && span.length === 3 && span.every((x) => Number.isInteger(x) && x >= 0 && x <= 0xffffffff);
    if (!ok) throw new Error(`chunk ${i} has a bad span ${JSON.stringify(span)}`);
    flat.set(span as number[], i * 3);
  });
  return flat;
}
