import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/corpus/types.ts';
import { answerFromFacts } from '../../src/retrieval/facts.ts';
import { articlePassages } from '../../src/retrieval/passages.ts';
import { chineseQueryUnits } from '../../src/retrieval/query-units.ts';
import { buildTermStats, textUnits } from '../../src/retrieval/term-stats.ts';
import { splitSentences } from '../../src/corpus/sentences.ts';

const body = '高新区召开信访工作会议。高新区党工委书记王新亭出席会议并讲话，党工委副书记、管委会主任张红军主持会议。';
const article: Article = {
  id: 'a', source: 'x', headline: '信访工作会议', subtitle: '', headlineDerived: false, dateInferred: false,
  reporters: [], photographers: [], body,
  people: [
    { name: '王新亭', title: '高新区党工委书记', roles: ['attended', 'spoke'] },
    { name: '张红军', title: '党工委副书记、管委会主任', roles: ['chaired'] },
  ],
};
const passages = articlePassages(body, splitSentences(body), (t) => t);
const stats = buildTermStats([body, '其他报道的内容。']);

describe('facts', () => {
  it('answers who chaired from the people roles, citing the sentence that says so', () => {
    const q = '谁主持了信访工作会议？';
    const f = answerFromFacts('chaired', chineseQueryUnits(q, stats), [{ article, passages, prior: 1 }], textUnits);
    expect(f?.names).toEqual(['张红军']);
    expect(f?.passage.text).toContain('主持');
  });
  it('answers who holds a title', () => {
    const q = '管委会主任是谁？';
    const f = answerFromFacts(undefined, chineseQueryUnits(q, stats), [{ article, passages, prior: 1 }], textUnits);
    expect(f?.names[0]).toBe('张红军');
    expect(f?.text).toContain('管委会主任');
  });
  it('gives nothing when no person fits', () => {
    const q = '谁发明了电话？';
    expect(answerFromFacts(undefined, chineseQueryUnits(q, stats), [{ article, passages, prior: 1 }], textUnits)).toBeUndefined();
  });
  it('answers who reported from the byline, citing the lead when the body never names the reporter', () => {
    const signed: Article = { ...article, reporters: ['孙庆辉'], people: [...article.people, { name: '孙庆辉', title: '记者', roles: ['reported'] }] };
    const f = answerFromFacts('reported', chineseQueryUnits('这篇报道的记者是谁？', stats), [{ article: signed, passages, prior: 1 }], textUnits);
    expect(f?.names).toEqual(['孙庆辉']);
    expect(f?.passage.index).toBe(0);
  });
});
