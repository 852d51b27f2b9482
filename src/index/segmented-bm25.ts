/**
 * BM25 over several segments as if they were one index: document frequencies, the document count
 * and the average length are taken over the live documents of all segments (deleted ones left out),
 * so a score does not depend on how the corpus is split into segments.
 *
 * What a search returns (the k best, ties by lower document): terms are ordered rarest first (ties
 * by first-seen term) and a document's score is their float32 sum in that order. Candidates are the
 * documents of the terms in at most COMMON_SHARE of the documents; a more common term (的) only adds
 * to documents a rarer term found (when every term is common, the rarest one alone finds them).
 * A query may also hold concepts (`Bm25Query`): sets of alternatives, each a sum of terms, of which
 * a document scores the best it holds (Lucene's dis-max, with its tie breaker); a term on its own is a
 * concept of one alternative of one term, and concepts are ordered by their rarest term.
 *
 * How it is found without scoring every candidate (MaxScore, Turtle and Flood 1995, with block
 * bounds as in block-max MaxScore): each term's best possible contribution in a segment bounds
 * what a document can score. Once k documents are held, the candidate-finding terms whose bounds
 * together (with the common terms', a concept's summed as its best alternative's) cannot beat the
 * k-th score stop finding candidates: documents come only from the others' postings, and the rest
 * are looked up (skipping blocks of postings) only while the document can still make the top k.
 * Results are exact: the same documents and the same float32 scores as scoring every candidate.
 */
import { BM25_BLOCK, COMMON_MIN_DF, COMMON_SHARE, lowerBound16, SPAN, type Bm25Index, type Bm25Params } from './bm25.ts';
import type { ChunkFilter, ChunkHit } from './types.ts';

/** One segment's postings and where its live documents sit in the global numbering. */
export interface Bm25Segment {
  bm25: Bm25Index;
  /** Global number of the segment's first live document. */
  base: number;
  /** Local document → global number, -1 when deleted; undefined when nothing is deleted (global = base + local). */
  toGlobal?: Int32Array;
  /** Global − base → local document; undefined when nothing is deleted. */
  toLocal?: Uint32Array;
  /** Live documents. */
  live: number;
}

interface TermInfo {
  /** Live documents containing the term, over all segments. */
  df: number;
  /** First-seen order over the whole corpus: (first segment holding it, its id there). */
  order: number;
  idf: number;
  /** The term's id in each segment (by position in `segments`), -1 where absent: looked up once, not a search a segment. */
  ids: Int32Array;
}

/**
 * What a search looks for. Terms count each on its own (a repeated term counts again). A concept is a
 * set of alternatives, each the terms of one wording (say, one dictionary translation of an English
 * word, analysed): a document gets the best alternative it holds, not their sum, as Lucene's
 * dis-max and synonym queries score, so a word of ten translations weighs as one word and the
 * search bounds it as one.
 */
export interface Bm25Query {
  terms: readonly string[];
  concepts?: ReadonlyArray<ReadonlyArray<readonly string[]>>;
  /** The share of the other alternatives' scores a concept adds to its best one's (0, the default: none). */
  tie?: number;
  /**
   * Search in two steps: the `depth` best documents of this query, then those scored by `concepts`
   * instead (fuller alternatives: terms that only refine a score, never worth finding documents by).
   */
  rescore?: { depth: number; concepts: ReadonlyArray<ReadonlyArray<readonly string[]>> };
}

/** What a search did (for profiling: `bench/ask-index.ts --profile`). */
export interface Bm25SearchStats {
  /** Distinct query terms found in the index, and how many of them only add to found documents. */
  terms: number;
  commonTerms: number;
  /** Postings of every query term, summed over segments (what scoring every candidate walks, and more). */
  postings: number;
  /** Documents drawn from candidate-finding postings, and of those, scored in full. */
  candidates: number;
  scored: number;
  /** Documents scored in full for the pruning floor before the search (a segment's sample while the top k is not yet full). */
  sampled: number;
}

/**
 * Relative slack on every bound: a score is a float32 sum (each step rounds, by at most 2^-24) and
 * the length normalisers are float32, so a bound computed in doubles may fall short by ~1e-6 over
 * dozens of terms. A document is skipped only when its bound with this slack is at most the k-th score.
 */
const SLACK = 1 + 1e-5;

/** Terms whose corpus-wide statistics are kept between searches (about 200 bytes each at six segments). */
const TERM_INFOS = 100_000;

/** Documents per window: the essential finders' postings are summed a window at a time (its buffer stays in cache). */
const WINDOW = 4096;

/**
 * Documents whose exact scores set the pruning floor before the first segment's search (later
 * segments start from the k best found so far, which the floor can only be below).
 */
const SAMPLE = 256;
/** ...fewer for a question of many terms (at most this many look-ups), but never fewer than SAMPLE_MIN. */
const SAMPLE_LOOKUPS = 16384;
const SAMPLE_MIN = 32;

/**
 * A filter listing at most this many documents × query terms has its documents scored directly (one
 * binary search a term and document) instead of walking the terms' postings: at 1,000,000 chunks a
 * common term's postings run to hundreds of thousands.
 */
const KEPT_LOOKUPS = 200_000;

/** The k best (score, document) pairs so far, best first; ties by lower document (as a sort would give). */
class TopHits {
  readonly hits: ChunkHit[] = [];
  constructor(private readonly k: number) {}

  /** Whether k are held. */
  get full(): boolean {
    return this.hits.length === this.k;
  }

