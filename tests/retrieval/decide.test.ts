import { describe, expect, it } from 'vitest';
import {
  absentDottedNames,
  absentLatinTerms,
  unreportedMeeting,
  conflictingOrdinals,
  decisiveAbsences,
  missingWords,
} from '../../src/retrieval/missing-words.ts';
import { namesSubject, refusalReason, rivalOf, type Evidence } from '../../src/retrieval/pipeline/decide.ts';
import { segmentWords } from '../../src/index/analyser.ts';
import { chineseQueryUnits } from '../../src/retrieval/query-units.ts';
import { buildTermStats } from '../../src/retrieval/term-stats.ts';

const base: Evidence = {
  filterSatisfied: true,
  yearOnlyWritten: false,
  coverage: 0.6,
  articleCoverage: 0.7,
  anchorCoverage: 1,
  rival: 0.3,
  missing: 0,
  absentNames: [],
  absentQuoted: [],
  ordinalConflicts: [],
  english: false,
  factAnswered: false,
  roleUnheld: false,
  hasCandidate: true,
  subjectNamed: true,
};

describe('the decision', () => {
  it('answers a well-covered question', () => {
    expect(refusalReason(base)).toBeUndefined();
  });
  it('abstains when a date/year filter matches no report', () => {
    expect(refusalReason({ ...base, filterSatisfied: false })).toBe('filter');
  });
  it('abstains on low coverage, and sooner when a question word is absent from the reports', () => {
    expect(refusalReason({ ...base, coverage: 0.03 })).toBe('low-coverage');
    expect(refusalReason({ ...base, coverage: 0.16 })).toBeUndefined();
    expect(refusalReason({ ...base, coverage: 0.16, missing: 2 })).toBe('missing-words');
  });
  it('is more lenient with English questions and trusts structured facts', () => {
    expect(refusalReason({ ...base, coverage: 0.06, english: true })).toBeUndefined();
    expect(refusalReason({ ...base, coverage: 0.05, factAnswered: true })).toBeUndefined();
  });
  it('refuses a well-covered question when the passage lacks the kind of value asked, unless a fact answers', () => {
    expect(refusalReason({ ...base, coverage: 0.9, answerSlot: false, slot: 'count' })).toBe('slot-empty');
    expect(refusalReason({ ...base, coverage: 0.9, answerSlot: true, slot: 'count' })).toBeUndefined();
    expect(refusalReason({ ...base, answerSlot: false, factAnswered: true })).toBeUndefined();
  });
  it('refuses an off-topic article: little of the question in its best passage, in the whole article and among its rarest words', () => {
    const off = { ...base, coverage: 0.15, articleCoverage: 0.2, anchorCoverage: 0 };
    expect(refusalReason(off)).toBe('low-coverage');
    expect(refusalReason({ ...off, anchorCoverage: 0.5 })).toBeUndefined();
    expect(refusalReason({ ...off, articleCoverage: 0.4 })).toBeUndefined();
    expect(refusalReason({ ...off, english: true })).toBeUndefined();
  });
  it('refuses an English question in a crowded field by its own, lower bar', () => {
    const english = { ...base, english: true, coverage: 0.25, rival: 0.9 };
    expect(refusalReason(english)).toBe('low-coverage');
    expect(refusalReason({ ...english, rival: 0.6 })).toBeUndefined();
    expect(refusalReason({ ...english, coverage: 0.33 })).toBeUndefined();
  });
  it('refuses a crowded field: little of the question covered and another story scoring nearly as well', () => {
    const crowded = { ...base, coverage: 0.25, rival: 0.9 };
    expect(refusalReason(crowded)).toBe('low-coverage');
    expect(refusalReason({ ...crowded, rival: 0.5 })).toBeUndefined();
    expect(refusalReason({ ...crowded, coverage: 0.4 })).toBeUndefined();
  });
  it('doubts a crowded answer sooner when the question names nothing of the article (headline, people)', () => {
    const loose = { ...base, coverage: 0.33, rival: 0.9 };
    expect(refusalReason(loose)).toBeUndefined();
    expect(refusalReason({ ...loose, subjectNamed: false })).toBe('low-coverage');
    expect(refusalReason({ ...loose, subjectNamed: false, rival: 0.6 })).toBeUndefined();
    expect(refusalReason({ ...loose, subjectNamed: false, coverage: 0.5 })).toBeUndefined();
  });
  it('measures the rival as the best other story over the answering article, one headline being one story', () => {
    const c = (id: string, headline: string, retrievalScore: number) =>
      ({ retrievalScore, article: { id, headline } }) as unknown as Parameters<typeof rivalOf>[0][number];
    const cands = [c('a', '区政府常务会议', 1), c('b', '区政府常务会议', 0.95), c('c', '防汛工作会议', 0.6)];
    expect(rivalOf(cands, 'a')).toBeCloseTo(0.6);
    expect(rivalOf(cands, 'c')).toBeCloseTo(1 / 0.6);
    expect(rivalOf([c('a', 'x', 1)], 'a')).toBe(0);
    expect(rivalOf(cands, undefined)).toBe(0);
  });
  it('refuses when the answering article never prints a name the question quotes', () => {
    expect(refusalReason({ ...base, coverage: 0.9, absentQuoted: ['真腊风土记'] })).toBe('missing-words');
  });
  it('wants more coverage when the year asked is only written in the report, not its date', () => {
    expect(refusalReason({ ...base, coverage: 0.16, yearOnlyWritten: true })).toBe('filter');
    expect(refusalReason({ ...base, coverage: 0.3, yearOnlyWritten: true })).toBeUndefined();
    expect(refusalReason({ ...base, coverage: 0.16 })).toBeUndefined();
  });
  it('abstains when the answering report names its people but gives nobody the role asked', () => {
    expect(refusalReason({ ...base, roleUnheld: true })).toBe('role-unheld');
    expect(refusalReason({ ...base, roleUnheld: true, factAnswered: true })).toBeUndefined();
  });
  it('abstains on a decisive absent word however well the rest matches, facts included', () => {
    expect(refusalReason({ ...base, coverage: 0.9, missing: 1, absentNames: ['上海市'] })).toBe('missing-words');
    expect(refusalReason({ ...base, coverage: 0.9, missing: 1, absentNames: ['上海市'], factAnswered: true })).toBe('missing-words');
    expect(refusalReason({ ...base, coverage: 0.9, missing: 1 })).toBeUndefined();
    expect(refusalReason({ ...base, coverage: 0.9, ordinalConflicts: ['第4次'], factAnswered: true })).toBe('ordinal');
  });
});

