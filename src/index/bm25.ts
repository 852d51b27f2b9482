/**
 * A compact BM25 inverted index over analysed chunk terms. Postings are flat typed arrays
 * (term → [offset, offset+df) into docIds/tfs), so a query touches only its terms' postings and
 * the file loads with a handful of array copies.
 */
import type { ChunkHit } from './types.ts';

export interface Bm25Params {
  k1: number;
  b: number;
}

export const DEFAULT_BM25: Bm25Params = { k1: 1.2, b: 0.75 };

/** A term in more than this share of the documents only re-scores documents rarer terms found. */
export const COMMON_SHARE = 0.1;
/** ...but never prune in small indexes, where every term's postings are short anyway. */
export const COMMON_MIN_DF = 1000;

const MAGIC = 0x35324d42; // "BM25" little-endian
const FILE_VERSION = 1;

export class Bm25Index {
  private readonly termIds: Map<string, number>;
  /**
   * Scoring tables, made on the first search: a segment of a multi-segment index is scored by
   * SegmentedBm25 with corpus-wide statistics and never needs its own (a loaded index skips them).
   */
  private scoring?: {
    idf: Float32Array;
    /** Per-document length normaliser: k1 * (1 - b + b * len / avgLen). */
    norm: Float32Array;
    scores: Float32Array;
  };
  private touched?: Uint32Array;

  private constructor(
    readonly params: Bm25Params,
    /** Terms in first-seen order (a term's id is its position): read by the multi-segment search. */
    readonly terms: string[],
    readonly docLengths: Uint32Array,
    /** Term id → [offsets[id], offsets[id+1]) into docIds/tfs. */
    readonly offsets: Uint32Array,
    readonly docIds: Uint32Array,
    readonly tfs: Uint16Array,
  ) {
    // A loop, not new Map(terms.map(...)): no pair array per term (hundreds of thousands at every start).
    this.termIds = new Map();
    for (let t = 0; t < terms.length; t++) this.termIds.set(terms[t], t);
  }

  private scoringTables(): NonNullable<Bm25Index['scoring']> {
    const { params, terms, offsets, docLengths } = this;
    const n = docLengths.length;
    const idf = new Float32Array(terms.length);
    for (let t = 0; t < terms.length; t++) {
      const df = offsets[t + 1] - offsets[t];
      idf[t] = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    }
    let total = 0;
    for (let d = 0; d < n; d++) total += docLengths[d];
    const avg = n > 0 && total > 0 ? total / n : 1;
    const norm = new Float32Array(n);
    for (let d = 0; d < n; d++) norm[d] = params.k1 * (1 - params.b + (params.b * docLengths[d]) / avg);
    return { idf, norm, scores: new Float32Array(n) };
  }

  get size(): number {
    return this.docLengths.length;
  }

  /** The id of a term (its first-seen position), or undefined when no document has it. */
  termId(term: string): number | undefined {
    return this.termIds.get(term);
  }

