/** Runs one job in a fresh `node --import tsx bench/worker.ts` process and reads its outcome. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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

export async function runWorker(job: BuildJob): Promise<BuildOutcome>;
export async function runWorker(job: QueryJob): Promise<QueryOutcome>;
export async function runWorker(job: UpdateJob): Promise<UpdateOutcome>;
export async function runWorker(job: ColdStartJob): Promise<ColdStartOutcome>;
export async function runWorker(job: WorkerJob): Promise<WorkerOutcome> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'baoxun-bench-job-'));
  const jobFile = path.join(dir, 'job.json');
  const resultFile = path.join(dir, 'result.json');
  try {
    writeFileSync(jobFile, JSON.stringify(job));
    // stdout is the bench's report; the worker's logs go to stderr with the bench's own progress.
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER, jobFile, resultFile], { stdio: ['ignore', 'ignore', 'inherit'] });
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
