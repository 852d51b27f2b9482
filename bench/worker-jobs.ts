/** What the bench asks of a child process, and how it gets the answer back (JSON files, so logs on stdout/stderr never mix in). */
import type { BenchQuestion } from './measure-queries.ts';
import type { BuildResult, ColdStart, QueryMeasurement } from './result-types.ts';

export interface BuildJob {
  kind: 'build';
  inputs: string[];
  outDir: string;
  /** `builtin` or a model id (createEmbedder's spec). */
  embedder: string;
  modelsDir: string;
  hnsw?: { M?: number; efConstruction?: number; efSearch?: number };
  /** Worker threads for the build (default: one a core). */
  workers?: number;
  /** Split into segments from this many chunks (default: buildIndex's). */
  parallelMinChunks?: number;
  /** Segments to split into (default: one a worker). */
  segments?: number;
  /** Run the merge policy after the build (default true). */
  merge?: boolean;
}

/** Updates an existing index from `inputs` (adding or removing a report), in a fresh process. */
export interface UpdateJob {
  kind: 'update';
  inputs: string[];
  outDir: string;
  embedder: string;
  modelsDir: string;
}

export interface QueryJob {
  kind: 'query';
  indexDir: string;
  modelsDir: string;
  questions: BenchQuestion[];
  efValues: number[];
  scoreQuality: boolean;
  maxSlowQueries?: number;
  peerMaxChunks?: number;
}

/** Opens an index and answers one question, nothing more: the cold start alone (bench/cold-start.ts). */
export interface ColdStartJob {
  kind: 'coldstart';
  indexDir: string;
  modelsDir: string;
  question: string;
}

export type WorkerJob = BuildJob | QueryJob | UpdateJob | ColdStartJob;

export interface BuildOutcome {
  kind: 'build';
  build: BuildResult;
  chunks: number;
  articles: number;
  embedderId: string;
}

export interface QueryOutcome {
  kind: 'query';
  query: QueryMeasurement;
}

export interface UpdateOutcome {
  kind: 'update';
  ms: number;
  /** RSS when the update started (the process with its imports and embedder) and its peak during the update. */
  rssBeforeMb: number;
  peakRssMb: number;
  added: number;
  deleted: number;
  segments: number;
  merges: number;
}

export interface ColdStartOutcome {
  kind: 'coldstart';
  coldStart: ColdStart;
}

export type WorkerOutcome = BuildOutcome | QueryOutcome | UpdateOutcome | ColdStartOutcome;
