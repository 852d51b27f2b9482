/** The shape of a bench run, as written to bench/results/<timestamp>.json and rendered into RESULTS.md. */
import type { BenchOptions } from './args.ts';
import type { MachineInfo } from './machine.ts';
import type { LatencySummary } from './stats.ts';

export interface StageTiming {
  stage: string;
  ms: number;
  /** Chunks per second through this stage alone. */
  chunksPerSec: number;
  /** CPU time of the stage (all threads of the building process), when the progress events allow. */
  cpuMs?: number;
  chunksPerCpuSec?: number;
}

export interface BuildResult {
  /** Wall time of the whole build (buildIndex, or the stages called one by one). */
  totalMs: number;
  chunksPerSec: number;
  /** CPU time of the whole build: what it costs when the machine is not shared. */
  cpuMs: number;
  chunksPerCpuSec: number;
  stages: StageTiming[];
  /** How the stage times were obtained. */
  stageSource: 'buildIndex stageMs' | 'stage modules';
  diskBytes: number;
  files: Record<string, number>;
  /** Peak RSS of the building process, in MiB. */
  peakRssMb: number;
  /** Segments the build wrote (absent in runs saved before segments). */
  segments?: number;
}

export interface ColdStart {
  /** From the child process's start (node + tsx boot + imports) to the first answer. */
  processMs: number;
  importMs: number;
  loadMs: number;
  firstAskMs: number;
  /** CPU time of the process (all threads) up to the first answer: the cold start on an idle machine. */
  cpuMs: number;
  /** The engine's own preparation of the loaded index (part of loadMs). */
  engineMs: number;
  /**
   * CPU time of the main thread alone (Linux, 10 ms ticks): what the first answer waits for when the
   * other threads (checksums, graph reads) keep up on another core. Absent elsewhere and in runs saved before it.
   */
  mainThreadCpuMs?: number;
  /**
   * loadIndex's steps (ms, summed over segments; see LoadOptions.onStep): `wait:` steps are the loading
   * thread waiting, `(background)` ones ran on other threads meanwhile. Absent in runs saved before it.
   */
  loadSteps?: Record<string, number>;
  /** Resident memory (MiB) once the index is loaded and the engine prepared, and after the first answer. Absent in runs saved before it. */
  rssAfterLoadMb?: number;
  rssAfterAskMb?: number;
}

export interface MethodSpeed {
  method: MethodName;
  latency: LatencySummary;
  /** Time to build the method's in-memory structure, when the method needs one beyond the index. */
  setupMs?: number;
}

export type MethodName = 'hybrid (ask)' | 'hybrid (fusion)' | 'HNSW (dense)' | 'exact (dense)' | 'BM25' | 'MiniSearch';

export interface RecallAtEf {
  ef: number;
  recallAt10: number;
  hnsw: LatencySummary;
  /** Median exact-search time over median HNSW time, same queries, same vectors (medians resist other load). */
  speedup: number;
  /** The same with means. */
  speedupMean: number;
}

export interface MemoryUse {
  /** After loadIndex alone, before the engine prepares its per-article data. */
  rssAfterIndexMb?: number;
  /** After loadIndex and the engine's preparation. */
  rssAfterLoadMb: number;
  rssAfterQuestionsMb: number;
  heapAfterQuestionsMb: number;
}

/** Per method, over the questions of a QA set. */
export interface MethodQuality {
  method: MethodName;
  /** The top chunk (the first citation's chunk for ask) contains a gold answer. */
  firstHit: number;
  /** Any of the top three contains a gold answer. */
  top3Hit: number;
  /** ask only: the first cited excerpt (≤ 200 characters) contains a gold answer: the sets' natural measure. */
  excerptHit?: number;
  /** ask only: the short answer contains a gold answer. */
  answerHit?: number;
  /** ask only: share of questions answered with an abstention. */
  abstained?: number;
}

/** What the query worker measures over one loaded index. */
export interface QueryMeasurement {
  chunks: number;
  /** The index's HNSW parameters (efSearch is what ask() uses). */
  hnswParams: { M: number; efConstruction: number; efSearch: number };
  articles: number;
  questions: number;
  coldStart?: ColdStart;
  ask: {
    latency: LatencySummary;
    /** Process CPU time per question (all threads, so GC helper threads too). */
    cpu: LatencySummary;
    stages: Record<string, { meanMs: number; share: number }>;
    errors: number;
  };
  /** Why MiniSearch was not run, when it was not. */
  skipped?: string;
  methods: MethodSpeed[];
  recall: RecallAtEf[];
  exact: LatencySummary;
  memory: MemoryUse;
  quality?: MethodQuality[];
}

export interface SizeResult {
  requestedChunks: number;
  build: BuildResult;
  query: QueryMeasurement;
}

export interface QualityResult {
  set: string;
  documents: number;
  build: BuildResult;
  query: QueryMeasurement;
}

/** One update of an index (adding or removing a report), timed in its own process. */
export interface UpdateMeasurement {
  ms: number;
  /** Peak RSS during the update minus RSS when it started. */
  extraRssMb: number;
  peakRssMb: number;
  added: number;
  deleted: number;
  segments: number;
}

/** Updates, parallel builds and segment counts side by side at one size (see bench/segments-phase.ts). */
export interface SegmentsResult {
  requestedChunks: number;
  chunks: number;
  cores: number;
  /** Full builds: one worker thread (one segment), one a core (the default), and ten segments. */
  builds: Array<{ label: string; workers: number; build: BuildResult }>;
  /** The same questions over the one-segment and the ten-segment index. */
  queries: Array<{ label: string; segments: number; query: QueryMeasurement }>;
  add: UpdateMeasurement[];
  remove: UpdateMeasurement[];
}

export interface BenchResult {
  machine: MachineInfo;
  /** The command line of the run (absent in runs saved before it was recorded). */
  command?: string;
  options: Omit<BenchOptions, 'dataDir' | 'outDir' | 'workDir'>;
  embedderId: string;
  sizes: SizeResult[];
  quality: QualityResult[];
  segments?: SegmentsResult;
  finishedAt: string;
  wallMs: number;
}