  /** The score to beat: the k-th best once k are held, else -Infinity. */
  get threshold(): number {
    return this.hits.length === this.k ? this.hits[this.k - 1].score : -Infinity;
  }

  /** Whether (score, doc) would enter. */
  admits(score: number, doc: number): boolean {
    if (this.hits.length < this.k) return true;
    const last = this.hits[this.k - 1];
    return score > last.score || (score === last.score && doc < last.chunk);
  }

  add(score: number, doc: number): void {
    const best = this.hits;
    let i = best.length < this.k ? best.length : this.k - 1;
    while (i > 0 && (score > best[i - 1].score || (score === best[i - 1].score && doc < best[i - 1].chunk))) {
      best[i] = best[i - 1];
      i--;
    }
    best[i] = { chunk: doc, score };
  }
}

export class SegmentedBm25 {
  readonly size: number;
  private readonly norm: Float32Array;
  private readonly avgLength: number;
  private readonly info = new Map<string, TermInfo | null>();
  /** A window's partial scores and its touched documents (reused by every search). */
  private readonly acc = new Float64Array(WINDOW);
  private readonly touched = new Uint16Array(WINDOW);
  private readonly alive = new Uint16Array(WINDOW);
  /** Exact float32 scores of a window's surviving documents. */
  private readonly exact = new Float32Array(WINDOW);
  /** A concept's exact value in a window: one alternative's sum, the best and the total over its alternatives. */
  private readonly altSum = new Float64Array(WINDOW);
  private readonly conceptBest = new Float64Array(WINDOW);
  private readonly conceptTotal = new Float64Array(WINDOW);
  /** A concept's several terms summed apart before their capped sum joins `acc`, and the documents they touched. */
  private readonly conceptAcc = new Float64Array(WINDOW);
  private readonly conceptTouched = new Uint16Array(WINDOW);
  private readonly sample = new Uint32Array(SAMPLE);
  readonly params: Bm25Params;
  /** The segments, most live documents first (ties in segment order): the order they are searched in. */
  private readonly bySize: readonly number[];

  constructor(private readonly segments: readonly Bm25Segment[]) {
    this.bySize = segments.map((_, i) => i).sort((a, b) => segments[b].live - segments[a].live || a - b);
    this.params = segments[0]?.bm25.params ?? { k1: 1.2, b: 0.75 };
    const n = segments.reduce((s, g) => s + g.live, 0);
    this.size = n;
    let total = 0;
    for (const g of segments) forLive(g, (local) => (total += g.bm25.docLengths[local]));
    const avg = n > 0 && total > 0 ? total / n : 1;
    this.avgLength = avg;
    const { k1, b } = this.params;
    this.norm = new Float32Array(n);
    for (const g of segments) forLive(g, (local, global) => (this.norm[global] = k1 * (1 - b + (b * g.bm25.docLengths[local]) / avg)));
  }

  /** Corpus-wide statistics of a term, computed once (a segment with deletions counts its live postings). */
  private termInfo(term: string): TermInfo | null {
    const known = this.info.get(term);
    if (known !== undefined) return known;
    let df = 0;
    let order = -1;
    const stride = 2 ** 26;
    const ids = new Int32Array(this.segments.length).fill(-1);
    this.segments.forEach((g, s) => {
      const id = g.bm25.termId(term);
      if (id === undefined) return;
      ids[s] = id;
      if (order < 0) order = s * stride + id;
      const from = g.bm25.offsets[id];
      const to = g.bm25.offsets[id + 1];
      if (!g.toGlobal) df += to - from;
      else {
        const toGlobal = g.toGlobal;
        forPostings(g.bm25, id, (d) => {
          if (toGlobal[d] >= 0) df++;
        });
      }
    });
    const out = df > 0 ? { df, order, idf: Math.fround(Math.log(1 + (this.size - df + 0.5) / (df + 0.5))), ids } : null;
    // Bounded: a bot's questions over months would otherwise keep every term they ever asked.
    if (this.info.size >= TERM_INFOS) this.info.clear();
    this.info.set(term, out);
    return out;
  }

  /**
   * The k best documents (global numbers) for the query, best first; `filter` rejects documents. A
   * filter listing few documents has them scored directly (the same scores and ties as the search).
   * A list of terms is a query of terms each scored on its own (`Bm25Query.terms`).
   */
  search(query: readonly string[] | Bm25Query, k: number, filter?: ChunkFilter, stats?: Bm25SearchStats): ChunkHit[] {
    if (k <= 0 || this.size === 0) return [];
    if (!isTermList(query) && query.rescore) {
      const { depth, concepts } = query.rescore;
      const found = this.search({ ...query, rescore: undefined }, Math.max(k, depth), filter, stats);
      return this.rescored(found, { ...query, concepts, rescore: undefined }, k);
    }
    const q = this.prepare(isTermList(query) ? { terms: query } : query);
    if (!q) return [];
    const nUses = q.weight.length;
    if (stats) {
      stats.terms += nUses;
      for (let u = 0; u < nUses; u++) if (!q.finder[u]) stats.commonTerms++;
    }
    const top = new TopHits(k);
    const scratch = new TermScratch(nUses, q.plain.length, q.entryStart.length - 1);
    if (filter?.kept && filter.kept.length * nUses <= KEPT_LOOKUPS) {
      this.scoreKept(filter.kept, q, top, scratch, stats);
      return top.hits;
    }
    // Exact scores of a sample of likely documents: their k-th is a floor under the final k-th
    // score, so pruning starts strong instead of waiting for the top k to fill.
    const floor = new TopHits(k);
    // Largest segment first: it likely holds the best scores, so each later (smaller) segment
    // starts with a high k-th score to beat and skips what cannot enter the global top k. The
    // order changes no result: (score, global document) decides every admission.
    for (const s of this.bySize) this.searchSegment(s, q, top, floor, scratch, filter, stats);
    return top.hits;
  }

