/**
 * The stored chunk vectors: one Float32 (little-endian) row per chunk, in chunk order, dimension
 * from the manifest. Kept beside the HNSW graph so exact search and re-ranking need no graph
 * access, and so a rebuild can reuse the vectors of articles whose text did not change.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { closeWhenCollected, unregister } from './fd-closer.ts';

export const VECTORS_FILE = 'vectors.f32';
export const VECTOR_ROWS_FILE = 'vector-rows.json';

/** Which rows hold an article's chunk vectors, and the hash of the texts they embed. */
export interface ArticleRows {
  articleId: string;
  /** sha256 over the embedder id and the article's embedded chunk texts. */
  hash: string;
  /** sha256 of the article as read (text and metadata): equal means the article is unchanged. */
  articleHash: string;
  first: number;
  count: number;
}

export class VectorMatrix {
  constructor(
    readonly data: Float32Array,
    readonly dim: number,
  ) {
    if (dim <= 0 || data.length % dim !== 0) throw new Error(`vector data of ${data.length} floats is not a multiple of dimension ${dim}`);
  }

  get rows(): number {
    return this.data.length / this.dim;
  }

  /** A view (no copy) of row i. */
  row(i: number): Float32Array {
    return this.data.subarray(i * this.dim, (i + 1) * this.dim);
  }

  static fromRows(rows: readonly Float32Array[], dim: number): VectorMatrix {
    const data = new Float32Array(rows.length * dim);
    rows.forEach((r, i) => {
      if (r.length !== dim) throw new Error(`vector ${i} has dimension ${r.length}, expected ${dim}`);
      data.set(r, i * dim);
    });
    return new VectorMatrix(data, dim);
  }

  serialise(): Buffer {
    // Float32Array is little-endian on every platform Node supports.
    return Buffer.from(this.data.buffer, this.data.byteOffset, this.data.byteLength);
  }

  static read(file: string, dim: number): VectorMatrix {
    const buf = readFileSync(file);
    if (buf.length % (4 * dim) !== 0) throw new Error(`${file} has ${buf.length} bytes, not whole rows of dimension ${dim}`);
    return VectorMatrix.fromBuffer(buf, dim);
  }

  /**
   * Rows stored in `buf` (as serialised). A 4-aligned buffer is viewed in place, not copied: at
   * 100,000 chunks that is 200 MB less to copy and hold twice while loading.
   */
  static fromBuffer(buf: Buffer, dim: number): VectorMatrix {
    if (buf.length % 4 !== 0) throw new Error(`${buf.length} bytes are not whole 32-bit floats`);
    if (buf.byteOffset % 4 === 0) return new VectorMatrix(new Float32Array(buf.buffer, buf.byteOffset, buf.length / 4), dim);
    const data = new Float32Array(buf.length / 4);
    new Uint8Array(data.buffer).set(buf);
    return new VectorMatrix(data, dim);
  }

  /** Exact cosine search (rows are L2-normalised, so cosine = dot product) over the rows `filter` keeps. */
  exactSearch(query: Float32Array, k: number, filter?: (row: number) => boolean): Array<{ chunk: number; score: number }> {
    const scores: Array<{ chunk: number; score: number }> = [];
    const { dim, data } = this;
    for (let r = 0; r < this.rows; r++) {
      if (filter && !filter(r)) continue;
      let dot = 0;
      const base = r * dim;
      for (let j = 0; j < dim; j++) dot += data[base + j] * query[j];
      scores.push({ chunk: r, score: dot });
    }
    return scores.sort((a, b) => b.score - a.score || a.chunk - b.chunk).slice(0, k);
  }
}

/**
 * The stored vectors read from the file row by row, not held in memory: the HNSW graph keeps its
 * own copy of every vector, so holding the matrix too cost ~195 MB at 100,000 chunks for what only
 * filtered exact search and `vector()` read. The file stays open for the store's life (a rebuild may
 * remove the folder; the open file still reads). Close it with `close()`, or it closes when the
 * store is garbage-collected.
 */
export class VectorFile {
  private readonly fd: number;

  constructor(
    file: string,
    readonly dim: number,
    readonly rows: number,
  ) {
    this.fd = openSync(file, 'r');
    closeWhenCollected(this, this.fd);
  }

  /** A fresh copy of row i. */
  row(i: number): Float32Array {
    const out = new Float32Array(this.dim);
    const bytes = this.dim * 4;
    const n = readSync(this.fd, new Uint8Array(out.buffer), 0, bytes, i * bytes);
    if (n !== bytes) throw new Error(`vector row ${i} is beyond the end of the file`);
    return out;
  }

  /** Exact cosine search over the rows `filter` keeps (meant for a few thousand rows). */
  exactSearch(query: Float32Array, k: number, filter?: (row: number) => boolean): Array<{ chunk: number; score: number }> {
    const scores: Array<{ chunk: number; score: number }> = [];
    for (let r = 0; r < this.rows; r++) {
      if (filter && !filter(r)) continue;
      const row = this.row(r);
      let dot = 0;
      for (let j = 0; j < this.dim; j++) dot += row[j] * query[j];
      scores.push({ chunk: r, score: dot });
    }
    return scores.sort((a, b) => b.score - a.score || a.chunk - b.chunk).slice(0, k);
  }

  close(): void {
    unregister(this);
    closeSync(this.fd);
  }
}
