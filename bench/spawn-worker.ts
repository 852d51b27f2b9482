/**
 * Runs one job in a fresh process and reads its outcome: `node dist/bench/worker.js`, the worker and
 * the project compiled to JavaScript as `npm start` runs them (scripts/compile.mjs; compiled first
 * when a source changed), or with `{ source: true }` `node --import tsx bench/worker.ts` on the
 * TypeScript sources (to measure what compiling saves).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCompiled } from '../scripts/compile.mjs';
import { PROJECT_ROOT } from '../src/config.ts';
import type {
  BuildJob,
  BuildOutcome,
  ColdStartJob,
  ColdStartOutcome,
  QueryJob,
  QueryOutcome,
  UpdateJob,
  UpdateOutcome,
  WorkerJob,
  WorkerOutcome,
} from './worker-jobs.ts';

const WORKER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'worker.ts');
const COMPILED_WORKER = path.join(PROJECT_ROOT, 'dist', 'bench', 'worker.js');

export interface SpawnOptions {
  /** Run the TypeScript sources through tsx instead of the compiled JavaScript. */
  source?: boolean;
}

export async function runWorker(job: BuildJob, opts?: SpawnOptions): Promise<BuildOutcome>;
export async function runWorker(job: QueryJob, opts?: SpawnOptions): Promise<QueryOutcome>;
export async function runWorker(job: UpdateJob, opts?: SpawnOptions): Promise<UpdateOutcome>;
export async function runWorker(job: ColdStartJob, opts?: SpawnOptions): Promise<ColdStartOutcome>;
export async function runWorker(job: WorkerJob, opts: SpawnOptions = {}): Promise<WorkerOutcome> {
  if (!opts.source) await ensureCompiled();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'baoxun-bench-job-'));
  const jobFile = path.join(dir, 'job.json');
  const resultFile = path.join(dir, 'result.json');
  try {
    writeFileSync(jobFile, JSON.stringify(job));
    // stdout is the bench's report; the worker's logs go to stderr with the bench's own progress.
    const args = opts.source ? ['--import', 'tsx', WORKER] : [COMPILED_WORKER];
    const child = spawn(process.execPath, [...args, jobFile, resultFile], { stdio: ['ignore', 'ignore', 'inherit'] });
    const code = await new Promise<number | null>((resolve, reject) => {
      child.on('error', reject);
      child.on('exit', (c) => resolve(c));
    });
    if (code !== 0) throw new Error(`bench worker (${job.kind}) exited with code ${code}`);
    return JSON.parse(readFileSync(resultFile, 'utf8')) as WorkerOutcome;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
