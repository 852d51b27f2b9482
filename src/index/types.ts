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

/**
 * Which chunks a search may return: a test of a chunk's position, with the list of the chunks it keeps
 * (ascending) when the caller has it, which spares a search testing every chunk.
 */
export type ChunkFilter = ((chunk: number) => boolean) & { readonly kept?: ArrayLike<number> };

/**
 * A lexical search whose groups count as one concept each (`Bm25Query`): a group's texts are
 * alternatives (an English word's translations), each analysed on its own, and a chunk scores the
 * best one it holds. `text` is analysed as a plain search text.
 */
export interface LexicalQuery {
  text: string;
  groups: ReadonlyArray<readonly string[]>;
  /** Dis-max tie breaker: the share of a group's other alternatives added to its best (0: none). */
  tie?: number;
  /**
   * Find `rescore` × k chunks by the groups' words and bigrams, then score those with every term (a
   * candidate's single characters too) and keep the k best: characters refine a ranking but rarely
   * find a chunk worth it. Absent: one search with every term.
   */
  rescore?: number;
}

/** A scored chunk, by its position in the index's chunk list. */
export interface ChunkHit {
  chunk: number;
  score: number;
}

/**
 * A loaded, read-only index: what retrieval searches. Built by `buildIndex` (src/index/build.ts),
 * opened by `loadIndex` (src/index/load.ts).
 */
export interface ReportIndex {
  /** The index folder as given to loadIndex (the link a rebuild replaces): reload from here. */
  readonly dir: string;
  /** The version folder the files were actually read from (see src/index/index-folder.ts). */
  readonly versionDir?: string;
  readonly manifest: Manifest;
  readonly articles: readonly import('../corpus/types.ts').Article[];
  readonly articleById: ReadonlyMap<string, import('../corpus/types.ts').Article>;
  /** Position in this list is the chunk's label in the HNSW index and its document number in BM25. */
  readonly chunks: readonly import('../corpus/types.ts').Chunk[];
  /** The embedder that built the index (queries must use it). */
  readonly embedder: Embedder;
  /** Approximate nearest neighbours by cosine similarity (score = 1 - distance), best first. */
  denseSearch(vector: Float32Array, k: number, filter?: ChunkFilter): ChunkHit[];
  /**
   * `denseSearch` started now and completed by the returned function (the same hits): an index with a
   * search thread starts that thread's graph walks at once, so what the caller does in between (BM25)
   * overlaps them. Optional (test doubles leave it out; callers then use `denseSearch`).
   */
  beginDenseSearch?(vector: Float32Array, k: number, filter?: ChunkFilter): () => ChunkHit[];
  /**
   * BM25 over the analysed terms of `query`, best first; `stats` adds what the search did (profiling).
   * A `LexicalQuery` also scores each of its groups as one concept.
   */
  lexicalSearch(
    query: string | LexicalQuery,
    k: number,
    filter?: ChunkFilter,
    stats?: import('./segmented-bm25.ts').Bm25SearchStats,
  ): ChunkHit[];
  /**
   * The chunks (ascending positions) whose BM25 terms include `term` — a jieba word, a Han character
   * or a Han bigram, in search form — or undefined when none does. Read-only view; optional so test
   * doubles may leave it out.
   */
  lexicalPostings?(term: string): Uint32Array | undefined;
  /**
   * How many groups the chunks whose BM25 terms include `term` fall in, chunks grouped by `groupOf`
   * (chunk position → group, never decreasing along the chunks): articles holding a term, counted
   * without copying its postings. Optional, as `lexicalPostings`.
   */
  lexicalGroupCount?(term: string, groupOf: Uint32Array): number;
  /** How many chunks' BM25 terms include `term` (0 when none). Optional, as `lexicalPostings`. */
  lexicalDocCount?(term: string): number;
  /** The analyser the BM25 index was built with (jieba with the index's user dictionary). */
  analyse(text: string): string[];
  /** The stored, normalised vector of a chunk (for exact search and re-ranking). */
  vector(chunk: number): Float32Array;
}
