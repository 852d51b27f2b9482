/**
 * Segments: the same corpus as one segment or several scores and answers the same; updates write a
 * segment and mark deletions; deleted chunks never come back; merges keep the answers.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_SEGMENT_CHUNKS, buildIndex, MAX_BUILD_SEGMENTS, segmentsToBuild } from '../../src/index/build.ts';
import { BuiltinEmbedder } from '../../src/index/embedders/builtin.ts';
import { loadIndex, segmentsForThread } from '../../src/index/load.ts';
import { describeFreshness, indexFreshness, isCurrent } from '../../src/index/freshness.ts';
import { READER_VERSION } from '../../src/corpus/reader-version.ts';
import { mergeIndex } from '../../src/index/merge.ts';
import { MAX_SEGMENT_CHUNKS, nextMerge } from '../../src/index/merge-policy.ts';
import type { ReportIndex } from '../../src/index/types.ts';
import { ReportsEngine } from '../../src/retrieval/engine.ts';
import { reportNames } from '../../src/retrieval/question/pinyin-names.ts';
import { articleNamesOf, firstChunkIn } from '../../src/index/article-store.ts';
import { generateArticles, writeJsonl } from '../hardening/support.ts';

const modelsDir = path.join(tmpdir(), 'baoxun-no-models');
const QUERIES = ['东城区召开安全生产专题会议', '疫情防控', '西湖 信访工作 会议', '第12次会议', '招商引资和乡村振兴', '的'];
const QUESTIONS = ['谁主持了冬春季疫情防控工作动员会？', '东城区安全生产专题会议是哪天召开的？', '高新区召开了什么会议？'];
let dir: string;
const embedder = new BuiltinEmbedder();

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'baoxun-segments-'));
  writeJsonl(path.join(dir, 'a.jsonl'), generateArticles(120, 1, 'a'));
  // One report of b names someone no other report does (to see a deleted article's names go).
  const b = generateArticles(60, 2, 'b');
  b[0] = { ...b[0]!, text: `${b[0]!.text}副区长欧阳明辉出席会议。` };
  writeJsonl(path.join(dir, 'b.jsonl'), b);
  writeJsonl(path.join(dir, 'c.jsonl'), generateArticles(30, 3, 'c'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function segmentsOf(outDir: string): Array<{ id: string }> {
  return (JSON.parse(readFileSync(path.join(outDir, 'manifest.json'), 'utf8')) as { segments: Array<{ id: string }> }).segments;
}

/** Every BM25 hit of the queries, by chunk id (positions may differ between layouts), scores exact. */
function lexical(index: ReportIndex): string[] {
  return QUERIES.flatMap((q) => index.lexicalSearch(q, 20).map((h) => `${q} ${index.chunks[h.chunk].id} ${h.score}`));
}

async function answers(index: ReportIndex): Promise<string[]> {
  const engine = ReportsEngine.fromIndex(index, { modelsDir });
  const out: string[] = [];
  for (const q of QUESTIONS) {
    const a = await engine.ask(q);
    out.push(JSON.stringify([a.answer, a.abstained, a.citations.map((c) => [c.articleId, c.excerpt])]));
  }
  return out;
}

function inputs(...names: string[]): string[] {
  return names.map((n) => path.join(dir, `${n}.jsonl`));
}

