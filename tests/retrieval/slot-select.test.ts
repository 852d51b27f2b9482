import { describe, expect, it } from 'vitest';
import type { ScoredPassage } from '../../src/retrieval/answer-select.ts';
import { slotNeeds, slotText } from '../../src/retrieval/answer-slot.ts';
import { preferFilledSlot } from '../../src/retrieval/pipeline/select.ts';

const scored = (norm: string, score: number, index = 0): ScoredPassage => ({
  articleId: 'a',
  passage: { index, start: 0, end: norm.length, text: norm, norm, units: new Set() },
  score,
  coverage: 0.5,
  contextCoverage: 0.5,
  cue: 0,
});

describe('preferFilledSlot', () => {
  const needs = slotNeeds('各乡镇人代会是什么时间召开的')!;
  const lead = scored('5月26日至5月31日，各乡镇召开人代会。', 0.9, 0);
  const about = scored('为确保各乡镇人代会顺利举行，县人大常委会周密部署。', 1, 1);

  it('puts first a close passage that prints the day asked for', () => {
    expect(preferFilledSlot([about, lead], needs).map((s) => s.passage.index)).toEqual([0, 1]);
  });

  it('keeps the order when the best passage fills the slot, the filling one is far behind, or nothing is asked', () => {
    expect(preferFilledSlot([lead, about], needs)[0]).toBe(lead);
    const far = { ...lead, score: 0.5 };
    expect(preferFilledSlot([about, far], needs)[0]).toBe(about);
    expect(preferFilledSlot([about, lead], undefined)[0]).toBe(about);
  });

  it('reads an English question’s slot from the question as asked, a Chinese one from its text', () => {
    expect(slotNeeds(slotText({ script: 'en', text: '零售 总额' }, "what was the district's total retail sales?"))).toBeDefined();
    expect(slotNeeds(slotText({ script: 'zh-Hans', text: '会议是哪天召开的' }, 'ignored'))).toBeDefined();
    expect(slotNeeds('谁主持了会议')).toBeUndefined();
  });
});
