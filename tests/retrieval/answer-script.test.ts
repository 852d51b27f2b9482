import { describe, expect, it } from 'vitest';
import { ABSTAIN_TEXT_EN, inScriptOf } from '../../src/retrieval/answer-script.ts';
import { NONE_TEXT as ABSTAIN_TEXT, type Answer, type Citation } from '../../src/retrieval/types.ts';

const cite = (excerpt: string, headline: string, highlights: Array<[number, number]> = []): Citation => ({
  n: 1,
  articleId: 'a',
  chunkId: 'a#0',
  headline,
  excerpt,
  highlights,
  score: 1,
});
const answer = (text: string, citations: Citation[], abstained = false): Answer => ({
  question: 'q',
  answer: text,
  abstained,
  outcome: abstained ? 'none' : 'answer',
  citations,
  related: [],
  timings_ms: {},
});

describe('inScriptOf', () => {
  it('gives a traditional question its answer and excerpts in traditional, highlights still in place', () => {
    const excerpt = '北岭区第12次常务会议在区会议中心召开，区长陈海主持会议。';
    const at = excerpt.indexOf('陈海');
    const out = inScriptOf(answer('陈海（区长）', [cite(excerpt, '北岭区召开常务会议', [[at, at + 2]])]), 'zh-Hant');
    expect(out.answer).toBe('陳海（區長）');
    expect(out.citations[0].headline).toBe('北嶺區召開常務會議');
    expect(out.citations[0].excerpt).toBe('北嶺區第12次常務會議在區會議中心召開，區長陳海主持會議。');
    const [s, e] = out.citations[0].highlights[0];
    expect(out.citations[0].excerpt.slice(s, e)).toBe('陳海');
  });
  it('quotes a traditional report to a traditional question as printed (里長 stays, not 裡長)', () => {
    const excerpt = '請里長及里幹事協助宣導，市長黃敏惠主持會議。';
    const out = inScriptOf(answer('黃敏惠（市長）', [cite(excerpt, '嘉義市政府市務會議紀錄')]), 'zh-Hant');
    expect(out.citations[0].excerpt).toBe(excerpt);
    expect(out.answer).toBe('黃敏惠（市長）');
  });
  it('gives a simplified question about a traditional report simplified text', () => {
    const out = inScriptOf(answer('羅志成', [cite('縣議長羅志成出席團拜。', '新春團拜')]), 'zh-Hans');
    expect(out.answer).toBe('罗志成');
    expect(out.citations[0].excerpt).toBe('县议长罗志成出席团拜。');
  });
  it('keeps an excerpt whose conversion would change its length, and leaves the input untouched', () => {
    const input = answer('x', [cite('abc', 'h')]);
    const out = inScriptOf(input, 'zh-Hant');
    expect(out.citations[0].excerpt).toBe('abc');
    expect(input.answer).toBe('x');
  });
  it('keeps Chinese excerpts for English questions, with the abstention in English', () => {
    const a = answer('陈海（区长）', [cite('区长陈海主持会议。', '会议')]);
    expect(inScriptOf(a, 'en')).toBe(a);
    expect(inScriptOf(answer(ABSTAIN_TEXT, [], true), 'en').answer).toBe(ABSTAIN_TEXT_EN);
    expect(inScriptOf(answer(ABSTAIN_TEXT, [], true), 'mixed').answer).toBe(ABSTAIN_TEXT_EN);
    expect(inScriptOf(answer(ABSTAIN_TEXT, [], true), 'zh-Hant').answer).toBe("報道中沒有找到這個問題的答案。/ The reports don't say.");
  });
});