describe('one segment or several', () => {
  it('gives identical BM25 scores, postings and answers', async () => {
    const one = path.join(dir, 'one');
    const several = path.join(dir, 'several');
    await buildIndex({ inputs: inputs('a', 'b', 'c'), outDir: one, embedder });
    // Split into three segments built on worker threads.
    const s = await buildIndex({
      inputs: inputs('a', 'b', 'c'),
      outDir: several,
      embedder,
      parallelMinChunks: 1,
      workers: 3,
      merge: false,
    });
    expect(s.update.segments).toBe(3);
    expect(segmentsOf(one)).toHaveLength(1);
    expect(segmentsOf(several)).toHaveLength(3);
    const a = await loadIndex(one, { modelsDir, embedder });
    const b = await loadIndex(several, { modelsDir, embedder });
    expect(b.chunks.map((c) => c.id)).toEqual(a.chunks.map((c) => c.id));
    expect(lexical(b)).toEqual(lexical(a));
    expect(lexical(a).length).toBeGreaterThan(50);
    for (const term of ['会议', '东', '疫情', '安全生产'])
      expect([...(b.lexicalPostings!(term) ?? [])]).toEqual([...(a.lexicalPostings!(term) ?? [])]);
    expect(await answers(b)).toEqual(await answers(a));
  });

  it('more segments than workers: the workers take them as a queue, and the index is the same', async () => {
    const queued = path.join(dir, 'queued');
    const progress: string[] = [];
    const s = await buildIndex({
      inputs: inputs('a', 'b', 'c'),
      outDir: queued,
      embedder,
      parallelMinChunks: 1,
      workers: 2,
      segments: 5,
      merge: false,
      onProgress: (p) => progress.push(p.stage),
    });
    expect(s.update.segments).toBe(5);
    expect(segmentsOf(queued)).toHaveLength(5);
    // Every stage reported, the graphs' progress after the first segment's embedding.
    expect(progress.indexOf('hnsw')).toBeGreaterThan(progress.indexOf('embed'));
    expect(new Set(progress)).toEqual(new Set(['read', 'chunk', 'embed', 'analyse', 'hnsw', 'write']));
    const a = await loadIndex(path.join(dir, 'one'), { modelsDir, embedder });
    const b = await loadIndex(queued, { modelsDir, embedder, searchThread: false });
    expect(b.chunks.map((c) => c.id)).toEqual(a.chunks.map((c) => c.id));
    expect(lexical(b)).toEqual(lexical(a));
    // The vectors are the one-segment build's, row for row.
    for (let c = 0; c < a.chunks.length; c += 7) expect([...b.vector(c)]).toEqual([...a.vector(c)]);
  });
});

describe('the search thread', () => {
  it('opens about two thirds of the chunks, largest segments first (this thread runs BM25 meanwhile)', () => {
    expect(segmentsForThread(Array(10).fill(10_000)).filter(Boolean)).toHaveLength(7);
    expect(segmentsForThread([50_000, 50_000])).toEqual([true, false]);
    expect(segmentsForThread([25_000, 25_000, 25_000, 25_000])).toEqual([true, true, false, true]);
    // A large segment and small ones: the large one goes to the thread, the small ones stay here until their share is met.
    expect(segmentsForThread([60_000, 10_000, 10_000, 10_000, 10_000])).toEqual([true, false, false, false, true]);
    // Half each: the larger to this thread (a tie), the other to the thread.
    expect(segmentsForThread([40_000, 60_000], 0.5)).toEqual([true, false]);
  });

  it('finds the same dense hits as one thread, deleted chunks and filters included', async () => {
    const outDir = path.join(dir, 'threaded');
    await buildIndex({ inputs: inputs('a', 'b', 'c'), outDir, embedder, parallelMinChunks: 1, workers: 3, merge: false });
    // Removing b marks its chunks deleted inside a segment.
    const removed = await buildIndex({ inputs: inputs('a', 'c'), outDir, embedder, merge: false });
    expect(removed.update).toMatchObject({ deleted: 60, segments: 3 });
    const steps: string[] = [];
    const one = await loadIndex(outDir, { modelsDir, embedder, searchThread: false });
    const two = await loadIndex(outDir, { modelsDir, embedder, searchThread: true, onStep: (step) => steps.push(step) });
    expect(steps.some((s) => s.startsWith('(background) search thread'))).toBe(true);
    const vectors = await embedder.embed(QUERIES, 'query');
    const n = one.chunks.length;
    const kept = Array.from({ length: Math.ceil(n / 3) }, (_, i) => i * 3);
    const listed = Object.assign((c: number) => c % 3 === 0, { kept });
    const tested = (c: number) => c % 3 === 1;
    let compared = 0;
    for (const v of vectors)
      for (const [k, filter] of [[10], [30], [n], [30, listed], [30, tested]] as const) {
        const hits = one.denseSearch(v, k, filter);
        expect(two.denseSearch(v, k, filter)).toEqual(hits);
        // Started, then BM25 on this thread while the search thread walks its graphs (as hybrid search does).
        const finish = two.beginDenseSearch!(v, k, filter);
        expect(two.lexicalSearch(QUERIES[0], 10)).toEqual(one.lexicalSearch(QUERIES[0], 10));
        expect(finish()).toEqual(hits);
        // A search begun and never completed (its caller failed before) leaves the next one right.
        two.beginDenseSearch!(v, k, filter);
        expect(two.denseSearch(v, k, filter)).toEqual(hits);
        expect(hits.every((h) => h.chunk >= 0 && h.chunk < n && (!filter || filter(h.chunk)))).toBe(true);
        compared += hits.length;
      }
    expect(compared).toBeGreaterThan(QUERIES.length * 100);
  });
});

