/**
 * Builds one index with the project's buildIndex and turns its stage times into the bench's
 * build figures (chunks/s per stage, total, size on disk, peak RSS).
 */
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildIndex, type BuildProgress } from '../src/index/build.ts';
import { resolveIndexDir } from '../src/index/index-folder.ts';
import type { HnswParams } from '../src/index/hnsw-store.ts';
import type { Embedder } from '../src/index/types.ts';
import type { BuildResult, StageTiming } from './result-types.ts';
import { cpuMs } from './machine.ts';

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
  // Segment files are summed by name over the segments (segments/<id>/hnsw.bin → hnsw.bin).
  const out: Record<string, number> = {};
  for (const f of readdirSync(real, { recursive: true, encoding: 'utf8' })) {
    const st = statSync(path.join(real, f));
    if (st.isFile()) out[path.basename(f)] = (out[path.basename(f)] ?? 0) + st.size;
  }
  return out;
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

/** Resets the kernel's peak-RSS mark of this process (Linux; elsewhere a no-op), so a later peak is this phase's. */
export function resetPeakRss(): void {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    // Not Linux, or not allowed: the peak then covers the whole process.
  }
}

/**
 * CPU time per stage, from buildIndex's progress events: a stage runs from its first report to the
 * first report of the stage after it (the last to the end of the build), as buildIndex's own stage
 * times do — in a parallel build the later segments' embedding overlaps the first segments' analysis
 * and graphs, and is counted where it falls. CPU time does not grow when other processes take the
 * cores, so it shows what a stage costs on an idle machine better than its wall time does on a busy one.
 */
class StageCpuClock {
  private readonly firstCpu = new Map<string, number>();
  private readonly order: string[] = [];

  onProgress = (p: BuildProgress): void => {
    if (this.firstCpu.has(p.stage)) return;
    this.firstCpu.set(p.stage, cpuMs());
    this.order.push(p.stage);
  };

  /** CPU ms of `stage`: from its first report (read: the start) to the next stage's first report (or `endCpu`). */
  stageCpu(stage: string, startCpu: number, endCpu: number): number | undefined {
    const i = this.order.indexOf(stage);
    if (i < 0) return undefined;
    const from = i === 0 ? startCpu : this.firstCpu.get(stage)!;
    const to = i + 1 < this.order.length ? this.firstCpu.get(this.order[i + 1])! : endCpu;
    return to - from;
  }
}

export async function buildBenchIndex(
  inputs: string[],
  outDir: string,
  embedder: Embedder,
  hnsw?: Partial<HnswParams>,
  split: { workers?: number; parallelMinChunks?: number; segments?: number; merge?: boolean } = {},
): Promise<{ result: BuildResult; chunks: number; articles: number }> {
  const clock = new StageCpuClock();
  const startCpu = cpuMs();
  const started = performance.now();
  const summary = await buildIndex({ inputs, outDir, embedder, hnsw, ...split, onProgress: clock.onProgress });
  const totalMs = performance.now() - started;
  const totalCpuMs = cpuMs() - startCpu;
  const perSec = (ms: number | undefined) => (ms === undefined ? undefined : ms > 0 ? (summary.chunks * 1000) / ms : Infinity);
  const stages: StageTiming[] = STAGE_NAMES.filter(([key]) => summary.stageMs[key] !== undefined).map(([key, stage]) => {
    const ms = summary.stageMs[key];
    const cpu = clock.stageCpu(key, startCpu, startCpu + totalCpuMs);
    return { stage, ms, chunksPerSec: perSec(ms)!, cpuMs: cpu, chunksPerCpuSec: perSec(cpu) };
  });
  const files = indexFiles(outDir);
  return {
    chunks: summary.chunks,
    articles: summary.articles,
    result: {
      totalMs,
      chunksPerSec: (summary.chunks * 1000) / totalMs,
      cpuMs: totalCpuMs,
      chunksPerCpuSec: perSec(totalCpuMs)!,
      stages,
      stageSource: 'buildIndex stageMs',
      diskBytes: Object.values(files).reduce((s, b) => s + b, 0),
      files,
      peakRssMb: peakRssMb(),
      segments: summary.update.segments,
    },
  };
}
