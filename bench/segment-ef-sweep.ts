/**
 * `npx tsx bench/segment-ef-sweep.ts --index DIR[,DIR...] [--ef 40,60,80] [--k 10,30] [--rounds 3]`:
 * dense search over a kept index's segments, as `ask` makes it (each segment's planned share) and with
 * every segment at one ef, against exact search: recall@k (the bench's method, ties counted) and
 * the search's CPU time per question. Several indexes are measured in one process, round after
 * round alternating, so a one-segment and a ten-segment index of the same corpus compare under the
 * same load. The questions are the bench's latency questions (its recall uses their first
 * `--slow-queries`, 50 by default).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadIndex } from '../src/index/load.ts';
import { HnswStore } from '../src/index/hnsw-store.ts';
import { HNSW_FILE, segmentFile } from '../src/index/segment.ts';
import type { StoredManifest } from '../src/index/manifest.ts';
import type { ChunkHit, ReportIndex } from '../src/index/types.ts';
import { QA_SETS, checkDataDir, readQa } from './bench-data.ts';
import { ExactSearch } from './exact-search.ts';
import { recallAtK } from './recall.ts';
import { PROJECT_ROOT, latencyQuestions } from './run.ts';
import { queryTextOf } from './service.ts';
import { summarise } from './stats.ts';
import { cpuMs } from './machine.ts';

export const USAGE = `Usage: npx tsx bench/segment-ef-sweep.ts --index DIR[,DIR...] [options]
  --index DIRS       index folders, comma-separated (no deleted chunks: fresh builds)
  --ef 40,60,80,120  every segment searched at this ef (besides ask's planned search)
  --k 10,30          result counts (10: the bench's recall; 30: the depth ask searches)
  --queries 100      the bench's latency questions
  --recall-queries 50  of those, how many recall is averaged over (the bench's --slow-queries)
  --rounds 3         rounds of timing, the indexes alternating
  --seed 20240601    the bench's sampling seed
  --data DIR         benchmark sets (default ../shared/bench)`;

interface Target {
  dir: string;
  index: ReportIndex;
  segments: Array<{ store: HnswStore; base: number }>;
  truth: ChunkHit[][];
}

/** Every segment at one ef, merged (no share, no widening): the plain multi-graph search. */
function uniform(t: Target, vector: Float32Array, k: number, ef: number): ChunkHit[] {
  const hits: ChunkHit[] = [];
  for (const { store, base } of t.segments)
    for (const h of store.search(vector, k, undefined, ef)) hits.push({ chunk: base + h.chunk, score: h.score });
  return hits.sort((a, b) => b.score - a.score || a.chunk - b.chunk).slice(0, k);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      index: { type: 'string' },
      ef: { type: 'string', default: '40,60,80,120' },
      k: { type: 'string', default: '10,30' },
      queries: { type: 'string', default: '100' },
      'recall-queries': { type: 'string', default: '50' },
      rounds: { type: 'string', default: '3' },
      seed: { type: 'string', default: '20240601' },
      data: { type: 'string', default: path.join(PROJECT_ROOT, '..', 'shared', 'bench') },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || !values.index) {
    console.log(USAGE);
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  checkDataDir(values.data);
  const ks = values.k.split(',').map(Number);
  const efs = values.ef.split(',').map(Number);
  const rounds = Number(values.rounds);
  const recallQueries = Number(values['recall-queries']);
  const texts = latencyQuestions(
    QA_SETS.map((s) => readQa(values.data!, s)),
    Number(values.queries),
    Number(values.seed),
  ).map((q) => queryTextOf(q.q));
  const { loadConfig } = await import('../src/config.ts');
  const modelsDir = loadConfig().modelsDir;
  const kMax = Math.max(...ks);

  const targets: Target[] = [];
  for (const dir of values.index.split(',')) {
    const index = await loadIndex(dir, { modelsDir });
    const manifest = index.manifest as StoredManifest;
    const versionDir = index.versionDir ?? dir;
    if (Object.keys(manifest.deleted).length) throw new Error(`${dir} has deleted chunks: measure a fresh build`);
    let base = 0;
    const segments = [];
    for (const s of manifest.segments) {
      const store = await HnswStore.load(path.join(versionDir, segmentFile(s.id, HNSW_FILE)), manifest.embedder.dim, {
        ...manifest.hnsw,
        efSearch: s.efSearch ?? manifest.hnsw.efSearch,
      });
      segments.push({ store, base });
      base += s.chunks;
    }
    const vectors = await index.embedder.embed(texts, 'query');
    const exact = new ExactSearch(index.chunks.length, index.embedder.dim, (i) => index.vector(i));
    targets.push({ dir, index, segments, truth: vectors.map((v) => exact.search(v, kMax)) });
    console.log(
      `${dir}: ${index.chunks.length} chunks in ${segments.length} segment(s), own ef ${manifest.segments.map((s) => s.efSearch ?? manifest.hnsw.efSearch).join(', ')}`,
    );
  }

  const methods: Array<{ name: string; run: (t: Target, v: Float32Array, k: number) => ChunkHit[] }> = [
    { name: "ask's plan", run: (t, v, k) => t.index.denseSearch(v, k) },
    ...efs.map((ef) => ({ name: `all at ef ${ef}`, run: (t: Target, v: Float32Array, k: number) => uniform(t, v, k, ef) })),
  ];
  const vectorsOf = new Map<Target, Float32Array[]>();
  for (const t of targets) vectorsOf.set(t, await t.index.embedder.embed(texts, 'query'));

  console.log('\n| index | method | k | recall@k | CPU ms a question (mean; per round) | wall p50 / p95 ms |');
  console.log('|---|---|---|---|---|---|');
  for (const k of ks)
    for (const m of methods) {
      const cpu = new Map<Target, number[]>();
      const wall = new Map<Target, number[]>();
      const recall = new Map<Target, number>();
      for (let r = 0; r < rounds; r++)
        for (const t of targets) {
          const vectors = vectorsOf.get(t)!;
          const c0 = cpuMs();
          let sum = 0;
          for (let i = 0; i < vectors.length; i++) {
            const w = performance.now();
            const hits = m.run(t, vectors[i], k);
            (wall.get(t) ?? wall.set(t, []).get(t)!).push(performance.now() - w);
            if (r === 0 && i < recallQueries) sum += recallAtK(hits, t.truth[i], k);
          }
          (cpu.get(t) ?? cpu.set(t, []).get(t)!).push((cpuMs() - c0) / vectors.length);
          if (r === 0) recall.set(t, sum / Math.min(recallQueries, vectors.length));
        }
      for (const t of targets) {
        const c = cpu.get(t)!;
        const w = summarise(wall.get(t)!);
        console.log(
          `| ${path.basename(t.dir)} (${t.segments.length}) | ${m.name} | ${k} | ${recall.get(t)!.toFixed(4)} | ${(c.reduce((a, b) => a + b, 0) / c.length).toFixed(2)} (${c.map((x) => x.toFixed(2)).join(', ')}) | ${w.p50.toFixed(2)} / ${w.p95.toFixed(2)} |`,
        );
      }
    }
}

await main();
