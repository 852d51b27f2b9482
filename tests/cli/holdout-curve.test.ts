import { describe, expect, it } from 'vitest';
import { precisionCurve } from '../../src/eval/curve.ts';
import { planHoldout, planHoldoutFolder } from '../../src/eval/holdout.ts';
import type { QuestionOutcome } from '../../src/eval/metrics.ts';

const corpus = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'].flatMap((t, i) => [
  JSON.stringify({ id: `${t}-1`, title: t, text: `${t} 第${i}段` }),
  JSON.stringify({ id: `${t}-2`, title: t, text: `${t} 又一段` }),
]);
const items = corpus.map((l, i) => ({ id: `q${i}`, q: '问题', answers: ['段'], doc: (JSON.parse(l) as { id: string }).id }));

describe('holdout', () => {
  it('removes every Nth title whole, and makes its questions unanswerable', () => {
    const plan = planHoldout(corpus.join('\n'), items, 4);
    expect(plan.removed.size).toBe(4); // two titles of eight, two documents each
    const titles = new Set([...plan.removed].map((id) => id.split('-')[0]));
    expect(titles.size).toBe(2);
    expect(plan.keptLines).toHaveLength(12);
    const held = plan.items.filter((q) => q.kind === 'holdout');
    expect(held).toHaveLength(4);
    expect(held.every((q) => q.answers.length === 0 && plan.removed.has(q.doc!))).toBe(true);
  });
  it('is fixed by its seed and changes with it', () => {
    const a = planHoldout(corpus.join('\n'), items, 4, 1).removed;
    expect(planHoldout(corpus.join('\n'), items, 4, 1).removed).toEqual(a);
    const others = [2, 3, 4, 5, 6].map((s) => [...planHoldout(corpus.join('\n'), items, 4, s).removed].sort().join());
    expect(others.some((o) => o !== [...a].sort().join())).toBe(true);
  });
  it('refuses a step under 2', () => {
    expect(() => planHoldout(corpus.join('\n'), items, 1)).toThrow(/at least 2/);
  });
});

describe('holdout over a folder of reports', () => {
  const folder = '/reports';
  const files = ['a.txt', 'b.md', 'c.txt', 'sub/d.txt', 'e.txt', 'f.txt', 'g.txt', 'h.txt'].map((f) => `${folder}/${f}`);
  const qs = files.flatMap((f, i) => {
    const article = f.slice(folder.length + 1);
    return [
      { id: `a${i}`, q: '谁主持？', answers: ['王明'], article },
      { id: `n${i}`, q: '区长是谁？', answers: [], article },
    ];
  });
  it('removes every Nth report file, and only the answerable questions about it must be refused', () => {
    const plan = planHoldoutFolder(folder, files, qs, 4);
    expect(plan.removed.size).toBe(2);
    expect(plan.keptFiles).toHaveLength(6);
    expect(plan.keptFiles.some((f) => plan.removed.has(f))).toBe(false);
    const held = plan.items.filter((q) => q.kind === 'holdout');
    expect(held).toHaveLength(2);
    expect(held.every((q) => q.answers.length === 0 && q.heldAnswers?.[0] === '王明' && plan.removed.has(`${folder}/${q.article}`))).toBe(
      true,
    );
    // A negative about a removed report stays a plain negative.
    expect(plan.items.filter((q) => q.id.startsWith('n')).every((q) => q.kind === undefined)).toBe(true);
  });
  it('names files by their path inside the folder, so a subfolder file is held out as any other', () => {
    const removedAt = (seed: number) => [...planHoldoutFolder(folder, files, qs, 2, seed).removed].sort().join();
    expect(removedAt(1)).toBe(removedAt(1));
    expect([2, 3, 4, 5].some((s) => removedAt(s) !== removedAt(1))).toBe(true);
    const withSub = [1, 2, 3, 4, 5, 6].some((s) => planHoldoutFolder(folder, files, qs, 2, s).removed.has(`${folder}/sub/d.txt`));
    expect(withSub).toBe(true);
  });
});

describe('precision curve', () => {
  const o = (answerable: boolean, abstained: boolean, hit: boolean, coverage: number): QuestionOutcome => ({
    answerable,
    abstained,
    inAnswer: hit,
    inFirst: false,
    inTop3: hit,
    ms: 1,
    coverage,
  });
  it('answers fewer and more precisely as the bar rises', () => {
    const outs = [o(true, false, true, 0.8), o(true, false, false, 0.25), o(false, false, false, 0.15), o(false, true, false, 0.05)];
    const [p0, , p2, , , , , p7] = precisionCurve(outs);
    expect(p0).toMatchObject({ answered: 0.75, precision: 1 / 3, recall: 0.5 });
    expect(p2).toMatchObject({ answered: 0.5, precision: 0.5 });
    expect(p7).toMatchObject({ answered: 0.25, precision: 1, recall: 0.5 });
  });
});