describe("the article's subject named by the question", () => {
  const stats = buildTermStats(['嘉义市各界举行春节团拜', '市长黄敏惠提出十大旗舰计划', '城市规划与城市设计', '另一篇文章']);
  const query = (q: string) => chineseQueryUnits(q, stats, segmentWords(q));
  const person = (name: string) => ({ name, title: '市长', roles: [] });
  it('by a word of its headline', () => {
    expect(namesSubject(query('城市设计与什么领域相似'), '城市设计与什么领域相似', { headline: '城市设计', people: [] })).toBe(true);
    expect(namesSubject(query('城市设计与什么领域相似'), '城市设计与什么领域相似', { headline: '托尔金', people: [] })).toBe(false);
  });
  it('or by a person the article names, whatever its headline says', () => {
    const q = '黄敏惠提出的中长程计划叫什么';
    const article = { headline: '嘉义市各界举行春节团拜', people: [person('黄敏惠')] };
    expect(namesSubject(query(q), q, article)).toBe(true);
    expect(namesSubject(query(q), q, { ...article, people: [person('黄福隆')] })).toBe(false);
  });
});

describe('missing words', () => {
  it('counts topic words the reports lack, never question words', () => {
    const corpus = '市政府召开常务会议，研究部署防汛工作。';
    expect(missingWords('哪一年召开常务会议', corpus)).toEqual([]);
    expect(missingWords('市长何年出席会议', corpus)).toContain('市长');
  });
  it('never counts a number in Chinese numerals, which reports may print in digits (第44次)', () => {
    const corpus = '区人大常委会第44次会议召开，副区长列席会议。';
    expect(missingWords('第四十四次会议谁列席了', corpus)).toEqual([]);
    expect(missingWords('第四十四次常务会议谁列席了', corpus)).toEqual(['常务会议']);
  });
});

