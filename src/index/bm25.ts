/**
 * A compact BM25 inverted index over analysed chunk terms. Postings are flat typed arrays
 * (term → [offset, offset+df) into docLows/tfs), so a query touches only its terms' postings and
 * the file loads as views of its buffer. Each term's postings are cut into blocks of
 * BM25_BLOCK with the block's largest term frequency and shortest document: facts of the
 * segment alone, from which a search bounds a block's best score under corpus-wide statistics
 * and skips what cannot reach the top k (segmented-bm25.ts scores; this file only stores).
 *
 * Three bytes a posting (at 1,000,000 chunks, 200 million postings: 1.2 GB in six bytes): a document
 * is stored as its low 16 bits, its high bits being where in the term's postings it sits (each term
 * records where its documents reach each multiple of 65,536: a segment of 200,000 chunks has four
 * such spans, so three positions a term), as Roaring bitmaps split integers; positions stay plain
 * array indexes, so searches still jump by binary search. A term frequency is one byte, clamped at
 * 255 (BM25 saturates in tf: 255 against 256 occurrences moves a score by ~1e-5 of a term's weight,
 * and no chunk of the corpora measured repeats a term that often).
 */
import { TermTable } from './term-table.ts';

export interface Bm25Params {
  k1: number;
  b: number;
}

export const DEFAULT_BM25: Bm25Params = { k1: 1.2, b: 0.75 };

/** A term in more than this share of the documents only re-scores documents rarer terms found. */
export const COMMON_SHARE = 0.1;
/** ...but never prune in small indexes, where every term's postings are short anyway. */
export const COMMON_MIN_DF = 1000;

/** Postings per block of the block bounds (Lucene's size: small enough to bound tightly, 1/128 of the postings in size). */
export const BM25_BLOCK = 128;

import { TermIds } from './term-ids.ts';

const MAGIC = 0x35324d42; // "BM25" little-endian
/**
 * 2: block bounds (blockMaxTf, blockMinLen) after the postings. 3: the terms as a hash table
 * (term-table.ts), not JSON. 4: documents as 16-bit lows with each term's span starts, tf in 8 bits.
 */
const FILE_VERSION = 4;

/** Documents per span: a posting stores its document's low 16 bits. */
export const SPAN = 0x10000;
/** The largest stored term frequency. */
export const MAX_TF = 255;

export class Bm25Index {
  /** Term id → [blockStarts[id], blockStarts[id+1]) into blockMaxTf/blockMinLen (derived from offsets). */
  readonly blockStarts: Uint32Array;
  /** Spans of SPAN documents the segment covers (at least 1). */
  readonly spans: number;

  private constructor(
    readonly params: Bm25Params,
    /** Terms in first-seen order (a term's id is its position). */
    private readonly terms: TermTable,
    readonly docLengths: Uint32Array,
    /** Term id → [offsets[id], offsets[id+1]) into docLows/tfs. */
    readonly offsets: Uint32Array,
    /** Each posting's document modulo SPAN; the span is where the posting sits (spanStarts). */
    readonly docLows: Uint16Array,
    /** Each posting's term frequency, clamped at MAX_TF. */
    readonly tfs: Uint8Array,
    /**
     * Term id × (spans − 1): the first posting of the term whose document is in span h ≥ 1, at
     * [id × (spans − 1) + h − 1] (empty when the segment is one span).
     */
    readonly spanStarts: Uint32Array,
    /** Per block of BM25_BLOCK postings: the largest term frequency in it. */
    readonly blockMaxTf: Uint8Array,
    /** Per block: the shortest document in it (capped at 0xffff, which only loosens the bound). */
    readonly blockMinLen: Uint16Array,
  ) {
    this.blockStarts = blockStarts(offsets);
    this.spans = spanCount(docLengths.length);
  }

  get size(): number {
    return this.docLengths.length;
  }

  /** The id of a term (its first-seen position), or undefined when no document has it. */
  termId(term: string): number | undefined {
    return this.terms.id(term);
  }

  /** The first posting of term `id` whose document is in span `h` (0 ≤ h ≤ spans; h = spans is the term's end). */
  spanFrom(id: number, h: number): number {
    if (h <= 0) return this.offsets[id];
    if (h >= this.spans) return this.offsets[id + 1];
    return this.spanStarts[id * (this.spans - 1) + h - 1];
  }

