import { describe, expect, it } from 'vitest';
import { normaliseQuestion } from '../../src/retrieval/question/normalise.ts';

describe('normaliseQuestion', () => {
  it('converts traditional to simplified and reports zh-Hant', () => {
    expect(normaliseQuestion('高新區管委會主任是誰？')).toEqual({ text: '高新区管委会主任是谁?', script: 'zh-Hant' });
  });

  it('leaves simplified text alone and reports zh-Hans', () => {
    expect(normaliseQuestion('高新区管委会主任是谁？')).toEqual({ text: '高新区管委会主任是谁?', script: 'zh-Hans' });
    // The converter rewrites 著 even in simplified text; that alone is no sign of traditional input.
    expect(normaliseQuestion('著名企业有哪些？').script).toBe('zh-Hans');
  });

  it('turns full-width digits and letters half-width, lower-case', () => {
    expect(normaliseQuestion('２０２１年１月１２日ＡＢＣ会议').text).toBe('2021年1月12日abc会议');
  });

  it('removes OCR spaces between CJK characters but not between words', () => {
    expect(normaliseQuestion('什 么 时 候 召 开 ？').text).toBe('什么时候召开?');
    expect(normaliseQuestion('who chaired  the 安委 会？').text).toBe('who chaired the 安委会?');
  });

  it('unifies punctuation', () => {
    expect(normaliseQuestion('“安委会”、【通知】：哪些？！').text).toBe('"安委会",(通知):哪些?!');
  });

  it('detects English and mixed questions', () => {
    expect(normaliseQuestion('Who chaired the meeting?').script).toBe('en');
    expect(normaliseQuestion('What did 张三 say about the zone?').script).toBe('mixed');
    expect(normaliseQuestion('GDP增长多少').script).toBe('zh-Hans');
  });
});