describe('decisive absences', () => {
  const corpus = '高新区第二季度重点项目集中签约，巩义市考察团来访，青海有关部门，林务局。';
  const occurs = (w: string) => corpus.includes(w);
  it('are places the reports never name', () => {
    expect(decisiveAbsences(['上海市', '河南省委'], occurs)).toEqual(['上海市', '河南省委']);
  });
  it('are not generic areas, bodies, counts and ranks, or places the reports do name', () => {
    expect(decisiveAbsences(['青海地区', '林业局', '第五名', '六成', '三席', '巩义县'], occurs)).toEqual([]);
  });
  it('are people of three characters the dictionary knows by name and the reports never name', () => {
    const names = new Set(['王建国', '张天霖', '明崇祯', '卡拉巴', '严肃处理', '许诺']);
    const tagOf = (w: string) => (names.has(w) ? 'nr' : undefined);
    const printed = (w: string) => '崇祯帝自缢'.includes(w) || corpus.includes(w);
    expect(decisiveAbsences(['王建国', '张天霖'], printed, tagOf)).toEqual(['王建国', '张天霖']);
    // 崇祯 is printed; 卡 is no surname; four and two characters do not count; 李某 is no name the dictionary knows.
    expect(decisiveAbsences(['明崇祯', '卡拉巴', '严肃处理', '李某', '许诺'], printed, tagOf)).toEqual([]);
  });
  it('are names the question prints right before a place word (秦安 of 秦安县, 锦霞 of 锦霞社区), not other absent words', () => {
    const none = () => undefined;
    expect(decisiveAbsences(['秦安'], occurs, none, '秦安县委书记是谁')).toEqual(['秦安']);
    expect(decisiveAbsences(['锦霞', '联席'], occurs, none, '锦霞社区党建联席会是哪天开展的')).toEqual(['锦霞']);
    expect(decisiveAbsences(['宿鸭湖'], occurs, none, '宿鸭湖水库竣工验收会议由谁主持')).toEqual(['宿鸭湖']);
    // Not before a place word: an absent topic word, or a paper that never prints its own town's name.
    expect(decisiveAbsences(['江津'], occurs, none, '江津前三季度地区生产总值是多少')).toEqual([]);
  });
  it('take the tags of the segmenter in use', () => {
    expect(decisiveAbsences(['王建国'], () => false)).toEqual(['王建国']);
    expect(decisiveAbsences(['防汛'], () => false)).toEqual([]);
  });
});

describe('absent Latin terms', () => {
  const printed = new Set(['mit', 'app', '5g']);
  const occurs = (t: string) => printed.has(t);
  const translates = (t: string) => t === 'gdp';
  it('are the letters of a product, programme or name that no report prints', () => {
    expect(absentLatinTerms('mit opencourseware指什么', occurs, translates)).toEqual(['opencourseware']);
    expect(absentLatinTerms('power6什么时候推出的', occurs, translates)).toEqual(['power6']);
    expect(absentLatinTerms('羅馬尼亞的tr-85型坦克', occurs, translates)).toEqual(['tr-85']);
  });
  it('are not terms the reports print, units of measure, single letters or words the lexicon translates', () => {
    expect(absentLatinTerms('政务app上线了哪些功能', occurs, translates)).toEqual([]);
    expect(absentLatinTerms('这条公路全长多少km', occurs, translates)).toEqual([]);
    expect(absentLatinTerms('a区和b区哪个大', occurs, translates)).toEqual([]);
    expect(absentLatinTerms('前三季度gdp增长多少', occurs, translates)).toEqual([]);
  });
  it('start with a letter: a number and its unit (10kv, 5g) is not a term', () => {
    expect(absentLatinTerms('10kv线路改造了多少公里', occurs, translates)).toEqual([]);
  });
  it('take every unit row as not counted', async () => {
    const { MEASURE_UNIT_ROWS } = await import('../../src/text/vocabulary/measure-units.ts');
    for (const row of MEASURE_UNIT_ROWS) expect(absentLatinTerms(row.example.toLowerCase(), occurs, translates)).toEqual([]);
  });
});

