import { describe, expect, it } from 'vitest';
import { TermTable, termHash } from '../../src/index/term-table.ts';
import { seededRandom } from '../../bench/prng.ts';

/** Distinct terms of the kinds the analyser yields: characters, bigrams, words, Latin and numbers, a character outside the BMP. */
function someTerms(n: number): string[] {
  const random = seededRandom(7);
  const out = new Set<string>(['会', '会议', '安全生产', 'gdp', '2021', '8.1', '𠀋', '𠀋会', '']);
  while (out.size < n) {
    const len = 1 + Math.floor(random() * 4);
    let t = '';
    for (let i = 0; i < len; i++) t += String.fromCharCode(0x4e00 + Math.floor(random() * 2000));
    out.add(t);
  }
  return [...out];
}

describe('TermTable', () => {
  const terms = someTerms(20_000);
  const table = TermTable.fromTerms(terms);

  it('finds every term at its position and nothing else', () => {
    expect(table.size).toBe(terms.length);
    terms.forEach((t, id) => expect(table.id(t)).toBe(id));
    expect(table.term(3)).toBe('gdp');
    for (const missing of ['会议室', '会议 ', 'GDP', '𠀋会议', '\u0000', 'x'.repeat(300)]) expect(table.id(missing)).toBeUndefined();
  });

  it('compares the text where hashes are equal', () => {
    // 丙 stored with 甲's hash, in the slot a look-up of 甲 probes first: the look-up must pass it.
    const h = termHash('甲');
    const slots = new Uint32Array(4);
    slots[h & 3] = 2; // id 1: 丙
    slots[(h + 1) & 3] = 1; // id 0: 甲
    const table = TermTable.fromParts({ at: Uint32Array.of(0, 1, 2), hashes: Uint32Array.of(h, h), slots, text: '甲丙' });
    expect(table.id('甲')).toBe(0);
    expect(table.id('丙')).toBeUndefined(); // its own hash leads nowhere it is stored
  });

  it('works from its stored parts, and refuses parts that do not fit', () => {
    const parts = table.toParts();
    const copy = TermTable.fromParts({ ...parts, at: parts.at.slice(), hashes: parts.hashes.slice(), slots: parts.slots.slice() });
    terms.forEach((t, id) => expect(copy.id(t)).toBe(id));
    expect(() => TermTable.fromParts({ ...parts, text: parts.text.slice(1) })).toThrow(/offsets do not fit/);
    expect(() => TermTable.fromParts({ ...parts, slots: parts.slots.subarray(1) })).toThrow(/power of two/);
  });

  it('only misses where a slot names no term', () => {
    const parts = table.toParts();
    const slots = parts.slots.slice();
    const s = slots.findIndex((x) => x !== 0);
    const lost = terms[slots[s] - 1];
    slots[s] = terms.length + 5;
    const damaged = TermTable.fromParts({ ...parts, slots });
    expect(damaged.id(lost)).toBeUndefined();
    expect(damaged.id(terms[0] === lost ? terms[1] : terms[0])).toBe(terms[0] === lost ? 1 : 0);
  });

  it('ends a look-up in a table without an empty slot', () => {
    const full = TermTable.fromParts({
      at: Uint32Array.of(0, 1, 2),
      hashes: Uint32Array.of(1, 2),
      slots: Uint32Array.of(1, 2),
      text: 'ab',
    });
    expect(full.id('c')).toBeUndefined();
    expect(full.id('a')).toBeUndefined(); // its stored hash is not termHash('a'): a damaged table only misses
  });

  it('is empty for no terms', () => {
    const empty = TermTable.fromTerms([]);
    expect(empty.size).toBe(0);
    expect(empty.id('会')).toBeUndefined();
  });
});
