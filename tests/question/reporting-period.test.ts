import { describe, expect, it } from 'vitest';
import { conflictingPeriods, PERIOD_ROWS, reportingPeriods } from '../../src/retrieval/question/reporting-period.ts';

describe('reporting periods', () => {
  for (const row of PERIOD_ROWS) {
    it(`reads ${row.example} as one span of months`, () => {
      expect(reportingPeriods(`全区${row.example}地区生产总值`).size).toBe(1);
    });
  }
  it('compares periods by the months they cover, whatever prints them', () => {
    expect([...reportingPeriods('前三季度')]).toEqual(['1-9']);
    expect([...reportingPeriods('1-9月')]).toEqual(['1-9']);
    expect([...reportingPeriods('一季度')]).toEqual(['1-3']);
    expect([...reportingPeriods('第二季度')]).toEqual(['4-6']);
  });
  it('conflict only when the article prints other periods and never the one asked', () => {
    expect(conflictingPeriods('前三季度居民人均可支配收入是多少', '一季度全县居民人均可支配收入7256元')).toEqual(['1-9']);
    expect(conflictingPeriods('前三季度居民人均可支配收入是多少', '1-9月全区居民人均可支配收入')).toEqual([]);
    expect(conflictingPeriods('上半年收入是多少', '全县居民人均可支配收入7256元')).toEqual([]);
    expect(conflictingPeriods('收入是多少', '一季度收入')).toEqual([]);
  });
});
