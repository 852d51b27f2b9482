import { describe, expect, it } from 'vitest';
import { normaliseDocument, normaliseUnicode, tightenSpacing } from '../../src/text/normalise.ts';

describe('tightenSpacing', () => {
  it('removes OCR spaces around Chinese and digits but keeps spaces between Latin words', () => {
    expect(tightenSpacing('1月 12日上午 ，第 27次，2021 年度')).toBe('1月12日上午，第27次，2021年度');
    expect(tightenSpacing('使用 New York Times 的 3 个 API  key')).toBe('使用 New York Times 的3个 API key');
    expect(tightenSpacing('动员会, 传达；a, b')).toBe('动员会，传达；a, b');
  });
});

describe('normaliseDocument', () => {
  it('normalises Unicode, odd spaces and blank lines', () => {
    expect(normaliseDocument('\u3000第一段\u00a0文字\r\n\r\n\t第二段\u200b。 ')).toBe('第一段 文字\n第二段。');
    expect(normaliseDocument('1992 年的  《条约》')).toBe('1992 年的 《条约》');
  });
});

describe('normaliseUnicode', () => {
  it('drops the pinyin glosses some converted pages print after characters, and nothing else in brackets', () => {
    expect(normaliseUnicode('全縣統(tǒng)籌抓好重點項(xiàng)目建設(shè)')).toBe('全縣統籌抓好重點項目建設');
    expect(normaliseUnicode('本報訊(記者 費玉瓊)1月14日,區(qū)四屆人大常委會第19次會議(第2場)召開')).toBe(
      '本報訊(記者 費玉瓊)1月14日,區四屆人大常委會第19次會議(第2場)召開',
    );
    // A reading without a tone mark, or after no character, may be text.
    expect(normaliseUnicode('拼音(pinyin) 與 (tǒng)')).toBe('拼音(pinyin) 與 (tǒng)');
  });
});
