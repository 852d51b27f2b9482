import { describe, expect, it } from 'vitest';
import { englishCardinal, englishOrdinals, parseChineseNumber, toChineseNumber } from '../../src/text/numerals.ts';
import { conflictingOrdinals, ordinalVariants, printsAskedOrdinals } from '../../src/retrieval/question/ordinals.ts';
import { chineseOrdinals, englishOrdinalMentions, ordinalSearchTerms } from '../../src/text/ordinals.ts';

describe('Chinese numerals', () => {
  it('reads units, digit-by-digit years and Arabic digits', () => {
    expect(parseChineseNumber('三十六')).toBe(36);
    expect(parseChineseNumber('十')).toBe(10);
    expect(parseChineseNumber('十五')).toBe(15);
    expect(parseChineseNumber('六十五')).toBe(65);
    expect(parseChineseNumber('一百零五')).toBe(105);
    expect(parseChineseNumber('一千零一十五')).toBe(1015);
    expect(parseChineseNumber('两百')).toBe(200);
    expect(parseChineseNumber('廿一')).toBe(21);
    expect(parseChineseNumber('二〇二五')).toBe(2025);
    expect(parseChineseNumber('一万二千')).toBe(12000);
    expect(parseChineseNumber('1015')).toBe(1015);
  });
  it('refuses what is not a numeral', () => {
    expect(parseChineseNumber('')).toBeUndefined();
    expect(parseChineseNumber('十十')).toBeUndefined();
    expect(parseChineseNumber('三四十')).toBeUndefined();
    expect(parseChineseNumber('二两')).toBeUndefined();
    expect(parseChineseNumber('次')).toBeUndefined();
  });
  it('writes numbers in Chinese and back', () => {
    expect(toChineseNumber(36)).toBe('三十六');
    expect(toChineseNumber(10)).toBe('十');
    expect(toChineseNumber(105)).toBe('一百零五');
    expect(toChineseNumber(110)).toBe('一百一十');
    expect(toChineseNumber(1015)).toBe('一千零一十五');
    for (let n = 1; n < 2000; n += 7) expect(parseChineseNumber(toChineseNumber(n))).toBe(n);
  });
  it('reads English ordinals and cardinals', () => {
    expect(englishOrdinals('the 36th and thirty-sixth, the fourth, twentieth, 1st').map((o) => o.value)).toEqual([36, 36, 4, 20, 1]);
    expect(englishOrdinals('twenty first').map((o) => o.value)).toEqual([21]);
    expect(englishCardinal('thirty-six')).toBe(36);
    expect(englishCardinal('twelve')).toBe(12);
  });
});

describe('ordinal mentions', () => {
  it('parses sessions with their term, year and kind of meeting', () => {
    const [a] = chineseOrdinals('政协八届十次常委会议');
    expect(a).toMatchObject({ kind: 'session', term: 8, number: 10, meeting: '常委' });
    expect(chineseOrdinals('区政协二届六十五次主席会议')[0]).toMatchObject({ term: 2, number: 65, meeting: '主席' });
    expect(chineseOrdinals('十一届八次常委会议')[0]).toMatchObject({ term: 11, number: 8 });
    expect(chineseOrdinals('第1015次市務會議')[0]).toMatchObject({ kind: 'session', number: 1015, meeting: '市務' });
    expect(chineseOrdinals('2025年第17次常务会议')[0]).toMatchObject({ number: 17, year: 2025, meeting: '常务' });
    expect(chineseOrdinals('县政府第四十二次常务会议')[0]).toMatchObject({ number: 42 });
    expect(chineseOrdinals('县十七届人大常委会第五次会议')[0]).toMatchObject({ term: 17, number: 5 });
    expect(chineseOrdinals('第三十六次主席会议')[0]).toMatchObject({ number: 36 });
    expect(chineseOrdinals('第36次主席会议')[0]).toMatchObject({ number: 36 });
  });
  it('parses terms and periods, not counts, occurrences or ranks', () => {
    expect(chineseOrdinals('市十七届人大代表')).toMatchObject([{ kind: 'term', number: 17 }]);
    expect(chineseOrdinals('2021年第二季度')).toMatchObject([{ kind: 'period', number: 2, unit: '季度' }]);
    expect(chineseOrdinals('连任两届，召开三次会议，第一次来到这里，获得第五名')).toEqual([]);
  });
  it('reads English ordinals naming a meeting, a congress or a quarter', () => {
    expect(englishOrdinalMentions("the 36th chairpersons' meeting")).toMatchObject([{ kind: 'session', number: 36 }]);
    expect(englishOrdinalMentions('the thirty-sixth meeting')).toMatchObject([{ kind: 'session', number: 36 }]);
    expect(englishOrdinalMentions("the fourth presidium meeting of the 5th session of the 17th municipal people's congress")).toMatchObject(
      [
        { kind: 'session', number: 4 },
        { kind: 'session', number: 5 },
        { kind: 'term', number: 17 },
      ],
    );
    expect(englishOrdinalMentions('in the third quarter')).toMatchObject([{ kind: 'period', number: 3, unit: '季度' }]);
    expect(englishOrdinalMentions('on the third day of the home visits')).toEqual([]);
    expect(englishOrdinalMentions('revenue in the first three quarters')).toEqual([]);
  });
  it('gives the forms a report prints', () => {
    const [m] = englishOrdinalMentions("the 36th chairpersons' meeting");
    expect(ordinalSearchTerms(m)).toEqual(['第三十六次', '第36次', '三十六次']);
  });
});

