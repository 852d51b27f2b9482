/**
 * Segments side by side at one size: full builds on one worker thread (one segment), on one a core
 * (the default) and split into ten segments; the same questions over one segment and over ten
 * (ask latency, HNSW recall, cold start); then adding one report to the default index and removing
 * it again, each timed in its own process with its extra memory.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { writeCorpusJsonl, type GeneratedDoc } from './corpus-generator.ts';
import type { BenchQuestion } from './measure-queries.ts';
import type { SegmentsResult, UpdateMeasurement } from './result-types.ts';
import { runWorker } from './spawn-worker.ts';
import type { BuildOutcome, UpdateOutcome } from './worker-jobs.ts';

export interface SegmentsPhaseInput {
  requestedChunks: number;
  corpusFile: string;
  runDir: string;
  embedder: string;
  modelsDir: string;
  questions: BenchQuestion[];
  /** The size loop's own build of this corpus (default workers), reused as the index to update. */
  defaultBuild: { outDir: string; outcome: BuildOutcome };
  /** A report that is not in the corpus (added, then removed). */
  extraDoc: GeneratedDoc;
  repeats: number;
  /** ef values for recall (ask's own is always added). */
  efValues: number[];
  progress(message: string): void;
}

function update(u: UpdateOutcome): UpdateMeasurement {
  return {
    ms: u.ms,
    extraRssMb: u.peakRssMb - u.rssBeforeMb,
    peakRssMb: u.peakRssMb,
    added: u.added,
    deleted: u.deleted,
    segments: u.segments,
  };
}

export async function runSegmentsPhase(p: SegmentsPhaseInput): Promise<SegmentsResult> {
  const cores = availableParallelism();
  const builds: SegmentsResult['builds'] = [{ label: `one a core (${cores})`, workers: cores, build: p.defaultBuild.outcome.build }];
  const job = { kind: 'build' as const, inputs: [p.corpusFile], embedder: p.embedder, modelsDir: p.modelsDir };
  const one = path.join(p.runDir, 'index-one-segment');
  p.progress(`[segments] building ${p.requestedChunks} chunks on one thread (one segment)`);
  builds.unshift({
    label: 'one thread (1 segment)',
    workers: 1,
    build: (await runWorker({ ...job, outDir: one, workers: 1, segments: 1 })).build,
  });
  const ten = path.join(p.runDir, 'index-ten-segments');
  p.progress('[segments] building ten segments');
  // Ten segments built on one worker a core, not merged afterwards (the policy would merge a tier of ten).
  builds.push({
    label: `ten segments (${cores} workers)`,
    workers: cores,
    build: (await runWorker({ ...job, outDir: ten, segments: 10, parallelMinChunks: 1, merge: false })).build,
  });

  const queries: SegmentsResult['queries'] = [];
  for (const [label, indexDir, segments] of [
    ['one segment', one, 1],
    ['ten segments', ten, 10],
  ] as const) {
    p.progress(`[segments] asking over ${label}`);
    const { query } = await runWorker({
      kind: 'query',
      indexDir,
      modelsDir: p.modelsDir,
      questions: p.questions,
      efValues: p.efValues,
      scoreQuality: false,
      maxSlowQueries: 100,
      peerMaxChunks: 0,
    });
    queries.push({ label, segments, query });
  }

  const extraFile = path.join(p.runDir, 'extra-report.jsonl');
  writeCorpusJsonl(extraFile, [p.extraDoc]);
  const add: UpdateMeasurement[] = [];
  const remove: UpdateMeasurement[] = [];
  for (let i = 0; i < p.repeats; i++) {
    p.progress(`[segments] adding one report (${i + 1}/${p.repeats})`);
    add.push(
      update(
        await runWorker({
          kind: 'update',
          inputs: [p.corpusFile, extraFile],
          outDir: p.defaultBuild.outDir,
          embedder: p.embedder,
          modelsDir: p.modelsDir,
        }),
      ),
    );
    p.progress(`[segments] removing it (${i + 1}/${p.repeats})`);
    remove.push(
      update(
        await runWorker({
          kind: 'update',
          inputs: [p.corpusFile],
          outDir: p.defaultBuild.outDir,
          embedder: p.embedder,
          modelsDir: p.modelsDir,
        }),
      ),
    );
  }
  return { requestedChunks: p.requestedChunks, chunks: p.defaultBuild.outcome.chunks, cores, builds, queries, add, remove };
}
