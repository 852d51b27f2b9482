/**
 * Builds one index with the project's buildIndex and turns its stage times into the bench's
 * build figures (chunks/s per stage, total, size on disk, peak RSS).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { buildIndex } from '../src/index/build.ts';
import { resolveIndexDir } from '../src/index/index-folder.ts';
import type { Embedder } from '../src/index/types.ts';
import type { BuildResult, StageTiming } from './result-types.ts';

/** buildIndex's stage names, in order, with the names the issue uses for them. */
const STAGE_NAMES: Array<[string, string]> = [
  ['read', 'parse (read JSONL)'],
  ['chunk', 'chunk'],
  ['embed', 'embed'],
  ['analyse', 'BM25 (analyse + index)'],
  ['hnsw', 'HNSW insert'],
  ['write', 'write + publish'],
];

/** Sizes of the files of the published index (through the link to the version folder). */
export function indexFiles(outDir: string): Record<string, number> {
  const real = resolveIndexDir(outDir);
  if (!real) return {};
  return Object.fromEntries(readdirSync(real).map((f) => [f, statSync(path.join(real, f)).size]));
}

/**
 * The process's peak RSS in MiB: the kernel's high-water mark (exact, and the build runs in its own
 * process), else the current RSS where /proc is missing.
 */
export function peakRssMb(): number {
  try {
    const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]) / 1024;
  } catch {
    // Not Linux.
  }
  return process.memoryUsage.rss() / 2 ** 20;
}

export async function buildBenchIndex(inputs: string[], outDir: string, embedder: Embedder): Promise<{ result: BuildResult; chunks: number; articles: number }> {
  const started = performance.now();
  const summary = await buildIndex({ inputs, outDir, embedder });
  const totalMs = performance.now() - started;
  const stages: StageTiming[] = STAGE_NAMES.filter(([key]) => summary.stageMs[key] !== undefined).map(([key, stage]) => {
    const ms = summary.stageMs[key];
    return { stage, ms, chunksPerSec: ms > 0 ? (summary.chunks * 1000) / ms : Infinity };
  });
  const files = indexFiles(outDir);
  return {
    chunks: summary.chunks,
    articles: summary.articles,
    result: {
      totalMs,
      chunksPerSec: (summary.chunks * 1000) / totalMs,
      stages,
      stageSource: 'buildIndex stageMs',
      diskBytes: Object.values(files).reduce((s, b) => s + b, 0),
      files,
      peakRssMb: peakRssMb(),
    },
  };
}
