/**
 * SIGKILL `npm run index` at seeded random points, many times: after every kill the index on disk is
 * a complete one (the previous, or the new one if the kill came after the publish), it loads and
 * answers, and the dead builder's lock never blocks the next build. Finally a full build completes.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockPath } from '../../src/index/build-lock.ts';
import { loadIndex } from '../../src/index/load.ts';
import { ReportsEngine } from '../../src/retrieval/engine.ts';
import { finished, generateArticles, NO_MODELS, runCli, seeded, spawnCli, tempDir, writeJsonl } from './support.ts';

const ITERATIONS = 14;
const STAGES = ['index: read', 'index: chunk', 'index: embedded', 'index: analyse', 'index: hnsw', 'index: write'];
let dir: string;
/** Two corpora of different sizes, built alternately, so every completed build changes the index. */
const corpora = [
  { file: '', articles: 200, prefix: 'a' },
  { file: '', articles: 220, prefix: 'b' },
];

beforeAll(() => {
  dir = tempDir('kill');
  corpora.forEach((c, i) => {
    c.file = path.join(dir, `${c.prefix}.jsonl`);
    writeJsonl(c.file, generateArticles(c.articles, 100 + i, c.prefix));
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function checkIndex(outDir: string): Promise<{ fingerprint: string; prefix: string }> {
  const index = await loadIndex(outDir, { modelsDir: NO_MODELS });
  const prefixes = new Set(index.articles.map((a) => a.id.split('-')[0]));
  // Never a mix of two builds: one corpus, whole.
  expect(prefixes.size).toBe(1);
  const prefix = [...prefixes][0]!;
  expect(index.articles.length).toBe(corpora.find((c) => c.prefix === prefix)!.articles);
  expect(index.chunks.length).toBe(index.manifest.counts.chunks);
  const answer = await ReportsEngine.fromIndex(index, { modelsDir: NO_MODELS }).ask('谁主持了冬春季疫情防控工作动员会？');
  expect(answer.citations.length + answer.related.length).toBeGreaterThan(0);
  return { fingerprint: index.manifest.corpusFingerprint, prefix };
}

describe('SIGKILL during npm run index, again and again', () => {
  it('always leaves a complete index that answers, and the next build runs', async () => {
    const outDir = path.join(dir, 'index');
    const first = await runCli('index', ['--input', corpora[0]!.file, '--out', outDir, '--json']);
    expect(first.code).toBe(0);
    let current = await checkIndex(outDir);
    const rand = seeded(20240611);
    const outcomes: string[] = [];
    let staleLocks = 0;

    for (let i = 0; i < ITERATIONS; i++) {
      const corpus = corpora[(i + 1) % 2]!;
      const child = spawnCli('index', ['--input', corpus.file, '--out', outDir, '--json']);
      const done = finished(child);
      // Half the kills after a random delay from the start, half a random moment into a random stage.
      const stage = STAGES[Math.floor(rand() * STAGES.length)]!;
      const byStage = rand() < 0.5;
      const delay = Math.floor(rand() * (byStage ? 150 : 2500));
      let stderr = '';
      const timer = new Promise<void>((resolve) => {
        const fire = () => setTimeout(resolve, delay);
        if (!byStage) return fire();
        const onData = (d: Buffer) => {
          stderr += d.toString();
          if (stderr.includes(stage)) {
            child.stderr!.off('data', onData);
            fire();
          }
        };
        child.stderr!.on('data', onData);
      });
      await Promise.race([timer, done]);
      child.kill('SIGKILL');
      const r = await done;
      if (existsSync(lockPath(outDir))) staleLocks++;
      // A build that ran to the end before the kill must have succeeded; none may hit a stale lock.
      expect(r.stderr).not.toMatch(/Another index build/);
      if (r.signal !== 'SIGKILL') expect(r.code, r.stderr).toBe(0);
      outcomes.push(r.signal === 'SIGKILL' ? `killed (${byStage ? `${stage} +${delay}` : `+${delay}`} ms)` : 'completed');

      const now = await checkIndex(outDir);
      // Either the index from before this build, or this build's complete one (killed after publishing).
      if (now.fingerprint !== current.fingerprint) expect(now.prefix).toBe(corpus.prefix);
      current = now;
    }
    expect(outcomes.filter((o) => o.startsWith('killed')).length).toBeGreaterThanOrEqual(ITERATIONS / 2);
    // Dead builders did leave their locks behind, and the following builds took them over.
    expect(staleLocks).toBeGreaterThan(0);

    const last = await runCli('index', ['--input', corpora[1]!.file, '--out', outDir, '--json']);
    expect(last.code, last.stderr).toBe(0);
    expect((await checkIndex(outDir)).prefix).toBe('b');
    // Everything the killed builds left behind is gone: the link, its one version folder, no lock.
    expect(existsSync(lockPath(outDir))).toBe(false);
    const siblings = readdirSync(dir).filter((n) => n.startsWith('index'));
    expect(siblings.length, siblings.join(', ')).toBe(2);
    expect(siblings.filter((n) => n.startsWith('index.v-')).length).toBe(1);
    console.log(`kill loop: ${outcomes.join('; ')}; stale locks taken over: ${staleLocks}`);
  });
});
