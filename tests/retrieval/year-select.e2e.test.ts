/** A year the question names picks the article that places it, and none placing it is a refusal. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportsEngine } from '../../src/retrieval/engine.ts';
import { engineOverDocs } from '../support/docs-engine.ts';

let engine: ReportsEngine;
let cleanup: () => void;

beforeAll(async () => {
  // Undated articles (an archive without dates): the year is only in their text.
  const docs = [
    {
      id: 'library',
      title: '青松镇图书馆',
      text: '青松镇图书馆由镇文化站主办，馆长王明。图书馆藏书八万册，设少儿阅览室和电子阅览室，每周开放六天。',
    },
    {
      id: 'history',
      title: '老街旧事',
      text: '老街曾有戏台、茶馆和布店。1985年，镇上的图书馆在老街落成，首任馆长为李华。',
    },
    { id: 'river', title: '青松河治理', text: '青松河全长十二公里，流经五个村。2019年起实施河长制，镇长赵刚任河长。' },
  ];
  ({ engine, cleanup } = await engineOverDocs(docs, { explain: true }));
});
afterAll(() => cleanup());

describe('years in selection', () => {
  it('answers from the article printing the year asked, not the closer match without it', async () => {
    const a = await engine.ask('1985年青松镇图书馆馆长是谁？');
    expect(a.abstained).toBe(false);
    expect(a.citations[0]?.articleId).toBe('history');
    expect(a.answer).toContain('李华');
  });
  it('refuses a year no candidate article places', async () => {
    const a = await engine.ask('1962年青松镇图书馆馆长是谁？');
    expect(a.abstained).toBe(true);
    expect((a.explain?.evidence as { unplacedTime?: string } | undefined)?.unplacedTime).toBe('1962年');
  });
});
