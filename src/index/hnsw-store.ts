/**
 * The approximate nearest-neighbour index: hnswlib's HNSW graph in cosine space, labels = chunk
 * positions. hnswlib does not store `ef` in its file and falls back to 10 on load, so every path
 * that yields a searchable store sets `efSearch` explicitly.
 */
import hnswlib from 'hnswlib-node';
import type { ChunkHit } from './types.ts';

export interface HnswParams {
  M: number;
  efConstruction: number;
  efSearch: number;
}

/**
 * M=32 / efConstruction=100 against the former 16 / 200, same vectors (bench/FINDINGS.md): recall@10
 * at ef=200 0.985 vs 0.961 at 10k chunks, and inserts ~20–30% faster. `efSearch` here is only the
 * floor: a build records `efSearchFor(chunks)`.
 */
export const DEFAULT_HNSW: HnswParams = { M: 32, efConstruction: 100, efSearch: 64 };

/**
 * The search `ef` for an index of `count` points: 200 at 10,000, x1.5 per tenfold (~133 at 1,000,
 * 300 at 100,000, 450 at 1,000,000). The built-in embedder's vectors are nearly orthogonal and
 * questions are short, so similarities are flat and the walk needs more candidates as the graph
 * grows. Measured recall@10 (M=32, efConstruction=100): 0.985 at ef=200 on 10k; on 100k 0.978 /
 * 0.991 at ef 200 / 400 (bench questions) and 0.982 at 300 (200 CMRC/DRCD questions), ~3.4 ms a search.
 */
export function efSearchFor(count: number, floor = DEFAULT_HNSW.efSearch): number {
  const grown = Math.round(200 * Math.pow(Math.max(count, 1) / 10_000, Math.log10(1.5)));
  return Math.min(1000, Math.max(floor, grown));
}

// Fixed so that the same vectors always give the same graph.
const RANDOM_SEED = 100;

export class HnswStore {
  private constructor(
    private readonly index: hnswlib.HierarchicalNSW,
    readonly dim: number,
    readonly params: HnswParams,
  ) {}

  /** Builds over `count` vectors; `vectorAt(i)` gives the vector of label i. */
  static build(dim: number, count: number, vectorAt: (i: number) => Float32Array, params: HnswParams = DEFAULT_HNSW): HnswStore {
    const index = new hnswlib.HierarchicalNSW('cosine', dim);
    index.initIndex(Math.max(1, count), params.M, params.efConstruction, RANDOM_SEED);
    for (let i = 0; i < count; i++) index.addPoint(Array.from(vectorAt(i)), i);
    index.setEf(params.efSearch);
    return new HnswStore(index, dim, params);
  }

  /** As `build`, calling `pause(done)` every `every` points (progress, and a turn of the event loop). */
  static async buildAsync(
    dim: number,
    count: number,
    vectorAt: (i: number) => Float32Array,
    params: HnswParams,
    pause: (done: number) => Promise<void>,
    every = 500,
  ): Promise<HnswStore> {
    const index = new hnswlib.HierarchicalNSW('cosine', dim);
    index.initIndex(Math.max(1, count), params.M, params.efConstruction, RANDOM_SEED);
    for (let i = 0; i < count; i++) {
      if (i % every === 0) await pause(i);
      index.addPoint(Array.from(vectorAt(i)), i);
    }
    await pause(count);
    index.setEf(params.efSearch);
    return new HnswStore(index, dim, params);
  }

  /** Loads a written store; `params.efSearch` is applied (hnswlib would otherwise use 10). */
  static async load(file: string, dim: number, params: HnswParams): Promise<HnswStore> {
    const index = new hnswlib.HierarchicalNSW('cosine', dim);
    await index.readIndex(file);
    index.setEf(params.efSearch);
    return new HnswStore(index, dim, params);
  }

  /** Leaves a point out of every later search (in memory only: a deleted chunk of an immutable segment). */
  markDeleted(label: number): void {
    this.index.markDelete(label);
  }

  async write(file: string): Promise<void> {
    await this.index.writeIndex(file);
  }

  get count(): number {
    return this.index.getCurrentCount();
  }

  get ef(): number {
    return this.index.getEf();
  }

  /**
   * Best first; score = 1 - cosine distance. May return fewer than k when a filter is strict. `ef`
   * overrides the store's own for this search (a segment searched with its share of a budget).
   */
  search(vector: Float32Array | number[], k: number, filter?: (label: number) => boolean, ef?: number): ChunkHit[] {
    const n = Math.min(k, this.count);
    if (n <= 0) return [];
    const own = this.params.efSearch;
    if (ef !== undefined && ef !== own) this.index.setEf(ef);
    let found: { neighbors: number[]; distances: number[] };
    try {
      found = this.index.searchKnn(Array.isArray(vector) ? vector : Array.from(vector), n, filter);
    } finally {
      if (ef !== undefined && ef !== own) this.index.setEf(own);
    }
    const { neighbors, distances } = found;
    const hits = neighbors.map((chunk, i) => ({ chunk, score: 1 - distances[i] }));
    // hnswlib returns nearest first already; sort anyway so ties order deterministically.
    return hits.sort((a, b) => b.score - a.score || a.chunk - b.chunk);
  }
}
