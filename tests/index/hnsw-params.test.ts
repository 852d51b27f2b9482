import { describe, expect, it } from 'vitest';
import { DEFAULT_HNSW, efSearchFor } from '../../src/index/hnsw-store.ts';

describe('HNSW search ef by index size', () => {
  it('grows with the index from a floor, within a cap', () => {
    expect(efSearchFor(10)).toBe(DEFAULT_HNSW.efSearch);
    expect(efSearchFor(10_000)).toBe(200);
    expect(efSearchFor(100_000)).toBe(300);
    const sizes = [1, 100, 1000, 5000, 10_000, 50_000, 100_000, 1_000_000, 1e9];
    const efs = sizes.map((n) => efSearchFor(n));
    for (let i = 1; i < efs.length; i++) expect(efs[i]).toBeGreaterThanOrEqual(efs[i - 1]);
    expect(efSearchFor(1e12)).toBe(1000);
  });
});
