/**
 * A compact BM25 inverted index over analysed chunk terms. Postings are flat typed arrays
 * (term → [offset, offset+df) into docIds/tfs), so a query touches only its terms' postings and
 * the file loads with a handful of array copies. Each term's postings are cut into blocks of
 * BM25_BLOCK with the block's largest term frequency and shortest document: facts of the
 * segment alone, from which a search bounds a block's best score under corpus-wide statistics
 * and skips what cannot reach the top k (segmented-bm25.ts scores; this file only stores).
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
/** 2: block bounds (blockMaxTf, blockMinLen) after the postings. 3: the terms as a hash table (term-table.ts), not JSON. */
const FILE_VERSION = 3;

export class Bm25Index {
  /** Term id → [blockStarts[id], blockStarts[id+1]) into blockMaxTf/blockMinLen (derived from offsets). */
  readonly blockStarts: Uint32Array;

  private constructor(
    readonly params: Bm25Params,
    /** Terms in first-seen order (a term's id is its position). */
    private readonly terms: TermTable,
    readonly docLengths: Uint32Array,
    /** Term id → [offsets[id], offsets[id+1]) into docIds/tfs. */
    readonly offsets: Uint32Array,
    readonly docIds: Uint32Array,
    readonly tfs: Uint16Array,
    /** Per block of BM25_BLOCK postings: the largest term frequency in it. */
    readonly blockMaxTf: Uint16Array,
    /** Per block: the shortest document in it (capped at 0xffff, which only loosens the bound). */
    readonly blockMinLen: Uint16Array,
  ) {
    this.blockStarts = blockStarts(offsets);
  }

  get size(): number {
    return this.docLengths.length;
  }

  /** The id of a term (its first-seen position), or undefined when no document has it. */
  termId(term: string): number | undefined {
    return this.terms.id(term);
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
    const docIds = new Uint32Array(offsets[nTerms]);
    const tfs = new Uint16Array(offsets[nTerms]);
    // Documents are visited in order, so every posting list comes out sorted by document; a
    // repeated term in the same document increments the posting it opened (slot[term]).
    lastDoc.fill(-1);
    const slot = new Uint32Array(nTerms);
    at = 0;
    for (let d = 0; d < nDocs; d++) {
      for (const end = at + docLengths[d]; at < end; at++) {
        const t = ids[at];
        if (lastDoc[t] !== d) {
          lastDoc[t] = d;
          slot[t] = cursor[t]++;
          docIds[slot[t]] = d;
        }
        if (tfs[slot[t]] < 0xffff) tfs[slot[t]]++;
      }
    }
    const { maxTf, minLen } = blockBounds(offsets, docIds, tfs, docLengths);
    return new Bm25Index(params, TermTable.fromTerms(terms), docLengths, offsets, docIds, tfs, maxTf, minLen);
  }

  /**
   * The documents whose terms include `term`, ascending (a view into the postings: do not write),
   * or undefined when no document has it. For document frequencies and vocabulary look-ups.
   */
  postings(term: string): Uint32Array | undefined {
    const id = this.terms.id(term);
    return id === undefined ? undefined : this.docIds.subarray(this.offsets[id], this.offsets[id + 1]);
  }

  /**
   * Binary form: header (magic, version, JSON length, documents), JSON {params, terms, slots} (the
   * counts), then the arrays (docLengths, offsets, docIds, tfs, blockMaxTf, blockMinLen, and the
   * term table's at, hashes, slots and UTF-16LE text), each padded to 4 bytes.
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
    const padded = (a: Uint16Array | Buffer) => {
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
      view(this.docIds),
      padded(this.tfs),
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
    // copies: at 100,000 chunks a copy would hold ~120 MB twice while loading.
    const aligned = buf.byteOffset % 4 === 0;
    const view = <T extends Uint32Array | Uint16Array>(
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
    const docIds = view(Uint32Array, total);
    const tfs = view(Uint16Array, total);
    const blocks = blockStarts(offsets)[terms];
    const blockMaxTf = view(Uint16Array, blocks);
    const blockMinLen = view(Uint16Array, blocks);
    const termAt = view(Uint32Array, terms + 1);
    const hashes = view(Uint32Array, terms);
    const termSlots = view(Uint32Array, slots);
    const chars = termAt[terms];
    need(chars * 2);
    const text = buf.toString('utf16le', at, at + chars * 2);
    const table = TermTable.fromParts({ at: termAt, hashes, slots: termSlots, text });
    return new Bm25Index(params, table, docLengths, offsets, docIds, tfs, blockMaxTf, blockMinLen);
  }
}

/** First position in the sorted `arr[from, to)` whose value is ≥ `value`. */
export function lowerBound(arr: Uint32Array, from: number, to: number, value: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Where each term's blocks start: term t has ceil(df_t / BM25_BLOCK) blocks. */
function blockStarts(offsets: Uint32Array): Uint32Array {
  const nTerms = offsets.length - 1;
  const out = new Uint32Array(nTerms + 1);
  for (let t = 0; t < nTerms; t++) out[t + 1] = out[t] + Math.ceil((offsets[t + 1] - offsets[t]) / BM25_BLOCK);
  return out;
}

/** Each block's largest term frequency and shortest document (capped at 0xffff). */
export function blockBounds(
  offsets: Uint32Array,
  docIds: Uint32Array,
  tfs: Uint16Array,
  docLengths: Uint32Array,
): { maxTf: Uint16Array; minLen: Uint16Array } {
  const starts = blockStarts(offsets);
  const nTerms = offsets.length - 1;
  const maxTf = new Uint16Array(starts[nTerms]);
  const minLen = new Uint16Array(starts[nTerms]);
  for (let t = 0; t < nTerms; t++) {
    const to = offsets[t + 1];
    for (let blk = starts[t], from = offsets[t]; from < to; blk++, from += BM25_BLOCK) {
      let tf = 0;
      let len = 0xffff;
      for (let p = from, end = Math.min(to, from + BM25_BLOCK); p < end; p++) {
        if (tfs[p] > tf) tf = tfs[p];
        const l = docLengths[docIds[p]];
        if (l < len) len = l;
      }
      maxTf[blk] = tf;
      minLen[blk] = len;
    }
  }
  return { maxTf, minLen };
}
