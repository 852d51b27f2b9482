import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/index/build.ts';
import { BuiltinEmbedder } from '../../src/index/embedders/builtin.ts';
import { containsGold } from '../../src/eval/metrics.ts';
import { ReportsEngine } from '../../src/retrieval/engine.ts';
import { QuestionError } from '../../src/retrieval/types.ts';

const root = path.resolve(__dirname, '../..');
const seed = readFileSync(path.join(root, 'tests/fixtures/qa/seed-dev.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as { id: string; q: string; answers: string[]; kind: string });

let tmp: string;
let outDir: string;
let engine: ReportsEngine;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'baoxun-engine-'));
  outDir = path.join(tmp, 'index');
  await buildIndex({ inputs: [path.join(root, 'data/reports')], outDir, embedder: new BuiltinEmbedder() });
  engine = await ReportsEngine.open(outDir, { modelsDir: path.join(tmp, 'models') });
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('meetings named in a question', () => {
  it('answer from the meeting the reports name', async () => {
    const a = await engine.ask('在信访工作会议上谁讲了话？');
    expect(a.abstained).toBe(false);
    expect(a.answer).toContain('张红军');
  });
  it('abstain for a meeting no report names, rather than answer from another meeting', async () => {
    const a = await engine.ask('在防汛抗旱工作会议上，谁讲了话？');
    expect(a.abstained).toBe(true);
    expect(a.citations).toEqual([]);
  });
});

describe('roles', () => {
  it('answer who relayed at the meeting where someone did', async () => {
    expect((await engine.ask('冬春季疫情防控工作动员会上谁传达了郑州市会议精神？')).answer).toContain('张静伟');
  });
  it('abstain when the meeting asked about has nobody in that role', async () => {
    expect((await engine.ask('安委会上谁传达了会议精神？')).abstained).toBe(true);
  });
});

describe('explain', () => {
  it('lists the scored passages behind an answer, best first, the first being the one cited', async () => {
    const explaining = await ReportsEngine.open(outDir, { modelsDir: path.join(tmp, 'models'), explain: true });
    const a = await explaining.ask('谁主持了冬春季疫情防控工作动员会？');
    const lines = a.explain?.passages ?? [];
    expect(a.explain?.evidence).toMatchObject({ hasCandidate: true, filterSatisfied: true });
    expect(lines.length).toBeGreaterThan(1);
    for (let i = 1; i < lines.length; i++) expect(lines[i - 1].score).toBeGreaterThanOrEqual(lines[i].score);
    expect(lines[0].coverage).toBeGreaterThan(0);
    expect(a.citations.some((c) => c.articleId === lines[0].articleId)).toBe(true);
    expect((await engine.ask('谁主持了冬春季疫情防控工作动员会？')).explain).toBeUndefined();
  });
});

