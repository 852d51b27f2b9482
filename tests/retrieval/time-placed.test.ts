import { describe, expect, it } from 'vitest';
import { placesMonth, placesYear } from '../../src/retrieval/time-placed.ts';
import { RELATIVE_YEAR_ROWS } from '../../src/text/vocabulary/relative-years.ts';

describe('placesYear', () => {
  it('is placed by the date, or by the year printed in digits or Chinese numerals', () => {
    expect(placesYear({ date: '1985-03-02' }, '会议听取了汇报。', 1985)).toBe(true);
    expect(placesYear({}, '1985年，该馆落成。', 1985)).toBe(true);
    expect(placesYear({}, '于一九八五年落成。', 1985)).toBe(true);
    expect(placesYear({}, '于二零零五年七月一日迁入。', 2005)).toBe(true);
  });
  it('is not placed by another year, or by the digits inside a longer number', () => {
    expect(placesYear({}, '1978年，卡特宣布断交。', 1985)).toBe(false);
    expect(placesYear({}, '人口为119850人。', 1985)).toBe(false);
    expect(placesYear({ date: '2021-06-01' }, '会议听取了汇报。', 2020)).toBe(false);
  });
  it('reads 去年 and 明年 against the date; undated, they may mean any year', () => {
    expect(placesYear({ date: '2021-06-01' }, '比去年增长8%。', 2020)).toBe(true);
    expect(placesYear({ date: '2021-06-01' }, '比去年增长8%。', 2019)).toBe(false);
    expect(placesYear({}, '今年计划新建道路12公里。', 2019)).toBe(true);
  });
});

describe('placesMonth', () => {
  it('is placed by the date, a day the text names, or the month printed in digits or Chinese numerals', () => {
    expect(placesMonth({ date: '2024-09-03' }, '会议听取了汇报。', 9)).toBe(true);
    expect(placesMonth({ eventDates: ['08-27'] }, '街道召开党建联席会议。', 8)).toBe(true);
    expect(placesMonth({}, '十月，县里集中开工了11个项目。', 10)).toBe(true);
    expect(placesMonth({}, '8月27日上午召开8月份党建联席会议。', 9)).toBe(false);
    expect(placesMonth({}, '12月召开了年终总结会。', 2)).toBe(false);
  });
});

describe('RELATIVE_YEAR_ROWS', () => {
  it.each(RELATIVE_YEAR_ROWS.map((r) => [r.word, r] as const))('%s places its offset from the date, not another year', (_w, r) => {
    expect(r.example).toContain(r.word);
    expect(placesYear({ date: '2021-06-01' }, r.example, 2021 + r.offset)).toBe(true);
    expect(placesYear({ date: '2021-06-01' }, r.example, 2021 + r.offset + 5)).toBe(false);
  });
});
