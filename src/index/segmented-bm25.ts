/**
 * BM25 over several segments as if they were one index: document frequencies, the document count
 * and the average length are taken over the live documents of all segments (deleted ones left out),
 * so a score does not depend on how the corpus is split into segments.
 *
 * What a search returns (the k best, ties by lower document): terms are ordered rarest first (ties
 * by first-seen term) and a document's score is their float32 sum in that order. Candidates are the
 * documents of the terms in at most COMMON_SHARE of the documents; a more common term (的) only adds
 * to documents a rarer term found (when every term is common, the rarest one alone finds them).
 *
 * How it is found without scoring every candidate (MaxScore, Turtle and Flood 1995, with block
 * bounds as in block-max MaxScore): each term's best possible contribution in a segment bounds
 * what a document can score. Once k documents are held, the candidate-finding terms whose bounds
 * together (with the common terms') cannot beat the k-th score stop finding candidates: documents
 * come only from the others' postings, and the rest are looked up (skipping blocks of postings)
 * only while the document can still make the top k. Results are exact: the same documents and the
 * same float32 scores as scoring every candidate.
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
   * The k best documents (global numbers) for the terms, best first; `filter` rejects documents. A
   * filter listing few documents has them scored directly (the same scores and ties as the search).
   */
  search(queryTerms: readonly string[], k: number, filter?: ChunkFilter, stats?: Bm25SearchStats): ChunkHit[] {
    if (k <= 0 || this.size === 0) return [];
    const counts = new Map<string, number>();
    for (const term of queryTerms) if (this.termInfo(term)) counts.set(term, (counts.get(term) ?? 0) + 1);
    if (counts.size === 0) return [];
    const infos = [...counts.keys()].map((term) => ({ term, info: this.termInfo(term)! }));
    infos.sort((a, b) => a.info.df - b.info.df || a.info.order - b.info.order);
    const termIds = infos.map((t) => t.info.ids);
    const { k1 } = this.params;
    const weights = new Float64Array(infos.length);
    infos.forEach((t, i) => (weights[i] = t.info.idf * counts.get(t.term)! * (k1 + 1)));
    // Terms [0, finders) find candidates; the rest (common ones) only add to them.
    const commonDf = Math.max(COMMON_MIN_DF, this.size * COMMON_SHARE);
    let finders = 0;
    while (finders < infos.length && infos[finders].info.df <= commonDf) finders++;
    if (finders === 0) finders = 1;
    if (stats) {
      stats.terms += infos.length;
      stats.commonTerms += infos.length - finders;
    }
    const top = new TopHits(k);
    if (filter?.kept && filter.kept.length * infos.length <= KEPT_LOOKUPS) {
      this.scoreKept(filter.kept, termIds, weights, finders, top, stats);
      return top.hits;
    }
    // Exact scores of a sample of likely documents: their k-th is a floor under the final k-th
    // score, so pruning starts strong instead of waiting for the top k to fill.
    const floor = new TopHits(k);
    const scratch = new TermScratch(infos.length);
    // Largest segment first: it likely holds the best scores, so each later (smaller) segment
    // starts with a high k-th score to beat and skips what cannot enter the global top k. The
    // order changes no result: (score, global document) decides every admission.
    for (const s of this.bySize) this.searchSegment(s, termIds, weights, finders, top, floor, scratch, filter, stats);
    return top.hits;
  }

  /**
   * `search` over the documents `kept` (global, ascending) alone: each is looked up in every term's
   * postings (term order, float32 sums, as `search` scores) and is a candidate when a finding term holds it.
   */
  private scoreKept(
    kept: ArrayLike<number>,
    termIds: readonly Int32Array[],
    weights: Float64Array,
    finders: number,
    top: TopHits,
    stats: Bm25SearchStats | undefined,
  ): void {
    const { norm } = this;
    let s = 0;
    for (let j = 0; j < kept.length; j++) {
      const global = kept[j];
      while (s + 1 < this.segments.length && this.segments[s + 1].base <= global) s++;
      const g = this.segments[s];
      if (global - g.base >= g.live) continue;
      const local = g.toLocal ? g.toLocal[global - g.base] : global - g.base;
      const { tfs } = g.bm25;
      let score = 0;
      let found = false;
      for (let i = 0; i < termIds.length; i++) {
        const id = termIds[i][s];
        if (id < 0) continue;
        const p = g.bm25.find(id, local);
        if (p >= 0) {
          const tf = tfs[p];
          score = Math.fround(score + (weights[i] * tf) / (tf + norm[global]));
          if (i < finders) found = true;
        }
      }
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
    termIds: readonly Int32Array[],
    weights: Float64Array,
    finders: number,
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
    const nTerms = termIds.length;
    const toGlobal = g.toGlobal;
    const globalOf = (d: number) => (toGlobal ? toGlobal[d] : g.base + d);
    let anyFinder = false;
    for (let i = 0; i < nTerms; i++) {
      const id = termIds[i][segment];
      s.id[i] = id;
      if (id < 0) {
        s.from[i] = s.to[i] = s.cursor[i] = s.windowStart[i] = s.block0[i] = 0;
        continue;
      }
      s.from[i] = s.cursor[i] = s.windowStart[i] = offsets[id];
      s.to[i] = offsets[id + 1];
      s.block0[i] = blockStarts[id];
      if (stats) stats.postings += s.to[i] - s.from[i];
      if (i < finders) anyFinder = true;
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
    const most = Math.max(SAMPLE_MIN, Math.min(SAMPLE, Math.floor(SAMPLE_LOOKUPS / nTerms)));
    for (let i = 0; i < finders && nSample < most && !top.full; i++)
      for (let p = s.from[i]; p < s.to[i] && nSample < most; p++) sample[nSample++] = bm25.docAt(s.id[i], p);
    const sampled = sample.subarray(0, nSample).sort();
    for (let t = 0; t < nSample; t++) {
      const d = sampled[t];
      if (t > 0 && sampled[t - 1] === d) continue;
      const global = globalOf(d);
      if (global < 0) continue;
      if (stats) stats.sampled++;
      let score = 0;
      for (let i = 0; i < nTerms; i++) {
        if (s.to[i] === s.from[i]) continue;
        const p = bm25.find(s.id[i], d);
        if (p >= 0) score = Math.fround(score + (weights[i] * tfs[p]) / (tfs[p] + norm[global]));
      }
      if (floor.admits(score, global) && (!filter || filter(global))) floor.add(score, global);
    }
    let threshold = Math.max(top.threshold, floor.threshold);

    const { finderOrder, lookups } = s;
    // Finders stay in the last window's order, re-sorted each window: bounds change little from one
    // window to the next, so the insertion sort is about linear (sorting from scratch was an eighth of
    // a hundred-term question's time at 1,000,000 chunks).
    for (let i = 0; i < finders; i++) finderOrder[i] = i;
    // A window lies in one span (WINDOW divides SPAN): its postings' documents are lo − low + docLows[p].
    for (let lo = 0; lo < g.bm25.size; lo += WINDOW) {
      const hi = lo + WINDOW;
      const low = lo % SPAN;
      const first = g.base + lo;
      // Each term's postings in this window, and the best its blocks there can add.
      let nLookups = 0;
      let commonBound = 0;
      for (let i = 0; i < nTerms; i++) {
        // A term with no postings here adds nothing (a finder then heads the order and finds nothing).
        s.bound[i] = 0;
        if (s.to[i] === s.from[i]) continue;
        // The windows go in order: the term's postings from lo on start where the last window's ended.
        const pa = s.cursor[i];
        const pb = bm25.seekNear(s.id[i], pa, s.to[i], hi);
        s.windowStart[i] = pa;
        s.cursor[i] = pb;
        if (pb === pa) continue;
        let best = 0;
        const first = s.block0[i] + (((pa - s.from[i]) / BM25_BLOCK) | 0);
        const last = s.block0[i] + (((pb - 1 - s.from[i]) / BM25_BLOCK) | 0);
        for (let blk = first; blk <= last; blk++) {
          const tf = blockMaxTf[blk];
          const v = tf / (tf + k1 * (1 - b + lenScale * blockMinLen[blk]));
          if (v > best) best = v;
        }
        s.bound[i] = weights[i] * best;
        if (i >= finders) {
          lookups[nLookups++] = i;
          commonBound += s.bound[i];
        }
      }
      const nFinders = finders;
      // MaxScore: finders by bound, smallest first; a prefix whose bounds with the common terms'
      // cannot beat the threshold finds no candidate here (its terms are only looked up).
      sortBy(finderOrder, nFinders, s.bound);
      let essential = 0;
      let windowBound = commonBound;
      while (essential < nFinders && (windowBound + s.bound[finderOrder[essential]]) * SLACK <= threshold) {
        windowBound += s.bound[finderOrder[essential]];
        lookups[nLookups++] = finderOrder[essential];
        essential++;
      }
      if (essential === nFinders) continue;
      sortBy(lookups, nLookups, s.bound, -1);
      // Essential finders' postings, summed term at a time into a window-sized buffer.
      let nTouched = 0;
      for (let j = essential; j < nFinders; j++) {
        const i = finderOrder[j];
        const w = weights[i];
        if (!toGlobal) {
          // Nothing deleted: the window's documents are global numbers from base + lo on.
          for (let p = s.windowStart[i], to = s.cursor[i]; p < to; p++) {
            const x = docLows[p] - low;
            const tf = tfs[p];
            if (acc[x] === 0) touched[nTouched++] = x;
            acc[x] += (w * tf) / (tf + norm[first + x]);
          }
          continue;
        }
        for (let p = s.windowStart[i], to = s.cursor[i]; p < to; p++) {
          const x = docLows[p] - low;
          const global = toGlobal[lo + x];
          if (global < 0) continue;
          const tf = tfs[p];
          if (acc[x] === 0) touched[nTouched++] = x;
          acc[x] += (w * tf) / (tf + norm[global]);
        }
      }
      if (stats) stats.candidates += nTouched;
      if (nTouched === 0) continue;
      // Documents that can still make the top k: partial sum plus what the terms not yet looked
      // up can add. Terms are looked up largest bound first, for the whole window at a time.
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
      let remaining = windowBound;
      for (let j = 0; j < nLookups && nAlive > 0; j++) {
        const i = lookups[j];
        if (s.cursor[i] === s.windowStart[i]) continue;
        remaining -= s.bound[i];
        this.addLookup(g, lo, s.windowStart[i], s.cursor[i], weights[i], nAlive);
        let kept = 0;
        for (let a = 0; a < nAlive; a++) {
          const x = alive[a];
          if ((acc[x] + remaining) * SLACK > threshold) alive[kept++] = x;
          else acc[x] = 0;
        }
        nAlive = kept;
      }
      if (nAlive === 0) continue;
      // The exact scores: every term in term order, summed into float32 (as one score per chunk would be).
      for (let a = 0; a < nAlive; a++) acc[alive[a]] = 0;
      for (let i = 0; i < nTerms; i++) this.addTerm(g, lo, s.windowStart[i], s.cursor[i], weights[i], nAlive, exact);
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

  /**
   * `addTerm` into the window's partial sums (`acc`), where an alive document is one whose sum is
   * not 0 (the dead are zeroed): when the term's postings are not few against the alive documents,
   * each posting tests its document's sum, with no merge against the alive list.
   */
  private addLookup(g: Bm25Segment, lo: number, pa: number, pb: number, w: number, nAlive: number): void {
    if (pb <= pa) return;
    if (pb - pa >= nAlive * 8) {
      this.addTerm(g, lo, pa, pb, w, nAlive, this.acc);
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
      acc[x] += (w * tf) / (tf + norm[toGlobal ? toGlobal[lo + x] : first + x]);
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

/** A search's per-term state, one slot a query term (sized by the query, never by the corpus). */
class TermScratch {
  readonly from: Uint32Array;
  readonly to: Uint32Array;
  readonly cursor: Uint32Array;
  /** The term's id in the segment (-1 when absent). */
  readonly id: Int32Array;
  /** The term's first block in the segment. */
  readonly block0: Uint32Array;
  /** The best the term's blocks in the current window can add. */
  readonly bound: Float64Array;
  /** The term's postings in the current window: [windowStart, cursor). */
  readonly windowStart: Uint32Array;
  readonly finderOrder: Uint32Array;
  readonly lookups: Uint32Array;
  constructor(n: number) {
    this.id = new Int32Array(n);
    this.from = new Uint32Array(n);
    this.to = new Uint32Array(n);
    this.cursor = new Uint32Array(n);
    this.block0 = new Uint32Array(n);
    this.bound = new Float64Array(n);
    this.windowStart = new Uint32Array(n);
    this.finderOrder = new Uint32Array(n);
    this.lookups = new Uint32Array(n);
  }
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
