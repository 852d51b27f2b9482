import { describe, expect, it } from 'vitest';
import { understand } from '../../src/retrieval/question/index.ts';
import { lexiconFromEntries } from '../../src/retrieval/question/lexicon.ts';
import { QuestionError } from '../../src/retrieval/types.ts';

describe('understand', () => {
  it('runs a traditional question through to simplified text and intent', () => {
    const q = understand('<@123456789012345678> 高新區管委會主任是誰？');
    expect(q).toMatchObject({ original: '高新區管委會主任是誰？', text: '高新区管委会主任是谁?', script: 'zh-Hant', kept: [] });
    expect(q.intent).toMatchObject({ answerType: 'person' });
  });

  it('translates English questions into searchable Chinese', () => {
    const lex = lexiconFromEntries({ chair: '主持 主席', meeting: '会议 会' });
    const q = understand('Who chaired the meeting in 2021?', lex);
    expect(q.script).toBe('en');
    expect(q.text).toBe('主持 会议 主席 会 2021');
    expect(q.intent).toMatchObject({ role: 'chaired', filters: { year: 2021 } });
  });

  it('keeps the Chinese words of a mixed question', () => {
    const q = understand('What did 张三 say about the meeting?', lexiconFromEntries({ meeting: '会议' }));
    expect(q.script).toBe('mixed');
    expect(q.text.split(' ')).toEqual(expect.arrayContaining(['张三', '会议']));
  });

  it('throws QuestionError for questions that cannot be asked', () => {
    expect(() => understand('   ')).toThrow(QuestionError);
    expect(() => understand('🎉🎉')).toThrow(QuestionError);
  });
});