  /** `hits` scored again by `query` (as a search scores them), the k best of them, best first. */
  private rescored(hits: readonly ChunkHit[], query: Bm25Query, k: number): ChunkHit[] {
    const q = this.prepare(query);
    if (!q) return [];
    const tfAt = new Float64Array(q.weight.length);
    const out: ChunkHit[] = [];
    for (const h of hits) {
      let seg = 0;
      while (seg + 1 < this.segments.length && this.segments[seg + 1].base <= h.chunk) seg++;
      const g = this.segments[seg];
      const local = g.toLocal ? g.toLocal[h.chunk - g.base] : h.chunk - g.base;
      out.push({ chunk: h.chunk, score: this.scoreDoc(q, seg, local, h.chunk, tfAt) });
    }
    return out.sort((a, b) => b.score - a.score || a.chunk - b.chunk).slice(0, k);
  }

  /**
   * The query as the search walks it: concepts rarest first (by their rarest term; ties by first-seen
   * term, then as given), each concept's terms ("uses") rarest first. Undefined when no term is known.
   */
  private prepare(query: Bm25Query): PreparedQuery | undefined {
    const drafts: Array<Array<Map<string, number>>> = [];
    // Terms on their own: one concept a distinct term, its repeats its multiplicity.
    const counts = new Map<string, number>();
    for (const term of query.terms) if (this.termInfo(term)) counts.set(term, (counts.get(term) ?? 0) + 1);
    for (const [term, n] of counts) drafts.push([new Map([[term, n]])]);
    for (const concept of query.concepts ?? []) {
      const alts: Array<Map<string, number>> = [];
      for (const alt of concept) {
        const m = new Map<string, number>();
        for (const term of alt) if (this.termInfo(term)) m.set(term, (m.get(term) ?? 0) + 1);
        if (m.size) alts.push(m);
      }
      if (alts.length) drafts.push(alts);
    }
    if (drafts.length === 0) return undefined;
    const tie = query.tie ?? 0;
    const info = (term: string) => this.termInfo(term)!;
    const rarer = (a: string, b: string) => info(a).df - info(b).df || info(a).order - info(b).order;
    const concepts = drafts.map((alts) => {
      const mult = new Map<string, { most: number; total: number }>();
      for (const alt of alts)
        for (const [term, m] of alt) {
          const seen = mult.get(term);
          if (seen) {
            seen.most = Math.max(seen.most, m);
            seen.total += m;
          } else mult.set(term, { most: m, total: m });
        }
      return { alts, mult, uses: [...mult.keys()].sort(rarer) };
    });
    concepts.sort((a, b) => rarer(a.uses[0], b.uses[0]));
    const nUses = concepts.reduce((s, c) => s + c.uses.length, 0);
    const nAlts = concepts.reduce((s, c) => s + c.alts.length, 0);
    const nEntries = concepts.reduce((s, c) => s + c.alts.reduce((t, a) => t + a.size, 0), 0);
    const q: PreparedQuery = {
      ids: [],
      weight: new Float64Array(nUses),
      finder: new Uint8Array(nUses),
      useStart: new Uint32Array(concepts.length + 1),
      altStart: new Uint32Array(concepts.length + 1),
      entryStart: new Uint32Array(nAlts + 1),
      entryUse: new Uint32Array(nEntries),
      entryWeight: new Float64Array(nEntries),
      plain: new Uint8Array(concepts.length),
      useEntryStart: new Uint32Array(nUses + 1),
      useEntryAlt: new Uint32Array(nEntries),
      useEntryWeight: new Float64Array(nEntries),
      conceptOf: new Uint32Array(nUses),
      tie,
    };
    const { k1 } = this.params;
    const commonDf = Math.max(COMMON_MIN_DF, this.size * COMMON_SHARE);
    let u = 0;
    let a = 0;
    let e = 0;
    concepts.forEach((c, ci) => {
      const useOf = new Map<string, number>();
      for (const term of c.uses) {
        const t = info(term);
        const { most, total } = c.mult.get(term)!;
        // What the term can add to the concept summed alone: its largest multiplicity, plus the tie
        // breaker's share of the rest (exactly idf × count × (k1 + 1) for a term on its own).
        const m = tie === 0 || most === total ? most : (1 - tie) * most + tie * total;
        q.ids.push(t.ids);
        q.weight[u] = t.idf * m * (k1 + 1);
        q.finder[u] = t.df <= commonDf ? 1 : 0;
        useOf.set(term, u++);
      }
      for (const alt of c.alts) {
        for (const [term, m] of alt) {
          q.entryUse[e] = useOf.get(term)!;
          q.entryWeight[e++] = info(term).idf * m * (k1 + 1);
        }
        q.entryStart[++a] = e;
      }
      q.useStart[ci + 1] = u;
      q.altStart[ci + 1] = a;
      q.plain[ci] = c.alts.length === 1 && c.alts[0].size === 1 ? 1 : 0;
    });
    // When every term is common, the rarest one alone finds the candidates.
    if (!q.finder.includes(1)) q.finder[0] = 1;
    // Each use's entries, by use (a counting sort of the entries).
    for (let x = 0; x < nEntries; x++) q.useEntryStart[q.entryUse[x] + 1]++;
    for (let v = 0; v < nUses; v++) q.useEntryStart[v + 1] += q.useEntryStart[v];
    const fill = q.useEntryStart.slice(0, nUses);
    for (let c = 0; c < concepts.length; c++) {
      for (let v = q.useStart[c]; v < q.useStart[c + 1]; v++) q.conceptOf[v] = c;
      for (let alt = q.altStart[c]; alt < q.altStart[c + 1]; alt++)
        for (let x = q.entryStart[alt]; x < q.entryStart[alt + 1]; x++) {
          const at = fill[q.entryUse[x]]++;
          q.useEntryAlt[at] = alt;
          q.useEntryWeight[at] = q.entryWeight[x];
        }
    }
    return q;
  }

