import { describe, expect, it } from 'vitest';
import { decisiveAbsences, missingWords } from '../../src/retrieval/missing-words.ts';
import { abstainReason } from '../../src/retrieval/abstain.ts';

const base = { filterSatisfied: true, coverage: 0.6, missing: 0, english: false, factAnswered: false, hasCandidate: true };

describe('abstention', () => {
  it('answers a well-covered question', () => {
    expect(abstainReason(base)).toBeUndefined();
  });
  it('abstains when a date/year filter matches no report', () => {
    expect(abstainReason({ ...base, filterSatisfied: false })).toBe('filter');
  });
  it('abstains on low coverage, and sooner when a question word is absent from the reports', () => {
    expect(abstainReason({ ...base, coverage: 0.03 })).toBe('low-coverage');
    expect(abstainReason({ ...base, coverage: 0.16 })).toBeUndefined();
    expect(abstainReason({ ...base, coverage: 0.16, missing: 2 })).toBe('missing-words');
  });
  it('is more lenient with English questions and trusts structured facts', () => {
    expect(abstainReason({ ...base, coverage: 0.06, english: true })).toBeUndefined();
    expect(abstainReason({ ...base, coverage: 0.05, factAnswered: true })).toBeUndefined();
  });
  it('abstains on a decisive absent word however well the rest matches, facts included', () => {
    expect(abstainReason({ ...base, coverage: 0.9, missing: 1, decisive: 1 })).toBe('missing-words');
    expect(abstainReason({ ...base, coverage: 0.9, missing: 1, decisive: 1, factAnswered: true })).toBe('missing-words');
    expect(abstainReason({ ...base, coverage: 0.9, missing: 1, decisive: 0 })).toBeUndefined();
  });
});

describe('missing words', () => {
  it('counts topic words the reports lack, never question words', () => {
    const corpus = '市政府召开常务会议，研究部署防汛工作。';
    expect(missingWords('哪一年召开常务会议', corpus)).toEqual([]);
    expect(missingWords('市长何年出席会议', corpus)).toContain('市长');
  });
});

describe('decisive absences', () => {
  const corpus = '高新区第二季度重点项目集中签约，巩义市考察团来访，青海有关部门，林务局。';
  const occurs = (w: string) => corpus.includes(w);
  it('are places the reports never name and periods they report with another number', () => {
    expect(decisiveAbsences(['上海市', '河南省委', '第三季度'], occurs)).toEqual(['上海市', '河南省委', '第三季度']);
  });
  it('are not generic areas, bodies, counts and ranks, or places the reports do name', () => {
    expect(decisiveAbsences(['青海地区', '林业局', '第五名', '六成', '三席', '巩义县', '第四季度名单'], occurs)).toEqual([]);
  });
});
