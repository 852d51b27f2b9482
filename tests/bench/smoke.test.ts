/**
 * A tiny run of the real bench code (generator, build and query workers in child processes,
 * measurements, report): a few hundred chunks, one size, few questions. Asserts the shape and the
 * invariants of the result, never timings.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseBenchArgs } from '../../bench/args.ts';
import { runBench, PROJECT_ROOT } from '../../bench/run.ts';
import { renderReport } from '../../bench/report.ts';
import type { BenchResult } from '../../bench/result-types.ts';
import { buildTinyModel } from '../support/tiny-model.ts';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'baoxun-bench-smoke-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function options(extra: string[]) {
  return parseBenchArgs(
    [
      '--sizes',
      '300',
      '--queries',
      '12',
      '--slow-queries',
      '8',
      '--qa-limit',
      '6',
      '--ef',
      '10,50',
      '--data',
      FIXTURES,
      '--out',
      path.join(tmp, 'out'),
      '--no-results-md',
      ...extra,
    ],
    PROJECT_ROOT,
  );
}

function checkResult(r: BenchResult): void {
  expect(r.sizes).toHaveLength(1);
  const s = r.sizes[0];
  // One generated document is one chunk.
  expect(s.query.chunks).toBe(300);
  expect(s.query.articles).toBe(300);
  expect(s.requestedChunks).toBe(300);
  expect(s.build.totalMs).toBeGreaterThan(0);
  expect(s.build.chunksPerSec).toBeGreaterThan(0);
  expect(s.build.diskBytes).toBeGreaterThan(0);
  expect(s.build.stages.map((x) => x.stage)).toEqual(expect.arrayContaining(['embed', 'HNSW insert']));
  expect(s.query.questions).toBe(12);
  const ask = s.query.ask.latency;
  expect(ask.n + s.query.ask.errors).toBe(12);
  expect(ask.p95).toBeGreaterThanOrEqual(ask.p50);
  expect(ask.p99).toBeGreaterThanOrEqual(ask.p95);
  expect(s.query.ask.cpu.n).toBe(ask.n);
  const cs = s.query.coldStart!;
  expect(cs.processMs).toBeGreaterThan(cs.loadMs);
  expect(cs.loadMs).toBeGreaterThanOrEqual(cs.engineMs);
  expect(cs.cpuMs).toBeGreaterThan(0);
  for (const st of s.build.stages) expect(st.cpuMs).toBeGreaterThanOrEqual(0);
  expect(s.query.methods.map((m) => m.method)).toEqual([
    'hybrid (ask)',
    'hybrid (fusion)',
    'HNSW (dense)',
    'exact (dense)',
    'BM25',
    'MiniSearch',
  ]);
  expect(s.query.methods.find((m) => m.method === 'exact (dense)')!.latency.n).toBe(8);
  // The ef ask() uses is measured besides the ones asked for.
  expect(s.query.recall.map((x) => x.ef)).toEqual([...new Set([10, 50, s.query.hnswParams.efSearch])].sort((a, b) => a - b));
  for (const x of s.query.recall) {
    expect(x.recallAt10).toBeGreaterThanOrEqual(0);
    expect(x.recallAt10).toBeLessThanOrEqual(1);
    expect(x.speedup).toBeGreaterThan(0);
  }
  expect(s.query.memory.rssAfterLoadMb).toBeGreaterThan(0);
}

function checkQuality(r: BenchResult): void {
  expect(r.quality.map((q) => q.set)).toEqual(['cmrc2018-trial', 'drcd-dev', 'xquad-en2zh-dev']);
  for (const q of r.quality) {
    expect(q.documents).toBe(10);
    expect(q.query.questions).toBe(6);
    expect(q.query.quality!.map((m) => m.method)).toEqual([
      'hybrid (ask)',
      'hybrid (fusion)',
      'HNSW (dense)',
      'exact (dense)',
      'BM25',
      'MiniSearch',
    ]);
    for (const m of q.query.quality!) {
      expect(m.firstHit).toBeGreaterThanOrEqual(0);
      expect(m.top3Hit).toBeGreaterThanOrEqual(m.firstHit);
      expect(m.top3Hit).toBeLessThanOrEqual(1);
    }
  }
  const report = renderReport(r);
  expect(report).toContain('| chunks |');
  expect(report).toContain('MiniSearch');
}

describe('bench smoke run', () => {
  it('measures a built-in index end to end and writes sane results', async () => {
    const r = await runBench(options(['--ef-search', '40', '--hnsw-m', '12', '--update-repeats', '1']), {
      modelsDir: path.join(tmp, 'no-models'),
      progress: () => {},
    });
    expect(r.embedderId).toBe('builtin-ngram-v1');
    expect(r.sizes[0].query.hnswParams).toMatchObject({ M: 12, efSearch: 40 });
    expect(r.sizes[0].query.recall.map((x) => x.ef)).toEqual([10, 40, 50]);
    checkResult(r);
    checkQuality(r);
    // On 10 documents, BM25 finds the gold chunk first for most Chinese questions.
    const cmrc = r.quality[0].query.quality!.find((m) => m.method === 'BM25')!;
    expect(cmrc.firstHit).toBeGreaterThan(0.3);
    // Segments side by side: one thread, one a core, ten segments; queries over one and ten; one report added and removed.
    const g = r.segments!;
    expect(g.builds.map((b) => b.build.segments)).toEqual([1, expect.any(Number), 10]);
    expect(g.queries.map((q) => q.segments)).toEqual([1, 10]);
    for (const q of g.queries) expect(q.query.ask.latency.p95).toBeGreaterThan(0);
    expect(g.add.map((u) => [u.added, u.deleted])).toEqual([[1, 0]]);
    expect(g.remove.map((u) => [u.added, u.deleted])).toEqual([[0, 1]]);
    expect(g.add[0]!.ms).toBeGreaterThan(0);
    expect(renderReport(r)).toContain('## Segments at');
    // The JSON round-trips.
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  }, 300_000);

  it('runs with a transformer model present (the generated tiny model)', async () => {
    const modelsDir = path.join(tmp, 'models');
    const vocabText = ['cmrc2018-trial', 'drcd-dev', 'xquad-en2zh-dev']
      .map((s) => readFileSync(path.join(FIXTURES, `${s}.corpus.jsonl`), 'utf8'))
      .join('');
    const { modelId } = await buildTinyModel(modelsDir, { modelId: 'test/tiny-bert', dim: 16, vocabText });
    const r = await runBench(options(['--embedder', modelId, '--no-quality', '--segments-size', '0']), { modelsDir, progress: () => {} });
    expect(r.embedderId).toBe(modelId);
    expect(r.quality).toEqual([]);
    checkResult(r);
  }, 180_000);
});