  /**
   * A document's exact score: the concepts in order, each its value in doubles (a term alone, or the
   * best alternative's sum with the tie breaker's share of the others'), summed into float32. Each
   * use's term frequency is left in `tfAt` (0 when the document lacks the term).
   */
  private scoreDoc(q: PreparedQuery, segment: number, local: number, global: number, tfAt: Float64Array): number {
    const bm25 = this.segments[segment].bm25;
    for (let u = 0; u < q.weight.length; u++) {
      const id = q.ids[u][segment];
      const p = id < 0 ? -1 : bm25.find(id, local);
      tfAt[u] = p < 0 ? 0 : bm25.tfs[p];
    }
    const n = this.norm[global];
    let score = 0;
    for (let c = 0; c < q.plain.length; c++) {
      if (q.plain[c]) {
        const u = q.useStart[c];
        const tf = tfAt[u];
        if (tf > 0) score = Math.fround(score + (q.weight[u] * tf) / (tf + n));
        continue;
      }
      let best = 0;
      let total = 0;
      for (let a = q.altStart[c]; a < q.altStart[c + 1]; a++) {
        let sum = 0;
        for (let e = q.entryStart[a]; e < q.entryStart[a + 1]; e++) {
          const tf = tfAt[q.entryUse[e]];
          if (tf > 0) sum += (q.entryWeight[e] * tf) / (tf + n);
        }
        if (sum > best) best = sum;
        total += sum;
      }
      if (best > 0) score = Math.fround(score + disMax(best, total, q.tie));
    }
    return score;
  }

  /**
   * `search` over the documents `kept` (global, ascending) alone: each is scored by look-ups in every
   * term's postings and is a candidate when a finding term holds it.
   */
  private scoreKept(kept: ArrayLike<number>, q: PreparedQuery, top: TopHits, s: TermScratch, stats: Bm25SearchStats | undefined): void {
    let seg = 0;
    for (let j = 0; j < kept.length; j++) {
      const global = kept[j];
      while (seg + 1 < this.segments.length && this.segments[seg + 1].base <= global) seg++;
      const g = this.segments[seg];
      if (global - g.base >= g.live) continue;
      const local = g.toLocal ? g.toLocal[global - g.base] : global - g.base;
      const score = this.scoreDoc(q, seg, local, global, s.tfAt);
      let found = false;
      for (let u = 0; u < q.weight.length && !found; u++) if (q.finder[u] && s.tfAt[u] > 0) found = true;
      if (!found) continue;
      if (stats) {
        stats.candidates++;
        stats.scored++;
      }
      if (top.admits(score, global)) top.add(score, global);
    }
  }

