/**
 * The development sets written for checking generalisation, each over its own reports: dev-pages (two
 * more pages of the paper, one with a masthead) and dev-layouts (headlines above articles, a Taiwan-
 * style traditional page, a front-matter communiqué). Guards the whole pipeline, not single answers.
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

interface Item {
  id: string;
  q: string;
  answers: string[];
}

/** The set's questions, and how many answerable misses and answered negatives it tolerates. */
const SETS = [
  { name: 'dev-pages', misses: 1, answeredNegatives: 0 },
  { name: 'dev-layouts', misses: 1, answeredNegatives: 1 },
];

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'baoxun-devsets-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

for (const set of SETS) {
  describe(`unseen reports: ${set.name}`, () => {
    const items = readFileSync(path.join(root, `tests/fixtures/qa/${set.name}.jsonl`), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Item);
    let engine: ReportsEngine;

    beforeAll(async () => {
      const outDir = path.join(tmp, set.name);
      await buildIndex({ inputs: [path.join(root, `tests/fixtures/corpus/${set.name}`)], outDir, embedder: new BuiltinEmbedder() });
      engine = await ReportsEngine.open(outDir, { modelsDir: path.join(tmp, 'models') });
    });

    it('abstain on the questions the reports do not answer', async () => {
      const negatives = items.filter((q) => q.answers.length === 0);
      expect(negatives.length).toBeGreaterThanOrEqual(5);
      const answered: string[] = [];
      for (const q of negatives) if (!(await engine.ask(q.q)).abstained) answered.push(q.id);
      expect(answered.length).toBeLessThanOrEqual(set.answeredNegatives);
    });

    it('put a gold answer in the short answer or the first excerpt', async () => {
      const misses: string[] = [];
      for (const q of items.filter((x) => x.answers.length)) {
        const a = await engine.ask(q.q);
        if (!(containsGold(a.answer, q.answers) || containsGold(a.citations[0]?.excerpt ?? '', q.answers))) misses.push(q.id);
      }
      expect(misses.length).toBeLessThanOrEqual(set.misses);
    });
  });
}
