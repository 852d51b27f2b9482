/**
 * Exact nearest neighbours by cosine over the index's stored (unit) vectors: the ground truth for
 * HNSW recall and the "no ANN" baseline. Vectors are copied into one flat matrix so the scan is a
 * tight dot-product loop, as a careful brute-force implementation would be.
 */
import type { ChunkHit } from '../src/index/types.ts';

export class ExactSearch {
  private readonly matrix: Float32Array;

  constructor(
    readonly count: number,
    readonly dim: number,
    vector: (i: number) => Float32Array,
  ) {
    this.matrix = new Float32Array(count * dim);
    for (let i = 0; i < count; i++) this.matrix.set(vector(i), i * dim);
  }

  /** Top k by dot product (= cosine for unit vectors), best first. */
  search(query: Float32Array, k: number): ChunkHit[] {
    const { matrix, dim, count } = this;
    // A small sorted buffer of the best k: k is tiny next to count.
    const scores = new Float64Array(k).fill(-Infinity);
    const ids = new Int32Array(k).fill(-1);
    for (let i = 0, off = 0; i < count; i++, off += dim) {
      let dot = 0;
      for (let d = 0; d < dim; d++) dot += matrix[off + d] * query[d];
      if (dot <= scores[k - 1]) continue;
      let j = k - 1;
      while (j > 0 && scores[j - 1] < dot) {
        scores[j] = scores[j - 1];
        ids[j] = ids[j - 1];
        j--;
      }
      scores[j] = dot;
      ids[j] = i;
    }
    const hits: ChunkHit[] = [];
    for (let j = 0; j < k && ids[j] >= 0; j++) hits.push({ chunk: ids[j], score: scores[j] });
    return hits;
  }
}