  /** The document of posting `p` of term `id`. */
  docAt(id: number, p: number): number {
    let h = 0;
    while (h + 1 < this.spans && this.spanFrom(id, h + 1) <= p) h++;
    return h * SPAN + this.docLows[p];
  }

  /** The first posting in [from, to) of term `id` whose document is ≥ `doc` (`to` when none is). */
  seek(id: number, from: number, to: number, doc: number): number {
    const h = Math.floor(doc / SPAN);
    if (h >= this.spans) return to;
    const a = Math.max(from, this.spanFrom(id, h));
    const b = Math.min(to, this.spanFrom(id, h + 1));
    // Postings before span h hold smaller documents, after it larger ones.
    if (a >= b) return Math.min(to, Math.max(from, b));
    return lowerBound16(this.docLows, a, b, doc - h * SPAN);
  }

  /**
   * `seek` for a document likely near `from`: gallops from there (1, 2, 4 … postings) before the
   * binary search, so a search walking a term's postings window by window pays for the postings it
   * passes, not for all it has left.
   */
  seekNear(id: number, from: number, to: number, doc: number): number {
    const h = Math.floor(doc / SPAN);
    if (h >= this.spans) return to;
    const a = Math.max(from, this.spanFrom(id, h));
    const b = Math.min(to, this.spanFrom(id, h + 1));
    if (a >= b) return Math.min(to, Math.max(from, b));
    const low = doc - h * SPAN;
    const lows = this.docLows;
    let at = a;
    let step = 1;
    while (at + step < b && lows[at + step] < low) {
      at += step;
      step *= 2;
    }
    return lowerBound16(lows, at, Math.min(b, at + step + 1), low);
  }

  /** The posting of `doc` in term `id`'s postings, or -1. */
  find(id: number, doc: number): number {
    const to = this.offsets[id + 1];
    const p = this.seek(id, this.offsets[id], to, doc);
    return p < to && this.docLows[p] === doc % SPAN ? p : -1;
  }

  /** Builds from each document's term list; document numbers are positions in `docs`. */
  static build(docs: readonly (readonly string[])[], params: Bm25Params = DEFAULT_BM25): Bm25Index {
    const termIds = new TermIds();
    const docLengths = new Uint32Array(docs.length);
    let tokens = 0;
    for (const doc of docs) tokens += doc.length;
    const ids = new Uint32Array(tokens);
    let at = 0;
    for (let d = 0; d < docs.length; d++) {
      for (const term of docs[d]) ids[at++] = termIds.ofString(term);
      docLengths[d] = docs[d].length;
    }
    return Bm25Index.fromTokens(termIds.terms, ids, docLengths, params);
  }

  /**
   * Builds from the documents' term ids back to back (`ids`, document d holding `docLengths[d]` of
   * them), a term's id being its position in `terms` (first-seen order; `TermIds` gives them).
   */
  static fromTokens(terms: string[], ids: Uint32Array, docLengths: Uint32Array, params: Bm25Params = DEFAULT_BM25): Bm25Index {
    const nDocs = docLengths.length;
    // Document frequencies: a term counts once per document (lastDoc marks where it was last seen).
    const nTerms = terms.length;
    const lastDoc = new Int32Array(nTerms).fill(-1);
    const df = new Uint32Array(nTerms);
    let at = 0;
    for (let d = 0; d < nDocs; d++) {
      for (const end = at + docLengths[d]; at < end; at++) {
        if (lastDoc[ids[at]] !== d) {
          lastDoc[ids[at]] = d;
          df[ids[at]]++;
        }
      }
    }
    const offsets = new Uint32Array(nTerms + 1);
    for (let t = 0; t < nTerms; t++) offsets[t + 1] = offsets[t] + df[t];
    const cursor = offsets.slice(0, nTerms);
    const docLows = new Uint16Array(offsets[nTerms]);
    const tfs = new Uint8Array(offsets[nTerms]);
    const spans = spanCount(nDocs);
    const spanStarts = new Uint32Array(nTerms * (spans - 1));
    // Documents are visited in order, so every posting list comes out sorted by document; a
    // repeated term in the same document increments the posting it opened (slot[term]). Where a
    // span begins, every term's next posting is its first in that span.
    lastDoc.fill(-1);
    const slot = new Uint32Array(nTerms);
    at = 0;
    for (let d = 0; d < nDocs; d++) {
      if (d > 0 && d % SPAN === 0) {
        const h = d / SPAN;
        for (let t = 0; t < nTerms; t++) spanStarts[t * (spans - 1) + h - 1] = cursor[t];
      }
      for (const end = at + docLengths[d]; at < end; at++) {
        const t = ids[at];
        if (lastDoc[t] !== d) {
          lastDoc[t] = d;
          slot[t] = cursor[t]++;
          docLows[slot[t]] = d % SPAN;
        }
        if (tfs[slot[t]] < MAX_TF) tfs[slot[t]]++;
      }
    }
    const table = TermTable.fromTerms(terms);
    const index = new Bm25Index(params, table, docLengths, offsets, docLows, tfs, spanStarts, new Uint8Array(0), new Uint16Array(0));
    const { maxTf, minLen } = blockBounds(index);
    return new Bm25Index(params, table, docLengths, offsets, docLows, tfs, spanStarts, maxTf, minLen);
  }

