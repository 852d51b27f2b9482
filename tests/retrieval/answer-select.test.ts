import { describe, expect, it } from 'vitest';
import { cueMatches, cueScore, refineAnswerType } from '../../src/retrieval/answer-cues.ts';
import { DEFAULT_WEIGHTS, scorePassages, shortAnswer, MAX_ANSWER } from '../../src/retrieval/answer-select.ts';
import { articlePassages, cutLong } from '../../src/retrieval/passages.ts';
import { chineseQueryUnits } from '../../src/retrieval/query-units.ts';
import { buildTermStats } from '../../src/retrieval/term-stats.ts';
import { textUnits } from '../../src/text/units.ts';
import { splitSentences } from '../../src/text/sentences.ts';

const id = (t: string) => t;

function setup(body: string, others: string[] = []) {
  const passages = articlePassages(body, splitSentences(body), id);
  const stats = buildTermStats([body, ...others]);
  return { passages, stats };
}

describe('answer cues', () => {
  it('reads 何年 as asking for a year and leaves typed questions alone', () => {
    expect(refineAnswerType('span', '该公司于何年成立')).toBe('year');
    expect(refineAnswerType('span', '该公司由谁成立')).toBe('span');
    expect(refineAnswerType('person', '何年何人成立')).toBe('person');
  });

  it('finds a year the question does not already contain', () => {
    expect(cueScore('year', '该馆于1925年建成。', '该馆哪一年建成？')).toBe(1);
    expect(cueScore('year', '该馆建成。', '该馆哪一年建成？')).toBe(0);
    expect(cueMatches('year', '2020年和2021年', '2020年的工作')).toEqual(['2021年']);
  });
  it('finds a number with a unit, and known people for who-questions', () => {
    expect(cueScore('number', '体长可达80公分', '体长多少？')).toBe(1);
    expect(cueMatches('person', '王新亭主持会议', '谁主持了会议？', ['王新亭', '张红军'])).toContain('王新亭');
  });
});

describe('passage scoring', () => {
  const body = '蓝线裸顶鲷为鲈形目的一种鱼。本鱼分布于印度太平洋区。蓝线裸顶鲷体呈银灰色，体长可达80公分。蓝线裸顶鲷以甲壳类为食。';
  it('prefers the passage that answers over the one that only names the subject', () => {
    const { passages, stats } = setup(body, ['其他文章讲别的鱼类。', '甲壳类动物。']);
    const q = '蓝线裸顶鲷的体长是多少公分？';
    const scored = scorePassages(chineseQueryUnits(q, stats), q, 'number', [{ articleId: 'x', passages, retrievalScore: 1, people: [] }]);
    expect(scored[0].passage.text).toContain('80公分');
  });
  it('uses the article retrieval score to choose between articles', () => {
    const a = setup('张三在北京工作。');
    const b = setup('张三在上海工作。');
    const stats = buildTermStats(['张三在北京工作。', '张三在上海工作。']);
    const q = '张三在哪里工作？';
    const scored = scorePassages(chineseQueryUnits(q, stats), q, 'place', [
      { articleId: 'a', passages: a.passages, retrievalScore: 0.2, people: [] },
      { articleId: 'b', passages: b.passages, retrievalScore: 1, people: [] },
    ]);
    expect(scored[0].articleId).toBe('b');
  });
  it('lets the lead settle a near-tie: the first sentence states what the subject belongs to', () => {
    const body = '夏河县是甘肃省下辖的一个县。东汉时夏河县改隶陇西郡，县名仍旧。';
    const { passages } = setup(body);
    const stats = buildTermStats([body, '甘肃省的另一篇文章。', '陇西郡的历史。']);
    const q = '夏河县隶属于哪一个省？';
    const rank = (lead: number) =>
      scorePassages(chineseQueryUnits(q, stats), q, 'span', [{ articleId: 'a', passages, retrievalScore: 1, people: [] }], {
        ...DEFAULT_WEIGHTS,
        lead,
      });
    // Without the lead bonus the later sentence wins on a chance match (隶 in 改隶).
    expect(rank(0)[0].passage.index).toBe(1);
    const withLead = rank(DEFAULT_WEIGHTS.lead);
    expect(withLead[0].passage.text).toContain('甘肃省');
    expect(withLead[0].score - withLead[1].score).toBeCloseTo(DEFAULT_WEIGHTS.lead - (rank(0)[0].score - rank(0)[1].score), 6);
  });
});

describe('short answer', () => {
  it('keeps a short sentence whole', () => {
    const { passages, stats } = setup('一要责任到人抓落实，关键是定人定责。');
    const q = '责任到人抓落实的关键是什么？';
    const a = shortAnswer(passages[0], chineseQueryUnits(q, stats), 'span', q, textUnits);
    expect(a.text).toContain('定人定责');
  });
  it('cuts a long sentence to clauses around the match, within the limit', () => {
    const long = '甲'.repeat(60) + '，' + '乙'.repeat(60) + '，关键是定人定责，' + '丙'.repeat(60) + '。';
    const { passages, stats } = setup(long);
    const q = '关键是什么？';
    const p = passages.find((x) => x.text.includes('定人定责'))!;
    const a = shortAnswer(p, chineseQueryUnits(q, stats), 'span', q, textUnits);
    expect(a.text).toContain('定人定责');
    expect(a.text.length).toBeLessThanOrEqual(MAX_ANSWER);
    expect(long.slice(a.start, a.end)).toBe(a.text);
  });
  it('never cuts a surrogate pair when splitting long passages', () => {
    const text = '𠀀'.repeat(100);
    for (const [s, e] of cutLong(text, 0, text.length, 31)) {
      expect(text.slice(s, e)).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
    }
  });
});

describe('enumerations', () => {
  const body =
    '王新亭强调，汛期形势复杂。一是压实防汛责任，关键是落实负责制；二是抓好隐患整改。张红军要求，要加强重点部位的巡查、值守和报告。';
  it('mark each item with the passage that introduces it', () => {
    const passages = articlePassages(body, splitSentences(body), id);
    const item = passages.find((p) => p.text.startsWith('一是'))!;
    const next = passages.find((p) => p.text.startsWith('二是'))!;
    expect(passages[item.introducedBy!].text).toContain('王新亭强调');
    expect(next.introducedBy).toBe(item.introducedBy);
    expect(passages.find((p) => p.text.startsWith('张红军'))!.introducedBy).toBeUndefined();
  });
  it('answer a list question about the speaker who introduced them', () => {
    const { passages, stats } = setup(body, ['其他文章。']);
    const q = '王新亭提出了哪几方面要求？';
    const query = chineseQueryUnits(q, stats);
    const [best] = scorePassages(query, q, 'list', [{ articleId: 'a', passages, retrievalScore: 1, people: ['王新亭', '张红军'] }]);
    expect(best.passage.text).toMatch(/^[一二]是/);
  });
});
