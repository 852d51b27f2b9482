import { describe, expect, it } from 'vitest';
import { understand } from '../../src/retrieval/question/index.ts';
import { lexiconFromEntries } from '../../src/retrieval/question/lexicon.ts';
import { ENGLISH_RESCORE, ENGLISH_TIE, lexicalQuery } from '../../src/retrieval/lexical-query.ts';

describe('lexicalQuery', () => {
  it('searches a Chinese question by its search text, every term on its own', () => {
    const q = understand('谁主持了会议？');
    expect(lexicalQuery(q, '主持 会议')).toBe('主持 会议');
  });

  it('makes each English word one concept of its candidates; numbers and names count on their own', () => {
    const lex = lexiconFromEntries({ chair: '主持 主席', meeting: '会议 会' });
    const q = understand('Who chaired the meeting in 2021?', lex);
    expect(lexicalQuery(q, q.text)).toEqual({
      text: '2021',
      groups: [
        ['主持', '主席'],
        ['会议', '会'],
      ],
      tie: ENGLISH_TIE,
      rescore: ENGLISH_RESCORE,
    });
  });

  it('keeps a candidate two groups share in the first, and a mixed question’s Chinese words as text', () => {
    const lex = lexiconFromEntries({ 'party committee': '党委', committee: '委员会 党委' });
    const q = understand('What did 张三 say at the party committee?', lex);
    const query = lexicalQuery(q, q.text);
    expect(query).toMatchObject({ text: '张三', groups: [['党委'], ['委员会']] });
  });
});