  /** One segment's part of `search`: adds its documents that make the top k so far to `top`. */
  private searchSegment(
    segment: number,
    q: PreparedQuery,
    top: TopHits,
    floor: TopHits,
    s: TermScratch,
    filter: ((doc: number) => boolean) | undefined,
    stats: Bm25SearchStats | undefined,
  ): void {
    const g = this.segments[segment];
    const bm25 = g.bm25;
    const { docLows, tfs, offsets, blockStarts, blockMaxTf, blockMinLen } = bm25;
    const { norm, acc, touched, alive, exact } = this;
    const { k1, b } = this.params;
    const lenScale = b / this.avgLength;
    const nUses = q.weight.length;
    const nConcepts = q.plain.length;
    const { weight, finder, useStart, altStart, entryStart, entryUse, entryWeight, plain, tie } = q;
    const toGlobal = g.toGlobal;
    const globalOf = (d: number) => (toGlobal ? toGlobal[d] : g.base + d);
    let anyFinder = false;
    for (let u = 0; u < nUses; u++) {
      const id = q.ids[u][segment];
      s.id[u] = id;
      if (id < 0) {
        s.from[u] = s.to[u] = s.cursor[u] = s.windowStart[u] = s.block0[u] = 0;
        continue;
      }
      s.from[u] = s.cursor[u] = s.windowStart[u] = offsets[id];
      s.to[u] = offsets[id + 1];
      s.block0[u] = blockStarts[id];
      if (stats) stats.postings += s.to[u] - s.from[u];
      if (finder[u]) anyFinder = true;
    }
    if (!anyFinder) return;

    // The floor: exact scores of the first documents of the rarest finders.
    const sample = this.sample;
    let nSample = 0;
    // Only while the top k is not yet full: once it is, its k-th score (over the segments searched
    // so far) is the bar, and sampling each later segment again cost more than it saved (ten
    // segments of 10,000: BM25 10 ms a question against 5, bench/ask-index.ts).
    // A document's exact score is a look-up in every term's postings: fewer documents for a long
    // question (a hundred terms: 25,600 binary searches a segment, more than its windows' work).
    const most = Math.max(SAMPLE_MIN, Math.min(SAMPLE, Math.floor(SAMPLE_LOOKUPS / nUses)));
    for (let u = 0; u < nUses && nSample < most && !top.full; u++)
      if (finder[u]) for (let p = s.from[u]; p < s.to[u] && nSample < most; p++) sample[nSample++] = bm25.docAt(s.id[u], p);
    const sampled = sample.subarray(0, nSample).sort();
    for (let t = 0; t < nSample; t++) {
      const d = sampled[t];
      if (t > 0 && sampled[t - 1] === d) continue;
      const global = globalOf(d);
      if (global < 0) continue;
      if (stats) stats.sampled++;
      const score = this.scoreDoc(q, segment, d, global, s.tfAt);
      if (floor.admits(score, global) && (!filter || filter(global))) floor.add(score, global);
    }
    let threshold = Math.max(top.threshold, floor.threshold);

    const { useOrder, items, best, bound, altN, cN, lookedUp, essential } = s;
    const { useEntryStart, useEntryAlt, useEntryWeight, conceptOf } = q;
    // Finding terms stay in the last window's order, re-sorted each window: bounds change little from
    // one window to the next, so the insertion sort is about linear (sorting from scratch was an
    // eighth of a hundred-term question's time at 1,000,000 chunks).
    let nFinders = 0;
    for (let u = 0; u < nUses; u++) if (finder[u]) useOrder[nFinders++] = u;
    // A window lies in one span (WINDOW divides SPAN): its postings' documents are lo − low + docLows[p].
    for (let lo = 0; lo < g.bm25.size; lo += WINDOW) {
      const hi = lo + WINDOW;
      const low = lo % SPAN;
      const first = g.base + lo;
      // Each term's postings in this window, and the best its blocks there can add.
      for (let u = 0; u < nUses; u++) {
        // A term with no postings here adds nothing (it then heads the order and finds nothing).
        best[u] = 0;
        bound[u] = 0;
        if (s.to[u] === s.from[u]) continue;
        // The windows go in order: the term's postings from lo on start where the last window's ended.
        const pa = s.cursor[u];
        const pb = bm25.seekNear(s.id[u], pa, s.to[u], hi);
        s.windowStart[u] = pa;
        s.cursor[u] = pb;
        if (pb === pa) continue;
        let most = 0;
        const firstBlock = s.block0[u] + (((pa - s.from[u]) / BM25_BLOCK) | 0);
        const lastBlock = s.block0[u] + (((pb - 1 - s.from[u]) / BM25_BLOCK) | 0);
        for (let blk = firstBlock; blk <= lastBlock; blk++) {
          const tf = blockMaxTf[blk];
          const v = tf / (tf + k1 * (1 - b + lenScale * blockMinLen[blk]));
          if (v > most) most = v;
        }
        best[u] = most;
        bound[u] = weight[u] * most;
      }
      // MaxScore over terms, bounded by concept: the non-essential terms are the common ones and as
      // many finding ones (smallest bound first) as keep what a document holding only them can score
      // under the threshold. That is, per concept, its best alternative's sum over them (plus the tie
      // breaker's share): a word's candidates are alternatives, so their terms need not all find.
      let windowBound = 0;
      for (let c = 0; c < nConcepts; c++) {
        if (plain[c]) {
          const u = useStart[c];
          cN[c] = finder[u] ? 0 : bound[u];
        } else {
          let most = 0;
          let total = 0;
          for (let a = altStart[c]; a < altStart[c + 1]; a++) {
            let sum = 0;
            for (let e = entryStart[a]; e < entryStart[a + 1]; e++) if (!finder[entryUse[e]]) sum += entryWeight[e] * best[entryUse[e]];
            altN[a] = sum;
            if (sum > most) most = sum;
            total += sum;
          }
          cN[c] = disMax(most, total, tie);
        }
        windowBound += cN[c];
      }
      sortBy(useOrder, nFinders, bound);
      let nEssential = 0;
      for (let j = 0; j < nFinders; j++) {
        const u = useOrder[j];
        const c = conceptOf[u];
        let next = bound[u];
        if (!plain[c]) {
          // The concept's bound with u non-essential too.
          let most = 0;
          let total = 0;
          for (let a = altStart[c]; a < altStart[c + 1]; a++) {
            let sum = altN[a];
            for (let e = useEntryStart[u]; e < useEntryStart[u + 1]; e++) if (useEntryAlt[e] === a) sum += useEntryWeight[e] * best[u];
            if (sum > most) most = sum;
            total += sum;
          }
          next = disMax(most, total, tie);
        }
        const more = next - cN[c];
        if ((windowBound + more) * SLACK <= threshold) {
          windowBound += more;
          cN[c] = next;
          for (let e = useEntryStart[u]; e < useEntryStart[u + 1]; e++) altN[useEntryAlt[e]] += useEntryWeight[e] * best[u];
          essential[u] = 0;
        } else {
          essential[u] = 1;
          if (bound[u] > 0) nEssential++;
        }
      }
      if (nEssential === 0) continue;
      // Essential terms' postings, summed a concept at a time into a window-sized buffer: a concept's
      // terms summed, capped at the most its best alternative can get from them (a bound, not a sum).
      let nTouched = 0;
      for (let c = 0; c < nConcepts; c++) {
        let nE = 0;
        for (let u = useStart[c]; u < useStart[c + 1]; u++) if (finder[u] && essential[u] && bound[u] > 0) nE++;
        if (nE === 0) continue;
        let cap = Infinity;
        let sums: Float64Array = acc;
        if (nE > 1) {
          let most = 0;
          let total = 0;
          for (let a = altStart[c]; a < altStart[c + 1]; a++) {
            let sum = 0;
            for (let e = entryStart[a]; e < entryStart[a + 1]; e++) {
              const u = entryUse[e];
              if (finder[u] && essential[u]) sum += entryWeight[e] * best[u];
            }
            if (sum > most) most = sum;
            total += sum;
          }
          cap = disMax(most, total, tie);
          sums = this.conceptAcc;
        }
        let nConceptTouched = 0;
        const conceptTouched = this.conceptTouched;
        for (let u = useStart[c]; u < useStart[c + 1]; u++) {
          if (!finder[u] || !essential[u] || bound[u] === 0) continue;
          const w = weight[u];
          for (let p = s.windowStart[u], to = s.cursor[u]; p < to; p++) {
            const x = docLows[p] - low;
            let n: number;
            if (!toGlobal) n = norm[first + x];
            else {
              // Deleted documents are skipped.
              const global = toGlobal[lo + x];
              if (global < 0) continue;
              n = norm[global];
            }
            const tf = tfs[p];
            if (sums[x] === 0) {
              if (nE > 1) conceptTouched[nConceptTouched++] = x;
              else if (acc[x] === 0) touched[nTouched++] = x;
            }
            sums[x] += (w * tf) / (tf + n);
          }
        }
        if (nE === 1) continue;
        for (let t = 0; t < nConceptTouched; t++) {
          const x = conceptTouched[t];
          if (acc[x] === 0) touched[nTouched++] = x;
          acc[x] += Math.min(sums[x], cap);
          sums[x] = 0;
        }
      }
      if (stats) stats.candidates += nTouched;
      if (nTouched === 0) continue;
      // Documents that can still make the top k: partial sum plus what the terms not yet looked up
      // can add. Concepts are looked up largest bound first, for the whole window at a time.
      // A filtered-out document is dropped before any look-up (a strict filter keeps the bar low).
      // In document order: sorted when few are touched, else read off the window (a question of a
      // hundred terms touches most of it: sorting them cost more than all its look-ups).
      let nAlive = 0;
      const dense = nTouched > WINDOW / 16;
      const window = dense ? undefined : touched.subarray(0, nTouched).sort();
      for (let t = 0, n = dense ? WINDOW : nTouched; t < n; t++) {
        const x = window ? window[t] : t;
        if (acc[x] === 0) continue;
        if ((acc[x] + windowBound) * SLACK > threshold && (!filter || filter(globalOf(lo + x)))) alive[nAlive++] = x;
        else acc[x] = 0;
      }
      let nItems = 0;
      for (let c = 0; c < nConcepts; c++) if (cN[c] > 0) items[nItems++] = c;
      sortBy(items, nItems, cN, -1);
      let remaining = windowBound;
      for (let j = 0; j < nItems && nAlive > 0; j++) {
        const c = items[j];
        // The concept's non-essential terms: one is added to the sums directly, several are summed
        // apart and capped at the concept's bound over them.
        let nN = 0;
        for (let u = useStart[c]; u < useStart[c + 1]; u++) if ((!finder[u] || !essential[u]) && bound[u] > 0) lookedUp[nN++] = u;
        if (nN === 0) continue;
        remaining -= cN[c];
        if (nN === 1) {
          const u = lookedUp[0];
          this.addLookup(g, lo, s.windowStart[u], s.cursor[u], weight[u], nAlive, acc);
        } else {
          const sums = this.conceptAcc;
          for (let v = 0; v < nN; v++) {
            const u = lookedUp[v];
            this.addLookup(g, lo, s.windowStart[u], s.cursor[u], weight[u], nAlive, sums);
          }
          const cap = cN[c];
          for (let a = 0; a < nAlive; a++) {
            const x = alive[a];
            acc[x] += Math.min(sums[x], cap);
            sums[x] = 0;
          }
        }
        let kept = 0;
        for (let a = 0; a < nAlive; a++) {
          const x = alive[a];
          if ((acc[x] + remaining) * SLACK > threshold) alive[kept++] = x;
          else acc[x] = 0;
        }
        nAlive = kept;
      }
      if (nAlive === 0) continue;
      // The exact scores: every concept in order, summed into float32 (as scoreDoc scores a document).
      for (let a = 0; a < nAlive; a++) acc[alive[a]] = 0;
      for (let c = 0; c < nConcepts; c++) {
        if (plain[c]) {
          const u = useStart[c];
          this.addTerm(g, lo, s.windowStart[u], s.cursor[u], weight[u], nAlive, exact);
          continue;
        }
        this.addConcept(g, lo, q, c, s, nAlive);
      }
      for (let a = 0; a < nAlive; a++) {
        const x = alive[a];
        const score = exact[x];
        exact[x] = 0;
        const global = globalOf(lo + x);
        if (stats) stats.scored++;
        if (top.admits(score, global)) {
          top.add(score, global);
          threshold = Math.max(top.threshold, floor.threshold);
        }
      }
    }
  }

