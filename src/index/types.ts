/** Contracts of the index stage. */

export type EmbedKind = 'query' | 'passage';

/** Turns texts into L2-normalised vectors of a fixed dimension. */
export interface Embedder {
  /** Recorded in the manifest; a query must use the embedder that built the index. e.g. "builtin-ngram-v1" or a model id. */
  readonly id: string;
  readonly dim: number;
  embed(texts: string[], kind: EmbedKind): Promise<Float32Array[]>;
}

/** Written last into an index folder; describes what built it. */
export interface Manifest {
  formatVersion: number;
  embedder: { id: string; dim: number };
  /** Hash over the input articles; equal fingerprints mean nothing to rebuild. */
  corpusFingerprint: string;
  counts: { files: number; articles: number; chunks: number };
  builtAt: string;
  buildMs: number;
  hnsw: { M: number; efConstruction: number; efSearch: number };
}

/** A scored chunk, by its position in the index's chunk list. */
export interface ChunkHit {
  chunk: number;
  score: number;
}