describe('conflicting ordinals', () => {
  const cppcc = '辽源市政协八届九次常委会议召开。会议审议通过了下次会议议程。';
  it('finds a session the article prints only with another number, in any numerals', () => {
    expect(conflictingOrdinals('辽源市政协八届十次常委会议是哪天召开的', cppcc)).toEqual(['八届十次']);
    expect(conflictingOrdinals('八届九次常委会议是哪天召开的', cppcc)).toEqual([]);
    expect(conflictingOrdinals('九届九次常委会议', cppcc)).toEqual(['九届九次']);
    expect(conflictingOrdinals('第1016次市务会议', '嘉义市政府第1015次市务会议')).toEqual(['第1016次']);
    expect(conflictingOrdinals('第一千零一十五次市务会议', '嘉义市政府第1015次市务会议')).toEqual([]);
    expect(conflictingOrdinals('Who chaired the 28th executive meeting?', '区政府第27次常务会议')).toEqual(['28th']);
    expect(conflictingOrdinals('Who chaired the 27th executive meeting?', '区政府第二十七次常务会议')).toEqual([]);
  });
  it('compares sessions of the same kind of meeting, term and year', () => {
    const zx = '区政协二届六十四次主席会议召开，听取二届二十五次常委会议方案的汇报。';
    expect(conflictingOrdinals('二届六十五次主席会议', zx)).toEqual(['二届六十五次']);
    expect(conflictingOrdinals('二届二十五次常委会议', zx)).toEqual([]);
    const county = '县政府2025年第16次常务会议召开。又讯 县政府2025年第17次常务会议召开。';
    expect(conflictingOrdinals('2025年第17次常务会议', county)).toEqual([]);
    expect(conflictingOrdinals('2025年第18次常务会议', county)).toEqual(['2025年第18次']);
    expect(conflictingOrdinals('第四次会议', '市十七届人大五次会议主席团召开第四次会议')).toEqual([]);
    expect(conflictingOrdinals('市十七届人大四次会议主席团第四次会议', '市十七届人大五次会议主席团召开第四次会议')).toEqual([
      '十七届人大四次',
    ]);
  });
  it('finds the asked meeting printed apart from its term, beside another body\'s or kind\'s numbered session', () => {
    const directors = '县十六届人大常委会召开第八次主任会议，研究决定了召开县十六届人大常委会第六次会议的有关事宜。';
    expect(conflictingOrdinals('县十六届人大常委会第八次主任会议由谁主持', directors)).toEqual([]);
    expect(conflictingOrdinals('县十六届人大常委会第九次主任会议由谁主持', directors)).toEqual(['十六届人大常委会第九次']);
    const committee = '区十三届人大常委会举行第十一次会议。会议听取了区十三届人大三次会议代表书面意见办理情况的汇报。';
    expect(conflictingOrdinals('区十三届人大常委会第十一次会议由谁主持', committee)).toEqual([]);
    expect(conflictingOrdinals('区十三届人大常委会第十二次会议由谁主持', committee)).toEqual(['十三届人大常委会第十二次']);
  });
  it('leaves alone ordinals the article never numbers', () => {
    expect(conflictingOrdinals('第三次区务会议', '会议审议了预算。')).toEqual([]);
    expect(conflictingOrdinals('欧洲人第一次来到这里是何时', '第二次来到这里。')).toEqual([]);
  });
});

describe('ordinalVariants', () => {
  it('gives the other printed forms of the ordinals a Chinese question names, and nothing for others', () => {
    expect(ordinalVariants('第四十四次会议谁列席了')).toEqual(['第44次']);
    expect(ordinalVariants('区人大常委会第44次会议由谁主持')).toEqual(['第四十四次', '四十四次']);
    expect(ordinalVariants('谁主持了会议')).toEqual([]);
  });
});

describe('printsAskedOrdinals', () => {
  it('is true only of an article printing the asked session, not of one printing another or none', () => {
    const q = '市十七届人大四次会议主席团常务主席会议由谁主持';
    expect(printsAskedOrdinals(q, '市十七届人大四次会议主席团常务主席会议在市行政办公中心召开。')).toBe(true);
    expect(printsAskedOrdinals(q, '市十七届人大五次会议主席团召开第四次会议。')).toBe(false);
    expect(printsAskedOrdinals(q, '市人大常委会主任到青松镇调研。')).toBe(false);
    expect(printsAskedOrdinals('谁主持了会议', '市十七届人大四次会议召开。')).toBe(false);
  });
});