describe('unreported meetings', () => {
  it('are meetings a question names by a word no report prints', () => {
    expect(unreportedMeeting('防汛会议是谁主持的', ['防汛'])).toBe('防汛会议');
    expect(unreportedMeeting('在预热工作会议上谁讲了话', ['预热'])).toBe('预热工作会议');
    expect(unreportedMeeting('谁出席了防汛大会', ['防汛'])).toBe('防汛大会');
  });
  it('are not meetings pointed at, nor missing words that name no meeting', () => {
    expect(unreportedMeeting('这次会议是谁主持的', ['这次'])).toBeUndefined();
    expect(unreportedMeeting('会上谁安排部署了重点工作', ['安排部署'])).toBeUndefined();
    expect(unreportedMeeting('防汛会议是谁主持的', [])).toBeUndefined();
  });
  it('refuse the question whatever fact would answer it', () => {
    expect(refusalReason({ ...base, factAnswered: true, absentMeeting: '防汛会议' })).toBe('missing-words');
  });
});

describe('absent dotted names', () => {
  const corpus = '詹姆斯•史都华出席首映。克里斯蒂娜·罗默任主席。';
  const occurs = (w: string) => corpus.includes(w);
  it('are transliterated names whose dot the reports never print between the same characters', () => {
    expect(absentDottedNames('海梅·雷耶斯是哪家公司的人物', occurs)).toEqual(['梅·雷']);
    expect(absentDottedNames('小艾伯特·阿诺·艾尔·高尔是谁', occurs)).toEqual(['特·阿', '诺·艾', '尔·高']);
  });
  it('are not names the reports print, with the same or another dot', () => {
    expect(absentDottedNames('克里斯蒂娜·罗默是哪个单位的主席', occurs)).toEqual([]);
    expect(absentDottedNames('詹姆斯·史都华哪年出席首映', occurs)).toEqual([]);
    expect(absentDottedNames('会议·纪要', (w) => w === '议•纪')).toEqual([]);
  });
});

describe('conflicting ordinals', () => {
  const article = '北屯区公所10月5日召开110年第3次区务会议。高新区举行2021年第二季度重点项目集中签约仪式。';
  it('are sessions and periods the answering article prints only with another number', () => {
    expect(conflictingOrdinals('北屯区第4次区务会议是哪天召开的', article)).toEqual(['第4次']);
    expect(conflictingOrdinals('第三季度签约了多少个项目', article)).toEqual(['第三季度']);
  });
  it('are not the same ordinal in other numerals, occurrences, ranks, or ordinals the article never numbers', () => {
    expect(conflictingOrdinals('第三次区务会议在哪天召开', article)).toEqual([]);
    expect(conflictingOrdinals('第二季度签约了多少个项目', article)).toEqual([]);
    expect(conflictingOrdinals('北屯区第三次区务会议', '召开第三次区务会议。')).toEqual([]);
    expect(conflictingOrdinals('欧洲人第一次来到这里是何时', '第二次来到这里。')).toEqual([]);
    expect(conflictingOrdinals('他获得第五名', '获得第三名。')).toEqual([]);
    expect(conflictingOrdinals('第二届运动会', article)).toEqual([]);
  });
});
