/** What the bench asks of a child process, and how it gets the answer back (JSON files, so logs on stdout/stderr never mix in). */
import type { BenchQuestion } from './measure-queries.ts';
import type { BuildResult, QueryMeasurement } from './result-types.ts';

export interface BuildJob {
  kind: 'build';
  inputs: string[];
  outDir: string;
  /** `builtin` or a model id (createEmbedder's spec). */
  embedder: string;
  modelsDir: string;
  hnsw?: { M?: number; efConstruction?: number; efSearch?: number };
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

export type WorkerJob = BuildJob | QueryJob;

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

export type WorkerOutcome = BuildOutcome | QueryOutcome;
