/**
 * A segment's BM25 vocabulary as a hash table stored ready to search: term id → its text (one
 * UTF-16 string of every term back to back, cut by `at`), and an open-addressing table of the
 * terms' hashes. Loading reads three typed arrays and decodes one string; nothing is parsed and no
 * `Map` is built. (Before, `bm25.bin` held the terms as JSON and every start parsed it and built a
 * `Map` of every term of every segment: at 100,000 chunks in ten segments, about a second.)
 *
 * A term's id is its position in the list given (BM25's first-seen order). Look-ups hash the
 * term's UTF-16 code units (FNV-1a), probe linearly, and compare the text only where the stored
 * hash matches.
 */

/** Slots ≥ terms / MAX_LOAD (a power of two): a look-up of a missing term probes ~2.5 slots on average. */
const MAX_LOAD = 0.6;

/** FNV-1a over UTF-16 code units (the string as JavaScript holds it: no encoding per look-up). */
export function termHash(term: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) h = Math.imul(h ^ term.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The arrays that make a table (what a file stores). */
export interface TermTableParts {
  /** Term id → where its text starts in `text` (UTF-16 code units); the text's length last (terms + 1). */
  at: Uint32Array;
  /** Term id → termHash(term). */
  hashes: Uint32Array;
  /** Open addressing, linear probing: term id + 1, or 0 for an empty slot; a power of two long. */
  slots: Uint32Array;
  /** Every term's text, back to back. */
  text: string;
}

export class TermTable {
  private readonly mask: number;

  private constructor(private readonly parts: TermTableParts) {
    this.mask = parts.slots.length - 1;
  }

  get size(): number {
    return this.parts.hashes.length;
  }

  /** The table of `terms` (distinct); a term's id is its position. */
  static fromTerms(terms: readonly string[]): TermTable {
    const n = terms.length;
    let size = 1;
    while (size * MAX_LOAD < n || size < 2) size *= 2;
    const at = new Uint32Array(n + 1);
    const hashes = new Uint32Array(n);
    const slots = new Uint32Array(size);
    const mask = size - 1;
    for (let id = 0; id < n; id++) {
      const term = terms[id];
      at[id + 1] = at[id] + term.length;
      const h = termHash(term);
      hashes[id] = h;
      let s = h & mask;
      while (slots[s] !== 0) s = (s + 1) & mask;
      slots[s] = id + 1;
    }
    return new TermTable({ at, hashes, slots, text: terms.join('') });
  }

  /**
   * A table over stored arrays (views into a file are fine: nothing is copied or scanned). Checks
   * their shape and throws a plain Error naming the first problem. A damaged entry can only make a
   * look-up miss (the text is compared, ids out of range match nothing, probing ends), and the
   * file's checksum catches damage before use anyway.
   */
  static fromParts(parts: TermTableParts): TermTable {
    const { at, hashes, slots, text } = parts;
    const n = hashes.length;
    if (at.length !== n + 1 || at[0] !== 0 || at[n] !== text.length) throw new Error('its term offsets do not fit its term text');
    if (slots.length < 2 || (slots.length & (slots.length - 1)) !== 0 || slots.length < n)
      throw new Error('its term slots are not a power of two');
    return new TermTable(parts);
  }

  /** The arrays to store. */
  toParts(): TermTableParts {
    return this.parts;
  }

  /** The term's id, or undefined when the table does not hold it. */
  id(term: string): number | undefined {
    const { at, hashes, slots, text } = this.parts;
    const h = termHash(term);
    // At most every slot once: a damaged table without an empty slot still ends.
    for (let s = h & this.mask, probes = 0; probes <= this.mask; s = (s + 1) & this.mask, probes++) {
      const slot = slots[s];
      if (slot === 0) return undefined;
      const id = slot - 1;
      // An id beyond the table (a damaged slot) has no hash (undefined) and matches nothing.
      if (hashes[id] === h && at[id + 1] - at[id] === term.length && text.startsWith(term, at[id])) return id;
    }
    return undefined;
  }

  /** The term of an id (tests and tools). */
  term(id: number): string {
    return this.parts.text.slice(this.parts.at[id], this.parts.at[id + 1]);
  }
}
