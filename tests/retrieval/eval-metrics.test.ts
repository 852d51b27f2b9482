import { describe, expect, it } from 'vitest';
import { containsGold, percentile, summarise, type QuestionOutcome } from '../../src/eval/metrics.ts';
import { renderTable } from '../../src/eval/table.ts';
import { judge } from '../../src/eval/run.ts';
import type { Answer } from '../../src/retrieval/types.ts';

describe('eval metrics', () => {
  it('match gold spans across scripts, widths and OCR spaces', () => {
    expect(containsGold('党工委副书记、管委会主任张红军主持会议', ['張紅軍'])).toBe(true);
    expect(containsGold('管委会主任 张 红军', ['张红军'])).toBe(true);
    expect(containsGold('ＡＢＣ公司', ['abc'])).toBe(true);
    expect(containsGold('王新亭', ['张红军'])).toBe(false);
    expect(containsGold('anything', [''])).toBe(false);
  });
  it('computes percentiles by rank', () => {
    expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)).toBe(10);
    expect(Number.isNaN(percentile([], 50))).toBe(true);
  });
  it('summarises answerable and unanswerable questions separately', () => {
    const o = (x: Partial<QuestionOutcome>): QuestionOutcome => ({
      answerable: true,
      abstained: false,
      inAnswer: false,
      inFirst: false,
      inTop3: false,
      ms: 1,
      ...x,
    });
    const s = summarise([
      o({ inFirst: true, inTop3: true }),
      o({ abstained: true }),
      o({ answerable: false, abstained: true }),
      o({ answerable: false }),
    ]);
    expect(s.answerable).toBe(2);
    expect(s.first).toBe(0.5);
    expect(s.falseAbstention).toBe(0.5);
    expect(s.abstention).toBe(0.5);
    expect(renderTable([['x', s]])).toMatch(/\| x \| 4 \| 0\.000 \| 0\.500 \|/);
  });
});

describe('held-out questions', () => {
  const item = { id: 'h1', q: '二二八事件于何年爆发？', answers: [], heldAnswers: ['1947年'], kind: 'holdout' };
  const answer = (text: string, abstained: boolean, excerpt = '') =>
    ({ answer: text, abstained, citations: excerpt ? [{ excerpt }] : [] }) as unknown as Answer;
  it('count as answered anyway only when another article gives their own gold, and never as answerable', () => {
    const elsewhere = judge(item, answer('1947年', false, '1947年爆发'), 1);
    expect(elsewhere).toMatchObject({ answerable: false, heldGold: true, inAnswer: false });
    expect(judge(item, answer('1949年', false, '1949年'), 1).heldGold).toBe(false);
    expect(judge(item, answer('', true), 1).heldGold).toBe(false);
    const { heldGold, abstention } = summarise([elsewhere, judge(item, answer('', true), 1)]);
    expect(heldGold).toBe(0.5);
    expect(abstention).toBe(0.5);
  });
});
