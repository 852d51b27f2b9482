/**
 * Builds new segments: one after another on this thread, or (a large build) on a pool of worker
 * threads that take the segments as a queue, so analysis and graph insertion use every core.
 * hnswlib and jieba are native and per thread: each worker loads its own once and keeps it for
 * every segment it builds (a worker a segment paid the start-up and jieba's dictionary each time).
 *
 * A segment's input is asked for when the segment is next in line (`input()`, in segment order), so
 * the caller can still be preparing the later segments (embedding their chunks) while the workers
 * build the first ones.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { setImmediate } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { IndexBuildError } from './errors.ts';
import { writeSegment, type FileEntry, type SegmentInput, type SegmentStage } from './segment.ts';

export interface SegmentJob {
  id: string;
  /** Chunks of the segment (for progress before its input exists). */
  chunks: number;
  /** The segment's input; called once, in job order, each call after the one before has resolved. */
  input(): Promise<SegmentInput>;
}

export interface BuildSegmentsOptions {
  parallel: boolean;
  /** Worker threads at a time (default: one a segment). */
  concurrency?: number;
  signal?: AbortSignal;
  /** Progress summed over the segments of the stage most of them are in. */
  onProgress?(stage: SegmentStage, done: number, total: number): void;
}

function interrupted(): IndexBuildError {
  return new IndexBuildError('INTERRUPTED', 'Index build interrupted; the previous index is unchanged.');
}

const WORKER_FILE = new URL(`./segment-worker${path.extname(fileURLToPath(import.meta.url))}`, import.meta.url);

/**
 * Starts a segment worker. Run from TypeScript sources (tsx, tests), the worker registers tsx's
 * loader itself before importing the worker module: Node 20 does not pass `--import` loaders on to
 * worker threads.
 */
function startWorker(): Worker {
  if (!WORKER_FILE.pathname.endsWith('.ts')) return new Worker(WORKER_FILE);
  const pkg = createRequire(import.meta.url).resolve('tsx/package.json');
  const api = pathToFileURL(path.join(path.dirname(pkg), 'dist/esm/api/index.mjs')).href;
  const boot = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(WORKER_FILE.href)}); });`;
  return new Worker(boot, { eval: true });
}

/** What a segment worker posts (segment-worker.ts). */
export type WorkerMessage =
  | { type: 'progress'; stage: SegmentStage; done: number }
  | { type: 'done'; files: Record<string, FileEntry> }
  | { type: 'failed'; message: string; stack?: string };

/** What a segment worker is sent: one segment to build. */
export interface WorkerJob {
  root: string;
  id: string;
  input: SegmentInput;
}

/**
 * The inputs of `jobs`, each asked for once, in order: job i's `input()` is called when job i-1's has
 * resolved, as soon as that happens (not when a worker is free), so preparing the next input overlaps
 * the building of the ones before.
 */
function inputsInOrder(jobs: readonly SegmentJob[]): Array<Promise<SegmentInput>> {
  const out: Array<Promise<SegmentInput>> = [];
  let previous: Promise<unknown> = Promise.resolve();
  for (const job of jobs) {
    const next = previous.then(() => job.input());
    // A failed input fails its own job; the ones after it are never asked for.
    previous = next;
    out.push(next);
  }
  // Rejections are handled where the jobs are awaited; these stop "unhandled" warnings for jobs never reached.
  for (const p of out) p.catch(() => undefined);
  return out;
}

export async function buildSegments(
  root: string,
  jobs: readonly SegmentJob[],
  opts: BuildSegmentsOptions,
): Promise<Array<Record<string, FileEntry>>> {
  const total = jobs.reduce((n, j) => n + j.chunks, 0);
  const done = jobs.map(() => ({ stage: 'analyse' as SegmentStage, done: 0 }));
  const report = (i: number, stage: SegmentStage, d: number) => {
    done[i] = { stage, done: d };
    const sum = done.reduce((n, x) => n + (x.stage === stage ? x.done : 0), 0);
    opts.onProgress?.(stage, sum, total);
  };
  if (!opts.parallel || jobs.length < 2) {
    const out: Array<Record<string, FileEntry>> = [];
    for (const [i, job] of jobs.entries()) {
      out.push(
        await writeSegment(root, job.id, await job.input(), async (stage, d) => {
          report(i, stage, d);
          await setImmediate();
          if (opts.signal?.aborted) throw interrupted();
        }),
      );
    }
    return out;
  }
  const inputs = inputsInOrder(jobs);
  const workers: Worker[] = [];
  const onAbort = () => {
    for (const w of workers) void w.terminate();
  };
  opts.signal?.addEventListener('abort', onAbort);
  /** Builds job i on `worker`, which has no other job meanwhile. */
  const runOn = (worker: Worker, i: number, input: SegmentInput) =>
    new Promise<Record<string, FileEntry>>((resolve, reject) => {
      const onMessage = (m: WorkerMessage) => {
        if (m.type === 'progress') return report(i, m.stage, m.done);
        cleanup();
        if (m.type === 'done') resolve(m.files);
        else reject(Object.assign(new Error(m.message), { stack: m.stack }));
      };
      const onError = (err: Error) => {
        cleanup();
        reject(opts.signal?.aborted ? interrupted() : err);
      };
      const onExit = (code: number) => {
        cleanup();
        reject(opts.signal?.aborted ? interrupted() : new Error(`a segment worker stopped (exit code ${code})`));
      };
      const cleanup = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage({ root, id: jobs[i].id, input } satisfies WorkerJob);
    });
  try {
    // `concurrency` workers, started now (their start-up overlaps preparing the first input), each
    // taking the next segment when it finishes one.
    const out: Array<Record<string, FileEntry>> = new Array(jobs.length);
    let next = 0;
    const lane = async () => {
      if (opts.signal?.aborted) throw interrupted();
      const worker = startWorker();
      workers.push(worker);
      while (next < jobs.length) {
        const i = next++;
        const input = await inputs[i];
        if (opts.signal?.aborted) throw interrupted();
        out[i] = await runOn(worker, i, input);
      }
    };
    await Promise.all(Array.from({ length: Math.min(opts.concurrency ?? jobs.length, jobs.length) }, lane));
    return out;
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
    for (const w of workers) void w.terminate();
  }
}
