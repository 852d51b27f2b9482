/**
 * `npm run bench`: builds indexes of growing size from generated corpora, measures build, cold
 * start, ask latency and its stages, HNSW recall against exact search, memory, and compares exact
 * search, BM25 alone, the hybrid and MiniSearch on the QA sets; prints a markdown report, writes
 * JSON to bench/results/ and the report to bench/RESULTS.md.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HelpRequested, USAGE, parseBenchArgs, type BenchOptions } from './args.ts';
import { QA_SETS, checkDataDir, corpusPath, readQa, readSourceDocs, BenchDataError, type QaItem } from './bench-data.ts';
import { generateCorpus, writeCorpusJsonl } from './corpus-generator.ts';
import { machineInfo } from './machine.ts';
import type { BenchQuestion } from './measure-queries.ts';
import { seededRandom, sample } from './prng.ts';
import { renderReport } from './report.ts';
import type { BenchResult, QualityResult, SegmentsResult, SizeResult } from './result-types.ts';
import { runSegmentsPhase } from './segments-phase.ts';
import { runWorker } from './spawn-worker.ts';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface RunHooks {
  progress(message: string): void;
  /** Where the project's models live (for --embedder MODEL and for opening the built indexes). */
  modelsDir: string;
  /** The command line, recorded in the result. */
  command?: string;
}

function toQuestion(item: QaItem): BenchQuestion {
  return { q: item.q, answers: item.answers };
}

/** Questions for the latency runs: drawn from all QA sets in proportion to their sizes, by seed. */
export function latencyQuestions(qa: QaItem[][], count: number, seed: number): BenchQuestion[] {
  return sample(qa.flat(), count, seededRandom(seed ^ 0x5eed)).map(toQuestion);
}

/** At most `limit` questions of a set, spread over it (a prefix would cover only its first documents). */
function spread<T>(items: T[], limit: number | undefined): T[] {
  if (limit === undefined || items.length <= limit) return items;
  const step = items.length / limit;
  return Array.from({ length: limit }, (_, i) => items[Math.floor(i * step)]);
}

/** An index is a link plus its version folder(s) beside it (see src/index/index-folder.ts). */
function removeIndex(dir: string, name: string): void {
  for (const f of readdirSync(dir)) if (f === name || f.startsWith(`${name}.`)) rmSync(path.join(dir, f), { recursive: true, force: true });
}