  /** Adds concept `c`'s exact value (as `scoreDoc` computes it) to the alive documents' float32 scores. */
  private addConcept(g: Bm25Segment, lo: number, q: PreparedQuery, c: number, s: TermScratch, nAlive: number): void {
    const { alive, exact, altSum, conceptBest, conceptTotal } = this;
    const { altStart, entryStart, entryUse, entryWeight, tie } = q;
    for (let a = 0; a < nAlive; a++) {
      conceptBest[alive[a]] = 0;
      conceptTotal[alive[a]] = 0;
    }
    for (let alt = altStart[c]; alt < altStart[c + 1]; alt++) {
      for (let a = 0; a < nAlive; a++) altSum[alive[a]] = 0;
      for (let e = entryStart[alt]; e < entryStart[alt + 1]; e++) {
        const u = entryUse[e];
        this.addTerm(g, lo, s.windowStart[u], s.cursor[u], entryWeight[e], nAlive, altSum);
      }
      for (let a = 0; a < nAlive; a++) {
        const x = alive[a];
        const v = altSum[x];
        if (v > conceptBest[x]) conceptBest[x] = v;
        conceptTotal[x] += v;
      }
    }
    for (let a = 0; a < nAlive; a++) {
      const x = alive[a];
      if (conceptBest[x] > 0) exact[x] += disMax(conceptBest[x], conceptTotal[x], tie);
    }
  }