describe('engine over the shipped reports (seed-dev)', () => {
  for (const item of seed.filter((s) => s.answers.length)) {
    it(`answers ${item.id}: ${item.q}`, async () => {
      const a = await engine.ask(item.q);
      expect(a.abstained).toBe(false);
      expect(containsGold(a.answer, item.answers) || containsGold(a.citations[0]?.excerpt ?? '', item.answers)).toBe(true);
      expect(a.citations.length).toBeGreaterThan(0);
      expect(a.citations.length).toBeLessThanOrEqual(3);
      for (const c of a.citations) {
        expect(c.excerpt.length).toBeLessThanOrEqual(200);
        for (const [s, e] of c.highlights) {
          expect(s).toBeGreaterThanOrEqual(0);
          expect(e).toBeLessThanOrEqual(c.excerpt.length);
        }
      }
      expect(a.answer.length).toBeLessThanOrEqual(120);
      expect(Object.keys(a.timings_ms)).toEqual(expect.arrayContaining(['normalise', 'embed', 'dense', 'bm25', 'fuse', 'answer', 'total']));
    });
  }
  for (const item of seed.filter((s) => !s.answers.length)) {
    it(`abstains on ${item.id}: ${item.q}`, async () => {
      const a = await engine.ask(item.q);
      expect(a.abstained).toBe(true);
      expect(a.citations).toEqual([]);
      expect(a.related.length).toBeGreaterThan(0);
      expect(a.related.length).toBeLessThanOrEqual(3);
    });
  }
  it('answers who chaired a meeting from the extracted people', async () => {
    const a = await engine.ask('谁主持了2021年度信访工作会议？');
    expect(a.answer).toContain('张红军');
    expect(a.citations[0].excerpt).toContain('主持');
  });
  it('rejects questions that cannot be asked', async () => {
    await expect(engine.ask('   ')).rejects.toBeInstanceOf(QuestionError);
  });
  it('lists dates, articles on a date and meetings', () => {
    expect(engine.dates()).toEqual(['2021-01-12']);
    expect(engine.articlesOn('2021-01-12').length).toBe(3);
    expect(engine.meetings().length).toBe(3);
    const m = engine.meeting('信访工作会议');
    expect(m?.chaired).toContain('张红军');
    expect(engine.article(m!.articleId)?.headline).toBe(m?.headline);
  });
  it('/meeting finds a meeting by the name a question would use, as questions do', async () => {
    // 疫情防控动员会 shortens 冬春季新冠肺炎疫情防控工作动员会: a question naming it is answered, and the lookup finds it too.
    expect(engine.meeting('疫情防控动员会')?.name).toBe('冬春季新冠肺炎疫情防控工作动员会');
    expect((await engine.ask('疫情防控动员会是谁主持的？')).answer).toContain('王新亭');
    expect(engine.meeting('防汛动员会')).toBeUndefined();
  });
  it('swaps to another index while keeping answers', async () => {
    engine.swap(engine.index);
    const a = await engine.ask('信访工作应当摆在什么位置？');
    expect(a.citations[0].excerpt).toContain('第一优先');
  });
});

describe('engine: structured facts over the shipped reports', () => {
  it('lists the meetings of a day, citing each', async () => {
    const a = await engine.ask('1月12日召开了哪些会议？');
    expect(a.abstained).toBe(false);
    expect(a.answer).toContain('冬春季新冠肺炎疫情防控工作动员会');
    expect(a.answer.length).toBeLessThanOrEqual(120);
    expect(new Set(a.citations.map((c) => c.articleId)).size).toBe(3);
  });
  it('abstains for a day the reports do not cover', async () => {
    expect((await engine.ask('2022年1月12日召开了哪些会议？')).abstained).toBe(true);
  });
  it('answers who reported from the bylines', async () => {
    const a = await engine.ask('这篇报道的记者是谁？');
    expect(a.abstained).toBe(false);
    expect(a.answer).toContain('孙庆辉');
  });
});

describe('a meeting the reports do not report', () => {
  it('is refused when asked who chaired it, though a fact names who chaired the one they do report', async () => {
    for (const q of ['防汛会议是谁主持的？', '预热工作会议是谁主持的？']) expect((await engine.ask(q)).abstained, q).toBe(true);
    expect((await engine.ask('冬春季疫情防控工作动员会是谁主持的？')).answer).toContain('王新亭');
  });
});

describe('warm-up', () => {
  it('asks questions of distinct shapes and leaves the answers as they were', async () => {
    const { WARM_UP_QUESTIONS } = await import('../../src/retrieval/warm-up-questions.ts');
    expect(new Set(WARM_UP_QUESTIONS.map((w) => w.shape)).size).toBe(WARM_UP_QUESTIONS.length);
    const before = await Promise.all(seed.map((s) => engine.ask(s.q)));
    await engine.warmUp();
    const after = await Promise.all(seed.map((s) => engine.ask(s.q)));
    expect(after.map((a) => a.answer)).toEqual(before.map((a) => a.answer));
  });
});
