/**
 * Builds new segments: one after another on this thread, or (a large build) each on its own
 * worker thread, so analysis and graph insertion use every core. hnswlib and jieba are native and
 * per thread; each worker loads its own.
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
  input: SegmentInput;
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
 * Starts the segment worker. Run from TypeScript sources (tsx, tests), the worker registers tsx's
 * loader itself before importing the worker module: Node 20 does not pass `--import` loaders on to
 * worker threads.
 */
function startWorker(workerData: unknown): Worker {
  if (!WORKER_FILE.pathname.endsWith('.ts')) return new Worker(WORKER_FILE, { workerData });
  const pkg = createRequire(import.meta.url).resolve('tsx/package.json');
  const api = pathToFileURL(path.join(path.dirname(pkg), 'dist/esm/api/index.mjs')).href;
  const boot = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(WORKER_FILE.href)}); });`;
  return new Worker(boot, { eval: true, workerData });
}

export async function buildSegments(
  root: string,
  jobs: readonly SegmentJob[],
  opts: BuildSegmentsOptions,
): Promise<Array<Record<string, FileEntry>>> {
  const total = jobs.reduce((n, j) => n + j.input.chunks.length, 0);
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
        await writeSegment(root, job.id, job.input, async (stage, d) => {
          report(i, stage, d);
          await setImmediate();
          if (opts.signal?.aborted) throw interrupted();
        }),
      );
    }
    return out;
  }
  const workers: Worker[] = [];
  const onAbort = () => {
    for (const w of workers) void w.terminate();
  };
  opts.signal?.addEventListener('abort', onAbort);
  const runOne = (job: SegmentJob, i: number) =>
    new Promise<Record<string, FileEntry>>((resolve, reject) => {
      if (opts.signal?.aborted) return reject(interrupted());
      const worker = startWorker({ root, id: job.id, input: job.input });
      workers.push(worker);
      let result: Record<string, FileEntry> | undefined;
      worker.on(
        'message',
        (m: { type: 'progress'; stage: SegmentStage; done: number } | { type: 'done'; files: Record<string, FileEntry> }) => {
          if (m.type === 'progress') report(i, m.stage, m.done);
          else result = m.files;
        },
      );
      worker.on('error', (err) => reject(opts.signal?.aborted ? interrupted() : err));
      worker.on('exit', (code) => {
        if (result) resolve(result);
        else reject(opts.signal?.aborted ? interrupted() : new Error(`a segment worker stopped (exit code ${code})`));
      });
    });
  try {
    // At most `concurrency` workers at a time, each taking the next segment when it finishes one.
    const out: Array<Record<string, FileEntry>> = new Array(jobs.length);
    let next = 0;
    const lane = async () => {
      while (next < jobs.length) {
        const i = next++;
        out[i] = await runOne(jobs[i], i);
      }
    };
    await Promise.all(Array.from({ length: Math.min(opts.concurrency ?? jobs.length, jobs.length) }, lane));
    return out;
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
    for (const w of workers) void w.terminate();
  }
}