  /**
   * `addTerm` into `sums` (the window's partial sums, or a concept's apart) at the documents alive in `acc`, where an alive document is one whose sum is
   * not 0 (the dead are zeroed): when the term's postings are not few against the alive documents,
   * each posting tests its document's sum, with no merge against the alive list.
   */
  private addLookup(g: Bm25Segment, lo: number, pa: number, pb: number, w: number, nAlive: number, sums: Float64Array): void {
    if (pb <= pa) return;
    if (pb - pa >= nAlive * 8) {
      this.addTerm(g, lo, pa, pb, w, nAlive, sums);
      return;
    }
    const { docLows, tfs } = g.bm25;
    const { norm, acc } = this;
    const low = lo % SPAN;
    const toGlobal = g.toGlobal;
    const first = g.base + lo;
    for (let p = pa; p < pb; p++) {
      const x = docLows[p] - low;
      if (acc[x] === 0) continue;
      const tf = tfs[p];
      sums[x] += (w * tf) / (tf + norm[toGlobal ? toGlobal[lo + x] : first + x]);
    }
  }

  /**
   * Adds a term's contributions within a window to `sums` at the alive documents (ascending, in
   * `this.alive`): a merge when the term's postings there are few against them, else a binary search each.
   */
  private addTerm(g: Bm25Segment, lo: number, pa: number, pb: number, w: number, nAlive: number, sums: Float64Array | Float32Array): void {
    if (pb <= pa) return;
    const { docLows, tfs } = g.bm25;
    const { norm, alive } = this;
    // The window's postings are in one span: compare lows (document − lo + low).
    const low = lo % SPAN;
    if (pb - pa < nAlive * 8) {
      let a = 0;
      for (let p = pa; p < pb && a < nAlive; p++) {
        const x = docLows[p] - low;
        while (a < nAlive && alive[a] < x) a++;
        if (a < nAlive && alive[a] === x) {
          const tf = tfs[p];
          const d = lo + x;
          sums[x] += (w * tf) / (tf + norm[g.toGlobal ? g.toGlobal[d] : g.base + d]);
        }
      }
    } else {
      let p = pa;
      for (let a = 0; a < nAlive; a++) {
        const d = lo + alive[a];
        p = lowerBound16(docLows, p, pb, low + alive[a]);
        if (p < pb && docLows[p] === low + alive[a]) {
          const tf = tfs[p];
          sums[alive[a]] += (w * tf) / (tf + norm[g.toGlobal ? g.toGlobal[d] : g.base + d]);
        }
      }
    }
  }

  /** Live documents holding `term` (its corpus-wide document frequency). */
  documentCount(term: string): number {
    return this.termInfo(term)?.df ?? 0;
  }

  /**
   * How many groups the live documents holding `term` fall in, documents grouped by `groupOf` (global
   * document → group, never decreasing along the documents): counted over the segments' postings
   * in place, where `postings` would copy them into one list first.
   */
  distinctGroups(term: string, groupOf: Uint32Array): number {
    const info = this.termInfo(term);
    if (!info) return 0;
    let n = 0;
    let last = -1;
    this.segments.forEach((g, s) => {
      const id = info.ids[s];
      if (id < 0) return;
      forPostings(g.bm25, id, (d) => {
        const global = g.toGlobal ? g.toGlobal[d] : g.base + d;
        if (global < 0) return;
        const group = groupOf[global];
        if (group !== last) {
          n++;
          last = group;
        }
      });
    });
    return n;
  }

  /** Live documents (global numbers, ascending) whose terms include `term`, or undefined when none. */
  postings(term: string): Uint32Array | undefined {
    const only = this.segments.length === 1 ? this.segments[0] : undefined;
    if (only && !only.toGlobal && only.base === 0) return only.bm25.postings(term);
    // Counted first, then copied into one array: one allocation the size of the answer.
    let count = 0;
    for (const g of this.segments) {
      const local = g.bm25.postings(term);
      if (!local) continue;
      if (!g.toGlobal) count += local.length;
      else for (let p = 0; p < local.length; p++) if (g.toGlobal[local[p]] >= 0) count++;
    }
    if (!count) return undefined;
    const all = new Uint32Array(count);
    let at = 0;
    for (const g of this.segments) {
      const local = g.bm25.postings(term);
      if (!local) continue;
      for (let p = 0; p < local.length; p++) {
        const d = g.toGlobal ? g.toGlobal[local[p]] : g.base + local[p];
        if (d >= 0) all[at++] = d;
      }
    }
    return all;
  }
}

