/**
 * A child process of the bench: `node --import tsx bench/worker.ts JOB.json RESULT.json`.
 * Building and querying each run in a fresh process so that memory (RSS, peak RSS) and cold start
 * are those of one index alone. Static imports stay minimal: the cold start counts the project's
 * own imports, taken dynamically below.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { mainThreadCpuMs } from './machine.ts';
import type { ColdStart } from './result-types.ts';
import type { QueryJob, BuildJob, UpdateJob, WorkerJob, WorkerOutcome } from './worker-jobs.ts';

// Time since the process started (performance's origin): node boot, the tsx loader, this module.
const bootMs = performance.now();

async function runBuild(job: BuildJob): Promise<WorkerOutcome> {
  const { createEmbedder } = await import('../src/index/embedders/select.ts');
  const { buildBenchIndex } = await import('./build-phase.ts');
  const { embedder } = await createEmbedder(job.embedder, { modelsDir: job.modelsDir });
  const { result, chunks, articles } = await buildBenchIndex(job.inputs, job.outDir, embedder, job.hnsw, {
    workers: job.workers,
    parallelMinChunks: job.parallelMinChunks,
    segments: job.segments,
    merge: job.merge,
  });
  return { kind: 'build', build: result, chunks, articles, embedderId: embedder.id };
}

async function runUpdate(job: UpdateJob): Promise<WorkerOutcome> {
  const { createEmbedder } = await import('../src/index/embedders/select.ts');
  const { buildIndex } = await import('../src/index/build.ts');
  const { peakRssMb, resetPeakRss } = await import('./build-phase.ts');
  const { embedder } = await createEmbedder(job.embedder, { modelsDir: job.modelsDir });
  resetPeakRss();
  const rssBeforeMb = process.memoryUsage.rss() / 2 ** 20;
  const started = performance.now();
  const s = await buildIndex({ inputs: job.inputs, outDir: job.outDir, embedder });
  const ms = performance.now() - started;
  return {
    kind: 'update',
    ms,
    rssBeforeMb,
    peakRssMb: peakRssMb(),
    added: s.update.added,
    deleted: s.update.deleted,
    segments: s.update.segments,
    merges: s.update.merges.length,
  };
}

/** From the process's start to the first answer: the cold start, with the load's breakdown. */
async function openAndAskFirst(indexDir: string, modelsDir: string, question: string | undefined) {
  const t0 = performance.now();
  const { loadIndex } = await import('../src/index/load.ts');
  const { createService } = await import('./service.ts');
  const t1 = performance.now();
  // Summed over segments: the load's breakdown by step.
  const loadSteps: Record<string, number> = {};
  const index = await loadIndex(indexDir, {
    modelsDir,
    onStep: (step, ms) => (loadSteps[step] = (loadSteps[step] ?? 0) + ms),
  });
  const rssIndexMb = process.memoryUsage.rss() / 2 ** 20;
  const tEngine = performance.now();
  const service = await createService(index, modelsDir);
  const t2 = performance.now();
  const rssAfterLoadMb = process.memoryUsage.rss() / 2 ** 20;
  if (question !== undefined) await service.ask(question).catch(() => undefined);
  const t3 = performance.now();
  const cpu = process.cpuUsage();
  const coldStart: ColdStart = {
    processMs: t3,
    importMs: bootMs + (t1 - t0),
    loadMs: t2 - t1,
    firstAskMs: t3 - t2,
    cpuMs: (cpu.user + cpu.system) / 1000,
    mainThreadCpuMs: mainThreadCpuMs(),
    engineMs: t2 - tEngine,
    loadSteps: { ...loadSteps },
    rssAfterLoadMb,
    rssAfterAskMb: process.memoryUsage.rss() / 2 ** 20,
  };
  return { index, service, coldStart, rssIndexMb, rssAfterLoadMb };
}

async function runQuery(job: QueryJob): Promise<WorkerOutcome> {
  const { index, service, coldStart, rssIndexMb, rssAfterLoadMb } = await openAndAskFirst(job.indexDir, job.modelsDir, job.questions[0]?.q);
  const { queryTextOf, lexicalQueryOf, filtersOf } = await import('./service.ts');
  const memory = { rssAfterIndexMb: rssIndexMb };
  // After the cold start's first answer, as the bot and the chat do before serving (src/cli/open-reports.ts):
  // the lexicon, synonyms and script converters load once, not in the first English question's time.
  await service.warmUp();

  const { denseSearchAtEf } = await import('../src/index/load.ts');
  const { measureQueries } = await import('./measure-queries.ts');
  const query = await measureQueries(index, service, job.questions, rssAfterLoadMb, {
    // The ef that ask() searches with is always measured too.
    efValues: job.efValues.length ? [...new Set([...job.efValues, index.manifest.hnsw.efSearch])].sort((a, b) => a - b) : [],
    scoreQuality: job.scoreQuality,
    maxSlowQueries: job.maxSlowQueries,
    peerMaxChunks: job.peerMaxChunks,
    queryText: queryTextOf,
    lexicalQuery: lexicalQueryOf,
    filtersOf,
    // The same graph files, opened again with another ef (HnswStore fixes ef at load).
    openHnswAtEf: (ef) => denseSearchAtEf(index, ef),
  });
  return { kind: 'query', query: { ...query, coldStart, memory: { ...query.memory, ...memory } } };
}

async function main(): Promise<void> {
  const [jobFile, resultFile] = process.argv.slice(2);
  const job = JSON.parse(readFileSync(jobFile, 'utf8')) as WorkerJob;
  const outcome =
    job.kind === 'build'
      ? await runBuild(job)
      : job.kind === 'update'
        ? await runUpdate(job)
        : job.kind === 'coldstart'
          ? { kind: 'coldstart' as const, coldStart: (await openAndAskFirst(job.indexDir, job.modelsDir, job.question)).coldStart }
          : await runQuery(job);
  writeFileSync(resultFile, JSON.stringify(outcome));
}

main().catch((err: unknown) => {
  process.stderr.write(`bench worker failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
