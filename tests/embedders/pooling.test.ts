import { describe, expect, it } from 'vitest';
import { clsPool, meanPool, normaliseInPlace } from '../../src/index/embedders/pooling.ts';

// Two texts, three tokens, two dims: [[1,2],[3,4],[9,9]] with the last token padded, and [[5,6],[7,8],[1,1]].
const hidden = Float32Array.from([1, 2, 3, 4, 9, 9, 5, 6, 7, 8, 1, 1]);

describe('pooling', () => {
  it('means over unmasked tokens only', () => {
    const [a, b] = meanPool(hidden, [1n, 1n, 0n, 1n, 1n, 1n], 2, 3, 2);
    expect(Array.from(a)).toEqual([2, 3]);
    expect(b[0]).toBeCloseTo(13 / 3, 5);
    expect(b[1]).toBeCloseTo(5, 5);
  });

  it('takes the first token for CLS pooling, as a copy', () => {
    const [a, b] = clsPool(hidden, 2, 3, 2);
    expect(Array.from(a)).toEqual([1, 2]);
    expect(Array.from(b)).toEqual([5, 6]);
    a[0] = 100;
    expect(hidden[0]).toBe(1);
  });

  it('normalises to unit length and leaves zeros alone', () => {
    expect(Array.from(normaliseInPlace(Float32Array.from([3, 4])))).toEqual([0.6000000238418579, 0.800000011920929]);
    expect(Array.from(normaliseInPlace(new Float32Array(2)))).toEqual([0, 0]);
  });
});