  /** Builds from each document's term list; document numbers are positions in `docs`. */
  static build(docs: readonly (readonly string[])[], params: Bm25Params = DEFAULT_BM25): Bm25Index {
    // Term ids of every token, documents back to back (typed arrays: no per-document maps).
    const termIds = new Map<string, number>();
    const terms: string[] = [];
    const docLengths = new Uint32Array(docs.length);
    let tokens = 0;
    for (const doc of docs) tokens += doc.length;
    const ids = new Uint32Array(tokens);
    let at = 0;
    for (let d = 0; d < docs.length; d++) {
      for (const term of docs[d]) {
        let id = termIds.get(term);
        if (id === undefined) {
          id = terms.length;
          termIds.set(term, id);
          terms.push(term);
        }
        ids[at++] = id;
      }
      docLengths[d] = docs[d].length;
    }
    // Document frequencies: a term counts once per document (lastDoc marks where it was last seen).
    const nTerms = terms.length;
    const lastDoc = new Int32Array(nTerms).fill(-1);
    const df = new Uint32Array(nTerms);
    at = 0;
    for (let d = 0; d < docs.length; d++) {
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
    for (let d = 0; d < docs.length; d++) {
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
    return new Bm25Index(params, terms, docLengths, offsets, docIds, tfs);
  }

  /**
   * BM25 scores of the documents matching the terms, best first (ties: lower document first).
   *
   * Terms are scored rarest first. Once rarer terms have found candidates, a very common term
   * (in more than COMMON_SHARE of the documents, e.g. the character 的) only adds to documents
   * already found: a document matching nothing but common terms cannot outrank one matching a
   * rare term, and skipping it keeps a query over 100k chunks to a few milliseconds.
   */
  search(queryTerms: readonly string[], k: number, filter?: (doc: number) => boolean): ChunkHit[] {
    if (k <= 0 || this.size === 0) return [];
    const weights = new Map<number, number>();
    for (const term of queryTerms) {
      const id = this.termIds.get(term);
      if (id !== undefined) weights.set(id, (weights.get(id) ?? 0) + 1);
    }
    if (weights.size === 0) return [];
    const order = [...weights.keys()].sort((a, b) => this.df(a) - this.df(b) || a - b);
    const { idf, norm, scores } = (this.scoring ??= this.scoringTables());
    const touched = (this.touched ??= new Uint32Array(this.size));
    let nTouched = 0;
    const { k1 } = this.params;
    const commonDf = Math.max(COMMON_MIN_DF, this.size * COMMON_SHARE);
    for (const t of order) {
      const w = idf[t] * weights.get(t)! * (k1 + 1);
      const onlyFound = nTouched > 0 && this.df(t) > commonDf;
      const from = this.offsets[t];
      const to = this.offsets[t + 1];
      if (onlyFound && nTouched * Math.log2(to - from) < to - from) {
        // Fewer found documents than postings: look each up (postings are sorted by document)
        // instead of walking the whole list — same scores, a fraction of the work.
        for (let i = 0; i < nTouched; i++) {
          const d = touched[i];
          const p = lowerBound(this.docIds, from, to, d);
          if (p < to && this.docIds[p] === d) {
            const tf = this.tfs[p];
            scores[d] += (w * tf) / (tf + norm[d]);
          }
        }
        continue;
      }
      for (let p = from, end = to; p < end; p++) {
        const d = this.docIds[p];
        if (scores[d] === 0) {
          if (onlyFound) continue;
          touched[nTouched++] = d;
        }
        const tf = this.tfs[p];
        scores[d] += (w * tf) / (tf + norm[d]);
      }
    }
    const hits = topK(touched.subarray(0, nTouched), scores, k, filter);
    for (let i = 0; i < nTouched; i++) scores[touched[i]] = 0;
    return hits;
  }

  /**
   * The documents whose terms include `term`, ascending (a view into the postings: do not write),
   * or undefined when no document has it. For document frequencies and vocabulary look-ups.
   */
  postings(term: string): Uint32Array | undefined {
    const id = this.termIds.get(term);
    return id === undefined ? undefined : this.docIds.subarray(this.offsets[id], this.offsets[id + 1]);
  }

  private df(term: number): number {
    return this.offsets[term + 1] - this.offsets[term];
  }

  /** Binary form: header (magic, version, JSON length), JSON {params, terms}, then the arrays. */
  serialise(): Buffer {
    const json = Buffer.from(JSON.stringify({ params: this.params, terms: this.terms }), 'utf8');
    const jsonPadded = (json.length + 3) & ~3;
    const header = Buffer.alloc(16);
    header.writeUInt32LE(MAGIC, 0);
    header.writeUInt32LE(FILE_VERSION, 4);
    header.writeUInt32LE(json.length, 8);
    header.writeUInt32LE(this.docLengths.length, 12);
    const tfsPadded = Buffer.alloc((this.tfs.byteLength + 3) & ~3);
    Buffer.from(this.tfs.buffer, this.tfs.byteOffset, this.tfs.byteLength).copy(tfsPadded);
    const view = (a: Uint32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    return Buffer.concat([
      header,
      json,
      Buffer.alloc(jsonPadded - json.length),
      view(this.docLengths),
      view(this.offsets),
      view(this.docIds),
      tfsPadded,
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
    const { params, terms } = JSON.parse(buf.toString('utf8', at, at + jsonLength)) as { params: Bm25Params; terms: string[] };
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
      at += bytes;
      return out;
    };
    const docLengths = view(Uint32Array, nDocs);
    const offsets = view(Uint32Array, terms.length + 1);
    const total = offsets[terms.length];
    const docIds = view(Uint32Array, total);
    const tfs = view(Uint16Array, total);
    return new Bm25Index(params, terms, docLengths, offsets, docIds, tfs);
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

/** The k best of `candidates` by score (ties: lower number first), skipping those `filter` rejects. */
export function topK(candidates: ArrayLike<number>, scores: ArrayLike<number>, k: number, filter?: (doc: number) => boolean): ChunkHit[] {
  // A small sorted buffer: k is tiny (tens) next to the candidate count.
  const best: ChunkHit[] = [];
  for (let c = 0; c < candidates.length; c++) {
    const d = candidates[c];
    const s = scores[d];
    if (best.length === k) {
      const last = best[k - 1];
      if (s < last.score || (s === last.score && d > last.chunk)) continue;
    }
    if (filter && !filter(d)) continue;
    let i = best.length < k ? best.length : k - 1;
    while (i > 0 && (s > best[i - 1].score || (s === best[i - 1].score && d < best[i - 1].chunk))) {
      best[i] = best[i - 1];
      i--;
    }
    best[i] = { chunk: d, score: s };
  }
  return best;
}
