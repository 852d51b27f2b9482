import { describe, expect, it } from 'vitest';
import { parseJsonl } from '../../src/corpus/jsonl.ts';

const line = (o: unknown) => JSON.stringify(o);

describe('parseJsonl', () => {
  it('keeps good lines, reports bad ones and duplicate ids', () => {
    const text = [
      line({ id: 'a', title: '标题', text: '第一　篇 2021 年的\u0065\u0301文字。\n\n\n第二段。', date: '2021-01-12' }),
      '{"id": "b", "text": ',
      line({ id: 'a', title: '重复', text: '另一篇' }),
      line({ title: '无id', text: 'x' }),
      '',
      line({ id: 7, text: '数字id', source: 'archive/2020' }),
      line(['not', 'an', 'object']),
      '{"id": "c", "tex',
    ].join('\n');
    const { articles, problems } = parseJsonl(text, 'bulk.jsonl');
    expect(articles.map((a) => a.id)).toEqual(['a', '7']);
    expect(articles[0]).toMatchObject({ headline: '标题', headlineDerived: false, date: '2021-01-12', source: 'bulk.jsonl' });
    expect(articles[0].body).toBe('第一 篇 2021 年的\u00e9文字。\n第二段。');
    expect(articles[1]).toMatchObject({ headline: '数字id', headlineDerived: true, source: 'archive/2020' });
    expect(articles[1].date).toBeUndefined();
    expect(problems.map((p) => p.line)).toEqual([2, 3, 4, 7, 8]);
    expect(problems[1].reason).toMatch(/duplicate id a/);
    expect(problems[2].reason).toMatch(/id/);
    expect(problems[4].reason).toMatch(/truncated/);
  });

  it('extracts the meeting and the people as a text report does, the date only from the record', () => {
    const text = '6月1日，青龙镇召开防汛抗旱工作会议。镇党委书记李明远主持会议并讲话。会议要求各村做好汛期值守。';
    const { articles } = parseJsonl([line({ id: 'q1', text }), line({ id: 'q2', text, date: '2021-06-01' })].join('\n'), 'bulk.jsonl');
    expect(articles[0].meeting).toBe('防汛抗旱工作会议');
    expect(articles[0].people).toEqual([
      expect.objectContaining({ name: '李明远', title: '镇党委书记', roles: expect.arrayContaining(['chaired']) }),
    ]);
    // An archive record's 6月1日 may be any year's: no guessed date for a record without one.
    expect(articles[0].date).toBeUndefined();
    expect(articles[1]).toMatchObject({ date: '2021-06-01', dateInferred: false });
    expect(articles[0].headline).toBe('青龙镇召开防汛抗旱工作会议');
  });

  it('reports duplicates across archives through the shared id set', () => {
    const seen = new Set<string>();
    parseJsonl(line({ id: 'x', text: '甲' }), 'one.jsonl', seen);
    const second = parseJsonl(line({ id: 'x', text: '乙' }), 'two.jsonl', seen);
    expect(second.articles).toHaveLength(0);
    expect(second.problems[0].reason).toMatch(/duplicate/);
  });

  it('ignores an unreadable date', () => {
    const { articles } = parseJsonl(line({ id: 'd', text: '文', date: 'yesterday' }), 'x.jsonl');
    expect(articles[0].date).toBeUndefined();
  });
});