/** A search's per-term and per-concept state (sized by the query, never by the corpus). */
class TermScratch {
  readonly from: Uint32Array;
  readonly to: Uint32Array;
  readonly cursor: Uint32Array;
  /** The term's id in the segment (-1 when absent). */
  readonly id: Int32Array;
  /** The term's first block in the segment. */
  readonly block0: Uint32Array;
  /** The largest tf / (tf + norm) of the term's blocks in the current window, and that times its weight. */
  readonly best: Float64Array;
  readonly bound: Float64Array;
  /** The term's postings in the current window: [windowStart, cursor). */
  readonly windowStart: Uint32Array;
  /** A document's term frequency of each term (scoreDoc). */
  readonly tfAt: Float64Array;
  /** The finding terms by bound; whether each is essential in the window; a concept's non-essential terms. */
  readonly useOrder: Uint32Array;
  readonly essential: Uint8Array;
  readonly lookedUp: Uint32Array;
  /** Per alternative: its sum over the non-essential terms' bounds. Per concept: its bound over them. */
  readonly altN: Float64Array;
  readonly cN: Float64Array;
  /** Concepts to look up, by `cN`. */
  readonly items: Uint32Array;
  constructor(uses: number, concepts: number, alts: number) {
    this.id = new Int32Array(uses);
    this.from = new Uint32Array(uses);
    this.to = new Uint32Array(uses);
    this.cursor = new Uint32Array(uses);
    this.block0 = new Uint32Array(uses);
    this.best = new Float64Array(uses);
    this.bound = new Float64Array(uses);
    this.windowStart = new Uint32Array(uses);
    this.tfAt = new Float64Array(uses);
    this.useOrder = new Uint32Array(uses);
    this.essential = new Uint8Array(uses);
    this.lookedUp = new Uint32Array(uses);
    this.altN = new Float64Array(alts);
    this.cN = new Float64Array(concepts);
    this.items = new Uint32Array(concepts);
  }
}

/**
 * A query as the search walks it. A concept is one or more alternatives, each a sum of terms; a
 * document's value of a concept is its best alternative's sum (plus the tie breaker's share of the
 * others'). A term on its own is a plain concept: one alternative of one term.
 */
interface PreparedQuery {
  /** Per use (a term within a concept): the term's id in each segment, -1 where absent. */
  ids: Int32Array[];
  /** Per use: the most it can add to its concept, per unit of tf / (tf + norm) (a plain concept's weight). */
  weight: Float64Array;
  /** Per use: 1 when its postings find candidates (its term is in at most COMMON_SHARE of the documents). */
  finder: Uint8Array;
  /** Concept c's uses are [useStart[c], useStart[c + 1]), its alternatives [altStart[c], altStart[c + 1]). */
  useStart: Uint32Array;
  altStart: Uint32Array;
  /** Alternative a's entries are [entryStart[a], entryStart[a + 1]): a use and its weight in that alternative. */
  entryStart: Uint32Array;
  entryUse: Uint32Array;
  entryWeight: Float64Array;
  /** Use u's entries are [useEntryStart[u], useEntryStart[u + 1]): the alternatives holding it and its weight there. */
  useEntryStart: Uint32Array;
  useEntryAlt: Uint32Array;
  useEntryWeight: Float64Array;
  /** Per use: its concept. */
  conceptOf: Uint32Array;
  /** 1 for a concept of one alternative of one term: scored as a term on its own. */
  plain: Uint8Array;
  tie: number;
}

/** Lucene's dis-max: the best alternative, plus `tie` of the others. */
function disMax(best: number, total: number, tie: number): number {
  return tie === 0 ? best : best + tie * (total - best);
}

function isTermList(query: readonly string[] | Bm25Query): query is readonly string[] {
  return Array.isArray(query);
}

/** Sorts the first `n` term slots of `order` by `key`, ascending (or descending with `sign` -1; insertion sort: a query has tens of terms). */
function sortBy(order: Uint32Array, n: number, key: Float64Array, sign = 1): void {
  for (let i = 1; i < n; i++) {
    const v = order[i];
    let j = i;
    while (j > 0 && sign * key[order[j - 1]] > sign * key[v]) {
      order[j] = order[j - 1];
      j--;
    }
    order[j] = v;
  }
}

/** Calls `fn(local, global)` for each live document of a segment, in order. */
function forLive(g: Bm25Segment, fn: (local: number, global: number) => void): void {
  const n = g.bm25.size;
  for (let l = 0; l < n; l++) {
    const d = g.toGlobal ? g.toGlobal[l] : g.base + l;
    if (d >= 0) fn(l, d);
  }
}

/** Calls `fn(document)` for each posting of term `id`, in order. */
function forPostings(bm25: Bm25Index, id: number, fn: (local: number) => void): void {
  for (let h = 0; h < bm25.spans; h++)
    for (let p = bm25.spanFrom(id, h), to = bm25.spanFrom(id, h + 1); p < to; p++) fn(h * SPAN + bm25.docLows[p]);
}