export async function runBench(options: BenchOptions, hooks: RunHooks): Promise<BenchResult> {
  const started = performance.now();
  checkDataDir(options.dataDir);
  const machine = machineInfo();
  const runDir = path.join(options.workDir, `run-${Date.now()}-${process.pid}`);
  mkdirSync(runDir, { recursive: true });
  const sources = QA_SETS.map((s) => readSourceDocs(options.dataDir, s));
  const qa = QA_SETS.map((s) => readQa(options.dataDir, s));
  let embedderId = options.embedder;
  const sizes: SizeResult[] = [];
  const quality: QualityResult[] = [];
  let segments: SegmentsResult | undefined;

  try {
    for (const size of options.sizes) {
      hooks.progress(`[${size}] generating ${size} documents`);
      const corpusFile = path.join(runDir, `corpus-${size}.jsonl`);
      writeCorpusJsonl(corpusFile, generateCorpus(sources, size, { seed: options.seed }));
      const indexDir = path.join(runDir, `index-${size}`);
      hooks.progress(`[${size}] building`);
      const built = await runWorker({
        kind: 'build',
        inputs: [corpusFile],
        outDir: indexDir,
        embedder: options.embedder,
        modelsDir: hooks.modelsDir,
        hnsw: options.hnsw,
      });
      embedderId = built.embedderId;
      hooks.progress(`[${size}] built ${built.chunks} chunks in ${(built.build.totalMs / 1000).toFixed(1)} s; querying`);
      const { query } = await runWorker({
        kind: 'query',
        indexDir,
        modelsDir: hooks.modelsDir,
        questions: latencyQuestions(qa, options.queries, options.seed),
        efValues: options.efValues,
        scoreQuality: false,
        maxSlowQueries: options.slowQueries,
        peerMaxChunks: options.peerMaxChunks,
      });
      sizes.push({ requestedChunks: size, build: built.build, query });
      hooks.progress(`[${size}] ask p95 ${query.ask.latency.p95.toFixed(1)} ms`);
      if (size === options.segmentsSize) {
        const extra = generateCorpus(sources, 1, { seed: options.seed + 1 })[0]!;
        segments = await runSegmentsPhase({
          requestedChunks: size,
          corpusFile,
          runDir,
          embedder: options.embedder,
          modelsDir: hooks.modelsDir,
          questions: latencyQuestions(qa, options.queries, options.seed),
          defaultBuild: { outDir: indexDir, outcome: built },
          extraDoc: { ...extra, id: 'bench-extra-report' },
          repeats: options.updateRepeats,
          efValues: [200],
          progress: hooks.progress,
        });
        if (!options.keepWork) for (const name of ['index-one-segment', 'index-ten-segments']) removeIndex(runDir, name);
      }
      if (!options.keepWork) {
        removeIndex(runDir, `index-${size}`);
        rmSync(corpusFile, { force: true });
      }
    }

    if (!options.skipQuality) {
      for (const [i, set] of QA_SETS.entries()) {
        const indexDir = path.join(runDir, `index-${set}`);
        hooks.progress(`[${set}] building`);
        const built = await runWorker({
          kind: 'build',
          inputs: [corpusPath(options.dataDir, set)],
          outDir: indexDir,
          embedder: options.embedder,
          modelsDir: hooks.modelsDir,
          hnsw: options.hnsw,
        });
        const questions = spread(qa[i], options.qaLimit).map(toQuestion);
        hooks.progress(`[${set}] asking ${questions.length} questions`);
        const { query } = await runWorker({
          kind: 'query',
          indexDir,
          modelsDir: hooks.modelsDir,
          questions,
          efValues: [],
          scoreQuality: true,
        });
        quality.push({ set, documents: sources[i].length, build: built.build, query });
      }
    }
  } finally {
    if (!options.keepWork) rmSync(runDir, { recursive: true, force: true });
  }

  machine.loadAtEnd = os.loadavg().map((x) => Math.round(x * 100) / 100);
  const { dataDir: _d, outDir: _o, workDir: _w, ...shown } = options;
  return {
    machine,
    command: hooks.command,
    options: shown,
    embedderId,
    sizes,
    quality,
    segments,
    finishedAt: new Date().toISOString(),
    wallMs: performance.now() - started,
  };
}

/** RESULTS.md: the report under a header naming the command and pointing at the analysis. */
export function resultsMarkdown(report: string, command: string): string {
  return (
    `# Benchmark results (latest run)\n\nProduced by \`${command}\`; raw JSON in \`bench/results/\` (not committed). ` +
    `Where the time goes and what to change, with profiles: [FINDINGS.md](FINDINGS.md).\n\n${report}\n`
  );
}

/** Writes the JSON result and (optionally) RESULTS.md; returns the JSON file's path. */
export function writeOutputs(result: BenchResult, options: BenchOptions, report: string): string {
  mkdirSync(options.outDir, { recursive: true });
  const file = path.join(options.outDir, `${result.finishedAt.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(result, null, 2));
  if (options.writeResults)
    writeFileSync(path.join(PROJECT_ROOT, 'bench', 'RESULTS.md'), resultsMarkdown(report, result.command ?? 'npm run bench'));
  return file;
}

async function main(): Promise<void> {
  let options: BenchOptions;
  try {
    options = parseBenchArgs(process.argv.slice(2), PROJECT_ROOT);
  } catch (err) {
    if (err instanceof HelpRequested) {
      console.log(USAGE);
      return;
    }
    console.error(`${(err as Error).message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const { loadConfig } = await import('../src/config.ts');
  const modelsDir = loadConfig().modelsDir;
  try {
    const args = process.argv.slice(2).join(' ');
    const command = `npm run bench${args ? ` -- ${args}` : ''}`;
    const result = await runBench(options, {
      modelsDir,
      command,
      progress: (m) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${m}\n`),
    });
    const report = renderReport(result);
    const file = writeOutputs(result, options, report);
    console.log(report);
    process.stderr.write(`\nJSON: ${file}${options.writeResults ? '\nReport: bench/RESULTS.md' : ''}\n`);
  } catch (err) {
    if (err instanceof BenchDataError) {
      console.error(err.message);
      process.exitCode = 2;
      return;
    }
    throw err;
  }
}

// Run only as the entry point, so tests can import runBench.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
