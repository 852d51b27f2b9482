import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/corpus/types.ts';
import { answerFromPeople, eventsOnDate, eventsText, holdsAskedOffices } from '../../src/retrieval/structured-answers.ts';
import { articlePassages } from '../../src/retrieval/passages.ts';
import { chineseQueryUnits } from '../../src/retrieval/query-units.ts';
import { buildTermStats } from '../../src/retrieval/term-stats.ts';
import { textUnits } from '../../src/text/units.ts';
import { splitSentences } from '../../src/text/sentences.ts';
import { testArticle } from '../support/article.ts';

const body = '高新区召开信访工作会议。高新区党工委书记王新亭出席会议并讲话，党工委副书记、管委会主任张红军主持会议。';
const article: Article = testArticle({
  headline: '信访工作会议',
  body,
  people: [
    { name: '王新亭', title: '高新区党工委书记', roles: ['attended', 'spoke'] },
    { name: '张红军', title: '党工委副书记、管委会主任', roles: ['chaired'] },
  ],
});
const passages = articlePassages(body, splitSentences(body), (t) => t);
const stats = buildTermStats([body, '其他报道的内容。']);

describe('facts', () => {
  it('answers who chaired from the people roles, citing the sentence that says so', () => {
    const q = '谁主持了信访工作会议？';
    const f = answerFromPeople('chaired', chineseQueryUnits(q, stats), [{ article, passages, retrievalScore: 1 }], textUnits);
    expect(f?.names).toEqual(['张红军']);
    expect(f?.passage.text).toContain('主持');
  });
  it('answers who holds a title', () => {
    const q = '管委会主任是谁？';
    const f = answerFromPeople(undefined, chineseQueryUnits(q, stats), [{ article, passages, retrievalScore: 1 }], textUnits);
    expect(f?.names[0]).toBe('张红军');
    expect(f?.text).toContain('管委会主任');
  });
  it('answers a title with its holder, not with the deputy, unless the deputy is asked', () => {
    const deputyBody = '长乐西路街道召开安全生产会议。长乐西路街道党工委副书记、办事处主任李明主持会议。';
    const deputyOnly = testArticle({
      headline: '安全生产会议',
      body: deputyBody,
      people: [{ name: '李明', title: '长乐西路街道党工委副书记、办事处主任', roles: ['chaired'] }],
    });
    const ranked = [
      { article: deputyOnly, passages: articlePassages(deputyBody, splitSentences(deputyBody), (t) => t), retrievalScore: 1 },
    ];
    const deputyStats = buildTermStats([deputyBody, '其他报道的内容。']);
    const ask = (q: string, filter = true) =>
      answerFromPeople(undefined, chineseQueryUnits(q, deputyStats), ranked, textUnits, filter ? q : '');
    // Without the question's offices checked, the deputy answered for the office itself.
    expect(ask('长乐西路街道党工委书记是谁？', false)?.names).toEqual(['李明']);
    expect(ask('长乐西路街道党工委书记是谁？')).toBeUndefined();
    expect(ask('长乐西路街道党工委副书记是谁？')?.names).toEqual(['李明']);
    expect(holdsAskedOffices('党工委副书记、管委会主任', '党工委书记是谁')).toBe(false);
    expect(holdsAskedOffices('党工委副书记、管委会主任', '管委会主任是谁')).toBe(true);
    expect(holdsAskedOffices('行政会委员', '行政会副主任是谁')).toBe(false);
  });
  it('lists everyone with the asked role up to eight, and marks a cut list with 等', () => {
    const names = ['周一', '吴二', '郑三', '王四', '冯五', '陈六', '褚七', '卫八', '蒋九'];
    const listBody = `${names.join('、')}出席会议。`;
    const crowded = testArticle({
      headline: '信访工作会议',
      body: listBody,
      people: names.map((name) => ({ name, title: '', roles: ['attended' as const] })),
    });
    const q = '哪些人出席了信访工作会议？';
    const f = answerFromPeople(
      'attended',
      chineseQueryUnits(q, stats),
      [{ article: crowded, passages: articlePassages(listBody, splitSentences(listBody), (t) => t), retrievalScore: 1 }],
      textUnits,
    );
    expect(f?.names).toEqual(names.slice(0, 8));
    expect(f?.text).toBe(`${names.slice(0, 8).join('、')}等`);
  });
  it('cites a minutes header that prints the name around its title (洪议长允典)', () => {
    const minutes = '某县议会第一次会议纪录\n主席：洪议长允典\n记录：陈丽珠\n一、宣读上次会议纪录。';
    const chaired = testArticle({
      headline: '某县议会第一次会议纪录',
      body: minutes,
      people: [{ name: '洪允典', title: '议长', roles: ['chaired'] }],
    });
    const q = '某县议会第一次会议由谁主持？';
    const f = answerFromPeople(
      'chaired',
      chineseQueryUnits(q, buildTermStats([minutes, '其他报道的内容。'])),
      [{ article: chaired, passages: articlePassages(minutes, splitSentences(minutes), (t) => t), retrievalScore: 1 }],
      textUnits,
    );
    expect(f?.names).toEqual(['洪允典']);
    expect(f?.passage.text).toContain('洪议长允典');
  });
  it('gives nothing when no person fits', () => {
    const q = '谁发明了电话？';
    expect(answerFromPeople(undefined, chineseQueryUnits(q, stats), [{ article, passages, retrievalScore: 1 }], textUnits)).toBeUndefined();
  });
  it('answers who reported from the byline, citing the lead when the body never names the reporter', () => {
    const signed: Article = {
      ...article,
      reporters: ['孙庆辉'],
      people: [...article.people, { name: '孙庆辉', title: '记者', roles: ['reported'] }],
    };
    const f = answerFromPeople(
      'reported',
      chineseQueryUnits('这篇报道的记者是谁？', stats),
      [{ article: signed, passages, retrievalScore: 1 }],
      textUnits,
    );
    expect(f?.names).toEqual(['孙庆辉']);
    expect(f?.passage.index).toBe(0);
  });
  it('lists the events of the day a question names, only when it asks for them', () => {
    const day = (id: string, date: string, meeting?: string): Article => ({ ...article, id, date, ...(meeting ? { meeting } : {}) });
    const all = [day('a', '2021-01-12', '信访工作会议'), day('b', '2021-01-12'), day('c', '2021-03-05', '经济运行分析会')];
    expect(eventsOnDate('1月12日召开了哪些会议', { monthDay: '01-12' }, all).map((a) => a.id)).toEqual(['a', 'b']);
    expect(eventsOnDate('1月12日召开了哪些会议', { monthDay: '01-12', year: 2022 }, all)).toEqual([]);
    expect(eventsOnDate('1月12日谁主持了会议', { monthDay: '01-12' }, all)).toEqual([]);
    expect(eventsText(all.slice(0, 2))).toBe('2021-01-12：信访工作会议；信访工作会议');
    expect(eventsText(Array(20).fill(all[0])).length).toBeLessThanOrEqual(120);
  });
});
