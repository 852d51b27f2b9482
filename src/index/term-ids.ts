/**
 * Dense term ids in first-seen order (a term's id is its position in `terms`), for building BM25
 * postings. Most terms of Chinese text are one or two UTF-16 code units (Han characters and
 * bigrams): those are found by their code units in typed arrays, so the analyser never makes a
 * string for an n-gram it has seen before, and a term is identified the same way whether it came
 * as a string (a segmenter's word) or as a span of the text. Longer terms go through a Map.
 */

const EMPTY = -1;

export class TermIds {
  /** Terms in first-seen order. */
  readonly terms: string[] = [];
  /** Code unit → id of the one-unit term. */
  private readonly single = new Int32Array(0x10000).fill(EMPTY);
  /** Open addressing (linear probing) over (first unit << 16 | second unit) → id of the two-unit term. */
  private pairKeys = new Uint32Array(1 << 16);
  private pairIds = new Int32Array(1 << 16).fill(EMPTY);
  /** 32 − log2(table size): a key's slot is the top bits of its Fibonacci hash. */
  private pairShift = 16;
  private pairCount = 0;
  private readonly longer = new Map<string, number>();

  get size(): number {
    return this.terms.length;
  }

  /** The id of `term` (a new one when unseen). */
  ofString(term: string): number {
    return term.length < 3 ? this.ofSpan(term, 0, term.length) : this.ofLonger(term);
  }

  /** The id of `text.slice(from, to)`, making that string only when the term is new. */
  ofSpan(text: string, from: number, to: number): number {
    const n = to - from;
    if (n === 1) {
      const unit = text.charCodeAt(from);
      let id = this.single[unit];
      if (id === EMPTY) {
        id = this.add(text.slice(from, to));
        this.single[unit] = id;
      }
      return id;
    }
    if (n === 2) return this.ofPair(text, from);
    return this.ofLonger(text.slice(from, to));
  }

  private ofPair(text: string, from: number): number {
    const key = ((text.charCodeAt(from) << 16) | text.charCodeAt(from + 1)) >>> 0;
    const mask = this.pairKeys.length - 1;
    // Fibonacci hashing: the top bits of key × 2^32/φ spread neighbouring code points apart.
    let slot = Math.imul(key, 0x9e3779b1) >>> this.pairShift;
    for (;;) {
      const id = this.pairIds[slot];
      if (id === EMPTY) break;
      if (this.pairKeys[slot] === key) return id;
      slot = (slot + 1) & mask;
    }
    const id = this.add(text.slice(from, from + 2));
    this.pairKeys[slot] = key;
    this.pairIds[slot] = id;
    if (++this.pairCount * 2 > this.pairKeys.length) this.growPairs();
    return id;
  }

  private growPairs(): void {
    const keys = this.pairKeys;
    const ids = this.pairIds;
    this.pairKeys = new Uint32Array(keys.length * 2);
    this.pairIds = new Int32Array(keys.length * 2).fill(EMPTY);
    this.pairShift--;
    const mask = this.pairKeys.length - 1;
    for (let s = 0; s < keys.length; s++) {
      if (ids[s] === EMPTY) continue;
      let slot = Math.imul(keys[s], 0x9e3779b1) >>> this.pairShift;
      while (this.pairIds[slot] !== EMPTY) slot = (slot + 1) & mask;
      this.pairKeys[slot] = keys[s];
      this.pairIds[slot] = ids[s];
    }
  }

  private ofLonger(term: string): number {
    let id = this.longer.get(term);
    if (id === undefined) {
      id = this.add(term);
      this.longer.set(term, id);
    }
    return id;
  }

  private add(term: string): number {
    this.terms.push(term);
    return this.terms.length - 1;
  }
}
