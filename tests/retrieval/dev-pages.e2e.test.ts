/**
 * The second development set: two report pages the engine was never tuned on (one with a masthead),
 * with 48 questions of every kind. Guards the whole pipeline on unseen pages, not single answers.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { containsGold } from '../../src/eval/metrics.ts';
import { buildIndex } from '../../src/index/build.ts';
import { BuiltinEmbedder } from '../../src/index/embedders/builtin.ts';
import { ReportsEngine } from '../../src/retrieval/engine.ts';

const root = path.resolve(__dirname, '../..');
const questions = readFileSync(path.join(root, 'tests/fixtures/qa/dev-pages.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as { id: string; q: string; answers: string[]; kind: string });

let tmp: string;
let engine: ReportsEngine;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'baoxun-devpages-'));
  const outDir = path.join(tmp, 'index');
  const inputs = [path.join(root, 'tests/fixtures/corpus/dev-pages'), path.join(root, 'data/reports')];
  await buildIndex({ inputs, outDir, embedder: new BuiltinEmbedder() });
  engine = await ReportsEngine.open(outDir, { modelsDir: path.join(tmp, 'models') });
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('unseen report pages (dev-pages)', () => {
  it('abstain on every question the pages do not answer', async () => {
    const negatives = questions.filter((q) => q.answers.length === 0);
    expect(negatives.length).toBeGreaterThanOrEqual(5);
    for (const q of negatives) expect({ id: q.id, abstained: (await engine.ask(q.q)).abstained }).toEqual({ id: q.id, abstained: true });
  });

  it('put a gold answer in the short answer or the first excerpt for all but at most two questions', async () => {
    const misses: string[] = [];
    for (const q of questions.filter((x) => x.answers.length)) {
      const a = await engine.ask(q.q);
      if (!(containsGold(a.answer, q.answers) || containsGold(a.citations[0]?.excerpt ?? '', q.answers))) misses.push(q.id);
    }
    expect(misses.length).toBeLessThanOrEqual(2);
  });
});
