/**
 * Two `npm run index` at once on one index folder: the second is refused with a clear message naming
 * the lock, and the index is never a mix of the two (it loads, its manifest agrees with its files).
 */
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockPath } from '../../src/index/build-lock.ts';
import { loadIndex } from '../../src/index/load.ts';
import { finished, generateArticles, NO_MODELS, spawnCli, tempDir, writeJsonl, type CliResult } from './support.ts';

let dir: string;
const corpora = { a: { file: '', articles: 150 }, b: { file: '', articles: 170 } };

beforeAll(() => {
  dir = tempDir('concurrent');
  for (const [prefix, c] of Object.entries(corpora)) {
    c.file = path.join(dir, `${prefix}.jsonl`);
    writeJsonl(c.file, generateArticles(c.articles, prefix.charCodeAt(0), prefix));
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LOCKED = /Another index build \(pid \d+\) is running for .+; wait for it to finish/;

/** The index loads (every file verified) and holds exactly one corpus, whole. */
async function expectOneCorpus(outDir: string): Promise<string> {
  const index = await loadIndex(outDir, { modelsDir: NO_MODELS });
  const prefixes = [...new Set(index.articles.map((a) => a.id.split('-')[0]!))];
  expect(prefixes).toHaveLength(1);
  const prefix = prefixes[0] as keyof typeof corpora;
  expect(index.articles.length).toBe(corpora[prefix].articles);
  expect(index.manifest.counts.articles).toBe(index.articles.length);
  expect(index.manifest.counts.chunks).toBe(index.chunks.length);
  return prefix;
}

function expectRefused(r: CliResult): void {
  expect(r.code).toBe(1);
  const out = JSON.parse(r.stdout) as { ok: boolean; error: string };
  expect(out.ok).toBe(false);
  expect(out.error).toMatch(LOCKED);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

describe('two rebuilds at once', () => {
  it('the second is refused while the first holds the lock; the first completes', async () => {
    const outDir = path.join(dir, 'held');
    const first = spawnCli('index', ['--input', corpora.a.file, '--out', outDir, '--json']);
    const firstDone = finished(first);
    // The lock is taken before the first file is read: hold the first build right there.
    await new Promise<void>((resolve, reject) => {
      let err = '';
      first.stderr!.on('data', (d: Buffer) => {
        err += d.toString();
        if (err.includes('index: read')) resolve();
      });
      first.on('exit', () => reject(new Error(`first build ended early: ${err}`)));
    });
    first.kill('SIGSTOP');
    try {
      expect(existsSync(lockPath(outDir))).toBe(true);
      expectRefused(await finished(spawnCli('index', ['--input', corpora.b.file, '--out', outDir, '--json'])));
    } finally {
      first.kill('SIGCONT');
    }
    const r = await firstDone;
    expect(r.code, r.stderr).toBe(0);
    expect(await expectOneCorpus(outDir)).toBe('a');
    expect(existsSync(lockPath(outDir))).toBe(false);
  });

  it('started together, again and again: each run builds or is refused by the lock, never a mixed index', async () => {
    const outDir = path.join(dir, 'race');
    let refused = 0;
    for (let round = 0; round < 3; round++) {
      const [ra, rb] = await Promise.all([
        finished(spawnCli('index', ['--input', corpora.a.file, '--out', outDir, '--json'])),
        finished(spawnCli('index', ['--input', corpora.b.file, '--out', outDir, '--json'])),
      ]);
      for (const r of [ra, rb]) {
        if (r.code === 0) expect(JSON.parse(r.stdout).ok).toBe(true);
        else {
          expectRefused(r);
          refused++;
        }
      }
      expect([ra.code, rb.code]).toContain(0);
      await expectOneCorpus(outDir);
    }
    console.log(`race: ${refused} of 6 builds refused by the lock`);
  });
});
