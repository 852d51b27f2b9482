/**
 * `npm run bench:cold-start -- --index DIR [--index DIR …] [--runs 5]`: the cold start alone, over
 * indexes already built (e.g. by `npm run bench -- --keep-work`), without building anything. Each run
 * is a fresh process that opens the index and answers one question; the indexes take turns, so
 * other load on the machine falls on all of them alike. Prints each run's wall and CPU time and the
 * breakdown of the run with the median CPU time, with the load average (wall time on a shared
 * machine is inflated by other work; CPU time much less so).
 */
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { PROJECT_ROOT } from '../src/config.ts';
import { coldStartLine } from './report.ts';
import type { ColdStart } from './result-types.ts';
import { runWorker } from './spawn-worker.ts';

export const COLD_START_USAGE = `Usage: npm run bench:cold-start -- --index DIR [--index DIR …] [options]
  --index DIR        an index folder (as built by npm run index or npm run bench -- --keep-work); repeatable
  --runs 5           fresh processes per index
  --question TEXT    the first question (default 谁主持了会议？)
  --models DIR       models folder (default data/models)
  --source           also run each index from the TypeScript sources through tsx (as before compiling)`;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function loadAverage(): string {
  return os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' / ');
}

async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        index: { type: 'string', multiple: true },
        runs: { type: 'string', default: '5' },
        question: { type: 'string', default: '谁主持了会议？' },
        models: { type: 'string', default: path.join(PROJECT_ROOT, 'data', 'models') },
        source: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${COLD_START_USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(COLD_START_USAGE);
    return 0;
  }
  const runs = Number(values.runs);
  if (!values.index?.length || !Number.isInteger(runs) || runs <= 0) {
    console.error(`--index DIR is required and --runs wants a positive integer\n\n${COLD_START_USAGE}`);
    return 2;
  }
  const modes = values.source ? ['compiled', 'tsx'] : ['compiled'];
  const indexes = values.index.map((d) => path.resolve(d));
  const results = new Map<string, ColdStart[]>(indexes.flatMap((d) => modes.map((m) => [`${d} (${m})`, []])));
  console.log(`Load average at the start (1 / 5 / 15 min): ${loadAverage()}; ${os.availableParallelism()} cores.`);
  for (let r = 0; r < runs; r++) {
    for (const indexDir of indexes) {
      for (const mode of modes) {
        const job = { kind: 'coldstart' as const, indexDir, modelsDir: path.resolve(values.models), question: values.question };
        const { coldStart } = await runWorker(job, { source: mode === 'tsx' });
        results.get(`${indexDir} (${mode})`)!.push(coldStart);
        process.stderr.write(
          `${path.basename(indexDir)} (${mode}) run ${r + 1}: ${Math.round(coldStart.processMs)} ms, CPU ${Math.round(coldStart.cpuMs)} ms\n`,
        );
      }
    }
  }
  for (const [indexDir, list] of results) {
    const byCpu = [...list].sort((a, b) => a.cpuMs - b.cpuMs);
    const mid = byCpu[Math.floor(byCpu.length / 2)];
    console.log(
      `\n${indexDir}: ${list.length} runs, wall ms ${list.map((c) => Math.round(c.processMs)).join(' / ')} (median ${Math.round(median(list.map((c) => c.processMs)))}), CPU ms ${list.map((c) => Math.round(c.cpuMs)).join(' / ')} (median ${Math.round(mid.cpuMs)}).`,
    );
    console.log(`Run with the median CPU time: ${coldStartLine(mid)}`);
  }
  console.log(`\nLoad average at the end (1 / 5 / 15 min): ${loadAverage()}.`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  process.exitCode = await main(process.argv.slice(2));