  /**
   * The documents whose terms include `term`, ascending (a fresh array), or undefined when no
   * document has it. For document frequencies and vocabulary look-ups.
   */
  postings(term: string): Uint32Array | undefined {
    const id = this.terms.id(term);
    if (id === undefined) return undefined;
    const from = this.offsets[id];
    const out = new Uint32Array(this.offsets[id + 1] - from);
    for (let h = 0; h < this.spans; h++)
      for (let p = this.spanFrom(id, h), to = this.spanFrom(id, h + 1); p < to; p++) out[p - from] = h * SPAN + this.docLows[p];
    return out;
  }

  /**
   * Binary form: header (magic, version, JSON length, documents), JSON {params, terms, slots} (the
   * counts), then the arrays (docLengths, offsets, docLows, tfs, spanStarts, blockMaxTf, blockMinLen,
   * and the term table's at, hashes, slots and UTF-16LE text), each padded to 4 bytes.
   */
  serialise(): Buffer {
    const table = this.terms.toParts();
    const counts = { params: this.params, terms: table.hashes.length, slots: table.slots.length };
    const json = Buffer.from(JSON.stringify(counts), 'utf8');
    const jsonPadded = (json.length + 3) & ~3;
    const header = Buffer.alloc(16);
    header.writeUInt32LE(MAGIC, 0);
    header.writeUInt32LE(FILE_VERSION, 4);
    header.writeUInt32LE(json.length, 8);
    header.writeUInt32LE(this.docLengths.length, 12);
    const padded = (a: Uint8Array | Uint16Array | Buffer) => {
      const out = Buffer.alloc((a.byteLength + 3) & ~3);
      Buffer.from(a.buffer, a.byteOffset, a.byteLength).copy(out);
      return out;
    };
    const view = (a: Uint32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    return Buffer.concat([
      header,
      json,
      Buffer.alloc(jsonPadded - json.length),
      view(this.docLengths),
      view(this.offsets),
      padded(this.docLows),
      padded(this.tfs),
      view(this.spanStarts),
      padded(this.blockMaxTf),
      padded(this.blockMinLen),
      view(table.at),
      view(table.hashes),
      view(table.slots),
      padded(Buffer.from(table.text, 'utf16le')),
    ]);
  }

  /** Throws a plain Error on a malformed buffer; callers turn it into an IndexError. */
  static deserialise(buf: Buffer): Bm25Index {
    if (buf.length < 16 || buf.readUInt32LE(0) !== MAGIC) throw new Error('not a BM25 file');
    if (buf.readUInt32LE(4) !== FILE_VERSION) throw new Error(`unsupported BM25 file version ${buf.readUInt32LE(4)}`);
    const jsonLength = buf.readUInt32LE(8);
    const nDocs = buf.readUInt32LE(12);
    let at = 16;
    const need = (bytes: number) => {
      if (at + bytes > buf.length) throw new Error('BM25 file is truncated');
    };
    need(jsonLength);
    const { params, terms, slots } = JSON.parse(buf.toString('utf8', at, at + jsonLength)) as {
      params: Bm25Params;
      terms: number;
      slots: number;
    };
    if (!Number.isInteger(terms) || terms < 0 || !Number.isInteger(slots) || slots < 0) throw new Error('BM25 file has bad counts');
    at += (jsonLength + 3) & ~3;
    // Arrays are views into the file buffer when it is 4-aligned (a file read whole is), else
    // copies: at 100,000 chunks a copy would hold ~60 MB twice while loading.
    const aligned = buf.byteOffset % 4 === 0;
    const view = <T extends Uint32Array | Uint16Array | Uint8Array>(
      Ctor: { new (b: ArrayBufferLike, o: number, n: number): T; new (n: number): T; BYTES_PER_ELEMENT: number },
      count: number,
    ): T => {
      const bytes = count * Ctor.BYTES_PER_ELEMENT;
      need(bytes);
      let out: T;
      if (aligned) out = new Ctor(buf.buffer, buf.byteOffset + at, count);
      else {
        out = new Ctor(count);
        Buffer.from(out.buffer).set(buf.subarray(at, at + bytes));
      }
      at += (bytes + 3) & ~3;
      return out;
    };
    const docLengths = view(Uint32Array, nDocs);
    const offsets = view(Uint32Array, terms + 1);
    const total = offsets[terms];
    const docLows = view(Uint16Array, total);
    const tfs = view(Uint8Array, total);
    const spanStarts = view(Uint32Array, terms * (spanCount(nDocs) - 1));
    const blocks = blockStarts(offsets)[terms];
    const blockMaxTf = view(Uint8Array, blocks);
    const blockMinLen = view(Uint16Array, blocks);
    const termAt = view(Uint32Array, terms + 1);
    const hashes = view(Uint32Array, terms);
    const termSlots = view(Uint32Array, slots);
    const chars = termAt[terms];
    need(chars * 2);
    const text = buf.toString('utf16le', at, at + chars * 2);
    const table = TermTable.fromParts({ at: termAt, hashes, slots: termSlots, text });
    return new Bm25Index(params, table, docLengths, offsets, docLows, tfs, spanStarts, blockMaxTf, blockMinLen);
  }
}

/** First position in the sorted `arr[from, to)` whose value is ≥ `value`. */
export function lowerBound16(arr: Uint16Array, from: number, to: number, value: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function spanCount(nDocs: number): number {
  return Math.max(1, Math.ceil(nDocs / SPAN));
}

/** Where each term's blocks start: term t has ceil(df_t / BM25_BLOCK) blocks. */
function blockStarts(offsets: Uint32Array): Uint32Array {
  const nTerms = offsets.length - 1;
  const out = new Uint32Array(nTerms + 1);
  for (let t = 0; t < nTerms; t++) out[t + 1] = out[t] + Math.ceil((offsets[t + 1] - offsets[t]) / BM25_BLOCK);
  return out;
}

/** Each block's largest term frequency and shortest document (capped at 0xffff). */
function blockBounds(index: Bm25Index): { maxTf: Uint8Array; minLen: Uint16Array } {
  const { offsets, tfs, docLows, docLengths, blockStarts: starts, spans } = index;
  const nTerms = offsets.length - 1;
  const maxTf = new Uint8Array(starts[nTerms]);
  const minLen = new Uint16Array(starts[nTerms]);
  for (let t = 0; t < nTerms; t++) {
    const to = offsets[t + 1];
    let h = 0;
    let spanEnd = index.spanFrom(t, 1);
    for (let blk = starts[t], from = offsets[t]; from < to; blk++, from += BM25_BLOCK) {
      let tf = 0;
      let len = 0xffff;
      for (let p = from, end = Math.min(to, from + BM25_BLOCK); p < end; p++) {
        while (p >= spanEnd && h + 1 < spans) spanEnd = index.spanFrom(t, ++h + 1);
        if (tfs[p] > tf) tf = tfs[p];
        const l = docLengths[h * SPAN + docLows[p]];
        if (l < len) len = l;
      }
      maxTf[blk] = tf;
      minLen[blk] = len;
    }
  }
  return { maxTf, minLen };
}