describe('updates', () => {
  it('write a new segment for added reports, mark removed ones deleted, and score as a fresh build does', async () => {
    const outDir = path.join(dir, 'updated');
    const reports = path.join(dir, 'reports');
    rmSync(reports, { recursive: true, force: true });
    const folder = (n: string) => path.join(reports, `${n}.jsonl`);
    mkdirSync(reports);
    for (const n of ['a', 'b']) writeFileSync(folder(n), readFileSync(path.join(dir, `${n}.jsonl`)));
    const first = await buildIndex({ inputs: [reports], outDir, embedder });
    expect(first.update).toMatchObject({ mode: 'full', added: 180, deleted: 0, segments: 1 });

    writeFileSync(folder('c'), readFileSync(path.join(dir, 'c.jsonl')));
    const added = await buildIndex({ inputs: [reports], outDir, embedder });
    expect(added.update).toMatchObject({ mode: 'update', added: 30, deleted: 0, segments: 2 });
    expect(added.reused).toBe(first.chunks);
    // The unchanged files were passed over, not read again: only c's articles were read.
    expect(added.articleList.map((a) => a.id.split('-')[0])).toEqual(Array(30).fill('c'));
    expect(added.files).toBe(3);

    const same = await buildIndex({ inputs: [reports], outDir, embedder });
    expect(same.update).toMatchObject({ mode: 'unchanged', added: 0, deleted: 0 });

    unlinkSync(folder('b'));
    expect(reportNames((await loadIndex(outDir, { modelsDir, embedder })).articles, articleNamesOf)).toContain('欧阳明辉');
    const removed = await buildIndex({ inputs: [reports], outDir, embedder });
    expect(removed.update).toMatchObject({ mode: 'update', added: 0, deleted: 60, segments: 2 });
    const index = await loadIndex(outDir, { modelsDir, embedder });
    expect(index.articles.map((a) => a.id.split('-')[0]).filter((p) => p === 'b')).toEqual([]);
    expect(index.chunks.some((c) => c.articleId.startsWith('b-'))).toBe(false);
    // Deleted chunks never come back from either search.
    for (const q of QUERIES) {
      for (const h of [...index.lexicalSearch(q, 50), ...index.denseSearch(await embedder.embed([q], 'query').then((v) => v[0]), 50)]) {
        expect(index.chunks[h.chunk].articleId.startsWith('b-')).toBe(false);
      }
    }

    // The same live corpus built from nothing: the same BM25 scores (corpus-wide statistics, deletions left out).
    const fresh = path.join(dir, 'fresh');
    await buildIndex({ inputs: inputs('a', 'c'), outDir: fresh, embedder });
    const f = await loadIndex(fresh, { modelsDir, embedder });
    expect(index.chunks.map((c) => c.id)).toEqual(f.chunks.map((c) => c.id));
    expect(lexical(index)).toEqual(lexical(f));
    expect(await answers(index)).toEqual(await answers(f));
    // The names English questions are matched against: from the live articles' names files, as from their records.
    const held = reportNames(index.articles, articleNamesOf);
    expect(held.length).toBeGreaterThan(2);
    expect(held).not.toContain('欧阳明辉');
    expect(held).toEqual(reportNames(index.articles));
    expect(held).toEqual(reportNames(f.articles, articleNamesOf));
    // Each loaded article knows its first chunk in the index's list (deleted articles left out before it).
    const firsts = new Map<string, number>();
    index.chunks.forEach((c, i) => firsts.has(c.articleId) || firsts.set(c.articleId, i));
    expect(index.articles.map(firstChunkIn)).toEqual(index.articles.map((a) => firsts.get(a.id)));
    expect(firsts.size).toBe(index.articles.length);

    // Changing one report replaces its article: one deleted, one added.
    const changed = generateArticles(30, 3, 'c');
    changed[4] = { ...changed[4]!, text: `${changed[4]!.text}补充报道。` };
    writeJsonl(folder('c'), changed);
    const edit = await buildIndex({ inputs: [reports], outDir, embedder });
    expect(edit.update).toMatchObject({ mode: 'update', added: 1, deleted: 1, segments: 3 });
    const after = await loadIndex(outDir, { modelsDir, embedder });
    expect(after.articleById.get('c-5')!.body).toContain('补充报道');
    expect(after.articles).toHaveLength(150);

    // --full rebuilds from nothing: one segment, no deletions.
    const full = await buildIndex({ inputs: [reports], outDir, embedder, full: true });
    expect(full.update).toMatchObject({ mode: 'full', added: 150, deleted: 0, segments: 1 });
  });

  it('read every file again, once, when the index was read by another version of the reader', async () => {
    const outDir = path.join(dir, 'reader');
    const reports = path.join(dir, 'reader-reports');
    mkdirSync(reports, { recursive: true });
    writeFileSync(path.join(reports, 'a.jsonl'), readFileSync(path.join(dir, 'a.jsonl')));
    await buildIndex({ inputs: [reports], outDir, embedder });
    expect(isCurrent(await indexFreshness(outDir, reports))).toBe(true);
    // An index from before: its manifest records an older reader (written as a build would).
    const manifestFile = path.join(outDir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { readerVersion?: number };
    expect(manifest.readerVersion).toBe(READER_VERSION);
    writeFileSync(manifestFile, JSON.stringify({ ...manifest, readerVersion: READER_VERSION - 1 }));
    const stale = await indexFreshness(outDir, reports);
    expect(isCurrent(stale)).toBe(false);
    expect(describeFreshness(stale)).toContain('read differently');

    const again = await buildIndex({ inputs: [reports], outDir, embedder });
    // Read again, found the same: nothing re-indexed, but the new reader is recorded.
    expect(again.articleList).toHaveLength(120);
    expect(again.update).toMatchObject({ mode: 'update', added: 0, deleted: 0 });
    expect(isCurrent(await indexFreshness(outDir, reports))).toBe(true);
    const next = await buildIndex({ inputs: [reports], outDir, embedder });
    expect(next.update.mode).toBe('unchanged');
    expect(next.articleList).toHaveLength(0);
  });
});

describe('merges', () => {
  it('the tiered policy merges a full tier of small segments, and a worn segment alone', () => {
    const seg = (id: string, live: number, chunks = live) => ({ id, live, chunks });
    expect(nextMerge([seg('big', 50_000), seg('x', 10), seg('y', 20)])).toBeUndefined();
    const small = Array.from({ length: 10 }, (_, i) => seg(`s${i}`, 5 + i));
    expect(nextMerge([seg('big', 50_000), ...small])).toEqual(small.map((s) => s.id));
    // Eleven small ones: the ten smallest, in index order.
    expect(nextMerge([seg('z', 1000), ...small, seg('big', 50_000)])).toEqual(small.map((s) => s.id));
    expect(nextMerge([seg('big', 50_000), seg('worn', 100, 400)])).toEqual(['worn']);
    // Tiers: ten segments of ~50k are one tier above ten of ~5k; only a full tier merges.
    expect(nextMerge([...Array.from({ length: 9 }, (_, i) => seg(`m${i}`, 5000)), seg('t', 60_000)])).toBeUndefined();
    // A full tier whose merge would exceed the largest segment is left alone; one that fits merges.
    expect(nextMerge(Array.from({ length: 10 }, (_, i) => seg(`b${i}`, 100_000)))).toBeUndefined();
    expect(nextMerge(Array.from({ length: 10 }, (_, i) => seg(`c${i}`, 15_000)))).toHaveLength(10);
  });

  it('a build writes one segment a worker or as many of BUILD_SEGMENT_CHUNKS as fit (at most MAX_BUILD_SEGMENTS), more when a segment would exceed the largest allowed', () => {
    expect(segmentsToBuild(BUILD_SEGMENT_CHUNKS * 2, 2)).toBe(2);
    expect(segmentsToBuild(BUILD_SEGMENT_CHUNKS * 3 - 1, 2)).toBe(2);
    expect(segmentsToBuild(BUILD_SEGMENT_CHUNKS * 3, 2)).toBe(3);
    expect(segmentsToBuild(100_000, 2)).toBe(4);
    expect(segmentsToBuild(BUILD_SEGMENT_CHUNKS * 3, 8)).toBe(8);
    expect(segmentsToBuild(BUILD_SEGMENT_CHUNKS * 12, 2)).toBe(MAX_BUILD_SEGMENTS);
    expect(segmentsToBuild(MAX_SEGMENT_CHUNKS * 5 + 1, 2)).toBe(6);
    expect(segmentsToBuild(1_000_000, 2, 10)).toBe(10);
    // One worker: one segment, more only over the largest allowed.
    expect(segmentsToBuild(100_000, 1)).toBe(1);
    expect(segmentsToBuild(MAX_SEGMENT_CHUNKS * 2 + 1, 1)).toBe(3);
    // Segments cut by size sit above the merge policy's 20,000-chunk tier floor (no merge with small updates).
    for (const chunks of [50_000, 74_999, 75_000, 100_000, 199_999])
      expect(chunks / segmentsToBuild(chunks, 2)).toBeGreaterThanOrEqual(BUILD_SEGMENT_CHUNKS);
  });

  it('merging drops deleted chunks and keeps every answer', async () => {
    const outDir = path.join(dir, 'merged');
    const reports = path.join(dir, 'merge-reports');
    mkdirSync(reports);
    const articles = generateArticles(60, 9, 'm');
    for (let i = 0; i < 6; i++) {
      writeJsonl(path.join(reports, `${i}.jsonl`), articles.slice(i * 10, i * 10 + 10));
      await buildIndex({ inputs: [reports], outDir, embedder, merge: false });
    }
    unlinkSync(path.join(reports, '2.jsonl'));
    await buildIndex({ inputs: [reports], outDir, embedder, merge: false });
    expect(segmentsOf(outDir)).toHaveLength(5);
    const before = await loadIndex(outDir, { modelsDir, embedder });
    const outcomes = await mergeIndex(outDir, {
      policy: { segmentsPerTier: 3, mergeFactor: 3, floorChunks: 1000, maxMergedChunks: 1e9, maxDeletedShare: 0.33 },
    });
    expect(outcomes.length).toBeGreaterThan(0);
    const after = await loadIndex(outDir, { modelsDir, embedder });
    expect(segmentsOf(outDir).length).toBeLessThan(5);
    expect(new Set(after.chunks.map((c) => c.id))).toEqual(new Set(before.chunks.map((c) => c.id)));
    expect(after.articles).toHaveLength(50);
    const manifest = JSON.parse(readFileSync(path.join(outDir, 'manifest.json'), 'utf8')) as { deleted: Record<string, number[]> };
    expect(Object.keys(manifest.deleted)).toEqual([]);
    // Scores are corpus-wide, so a merge changes none (chunk positions may move).
    const byId = (index: ReportIndex) =>
      QUERIES.flatMap((q) =>
        index
          .lexicalSearch(q, 1000)
          .map((h) => `${q} ${index.chunks[h.chunk].id} ${h.score}`)
          .sort(),
      );
    expect(byId(after)).toEqual(byId(before));
  });
});
