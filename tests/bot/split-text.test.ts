import { describe, expect, it } from 'vitest';
import { splitText, truncate } from '../../src/bot/split-text.ts';

describe('splitText', () => {
  it('keeps short text whole', () => {
    expect(splitText('一句话。', 100)).toEqual(['一句话。']);
  });

  it('cuts after sentence ends, within the limit', () => {
    const text = '第一句话说完了。'.repeat(30); // 240 chars
    const pieces = splitText(text, 100);
    expect(pieces.length).toBe(3);
    for (const p of pieces) {
      expect(p.length).toBeLessThanOrEqual(100);
      expect(p.endsWith('。')).toBe(true);
    }
    expect(pieces.join('')).toBe(text);
  });

  it('never splits a surrogate pair', () => {
    const text = '😀'.repeat(100); // 200 UTF-16 units, no boundaries
    const pieces = splitText(text, 51);
    for (const p of pieces) {
      expect(p.length).toBeLessThanOrEqual(51);
      expect(p).toBe([...p].join(''));
      expect(/^(?:[\uD800-\uDBFF][\uDC00-\uDFFF])+$/.test(p)).toBe(true);
    }
    expect(pieces.join('')).toBe(text);
  });

  it('closes and reopens bold spans cut in two', () => {
    const text = '**' + '很长的加粗文字没有句号'.repeat(20) + '**';
    const pieces = splitText(text, 60);
    for (const p of pieces) {
      expect(p.length).toBeLessThanOrEqual(60);
      expect((p.match(/\*\*/g) ?? []).length % 2).toBe(0);
    }
  });
});

describe('truncate', () => {
  it('shortens with an ellipsis at a boundary', () => {
    const t = truncate('第一句。第二句很长很长很长。', 10);
    expect(t.length).toBeLessThanOrEqual(10);
    expect(t).toBe('第一句。…');
  });
  it('leaves short text alone', () => {
    expect(truncate('短', 10)).toBe('短');
  });
});
