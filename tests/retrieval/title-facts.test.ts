import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/text/sentences.ts';
import type { Article } from '../../src/corpus/types.ts';
import { answerTitle } from '../../src/retrieval/structured-answers.ts';
import { articlePassages } from '../../src/retrieval/passages.ts';
import { analyseQuestion } from '../../src/retrieval/question/intent.ts';
import { testArticle } from '../support/article.ts';

function article(
  id: string,
  body: string,
  people: Article['people'],
): { article: Article; passages: ReturnType<typeof articlePassages>; retrievalScore: number } {
  const a = testArticle({ id, headline: '会议', body, people });
  return { article: a, passages: articlePassages(body, splitSentences(body), (t) => t), retrievalScore: 1 };
}

const meeting = article(
  'm',
  '北岭镇召开民生项目推进会。镇党委书记孙立平主持会议。会上，镇规划办主任柯文静汇报了项目进展。柯文静表示要加快进度。',
  [
    { name: '孙立平', title: '镇党委书记', roles: ['chaired'] },
    { name: '柯文静', title: '镇规划办主任', roles: ['spoke'] },
  ],
);
const taiwan = article('t', '縣議長羅志成與多位議員出席團拜。', [{ name: '羅志成', title: '縣議長', roles: ['attended'] }]);

describe('title questions', () => {
  it('are recognised in Chinese (either script) and English', () => {
    for (const q of ['柯文静是什么职务?', '孙立平是以什么身份出席的?', '柯文静在镇里是什么职位?', '柯文静任何职?'])
      expect(analyseQuestion(q).answerType).toBe('title');
    expect(analyseQuestion("what is ke wenjing's position?").answerType).toBe('title');
    expect(analyseQuestion('in what capacity did ke wenjing attend?').answerType).toBe('title');
    expect(analyseQuestion('谁是镇党委书记?').answerType).toBe('person');
    expect(analyseQuestion('what is the role of the committee?').answerType).toBe('span');
  });
  it('are answered from the title extracted for the person the question names, citing the sentence that prints both', () => {
    const f = answerTitle('柯文静是什么职务?', [meeting]);
    expect(f?.text).toBe('柯文静：镇规划办主任');
    expect(f?.passage.text).toContain('镇规划办主任柯文静');
    expect(f?.highlight).toEqual(['镇规划办主任柯文静']);
  });
  it('match a traditional report to a simplified question', () => {
    expect(answerTitle('罗志成是什么职位?', [meeting, taiwan])?.text).toBe('羅志成：縣議長');
  });
  it('give nothing when no candidate names the person with a title', () => {
    expect(answerTitle('陈海是什么职务?', [meeting])).toBeUndefined();
  });
});
