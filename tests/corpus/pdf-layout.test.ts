import { describe, expect, it } from 'vitest';
import { layoutPage, type TextPiece } from '../../src/corpus/pdf-layout.ts';

const piece = (text: string, x: number, y: number, size = 10): TextPiece => ({ text, x, y, size, width: text.length * size });

describe('reading order of a laid-out page', () => {
  it('reads columns left to right whatever order they were drawn in, each headline over its own article', () => {
    const drawn = [
      piece('丙文第一行', 300, 200),
      piece('丙文第二行。', 300, 214),
      piece('甲文第一行', 40, 200),
      piece('甲文第二行。', 40, 214),
      piece('乙文第一行', 170, 200),
      piece('乙文第二行。', 170, 214),
      piece('丙题', 300, 170, 16),
      piece('乙题', 170, 170, 16),
      piece('甲题', 40, 170, 16),
      piece('高新区报 2021年3月5日 星期五 第2版', 40, 60),
    ];
    const page = layoutPage(drawn);
    expect(page.header).toBe('高新区报 2021年3月5日 星期五 第2版');
    expect(page.headlines).toEqual(['甲题', '乙题', '丙题']);
    const order = ['高新区报', '甲题', '甲文第一行', '甲文第二行', '乙题', '乙文第一行', '乙文第二行', '丙题', '丙文第一行', '丙文第二行'];
    const at = order.map((s) => page.text.indexOf(s));
    expect(at.every((p) => p >= 0)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
  });

  it('joins a headline set over two lines, and the pieces of one line', () => {
    const page = layoutPage([
      piece('高新区召开安全', 40, 100, 16),
      piece('生产工作会议', 40, 120, 16),
      piece('本报讯 3月4日，', 40, 150),
      piece('会议召开。', 130, 150),
    ]);
    expect(page.headlines).toEqual(['高新区召开安全生产工作会议']);
    expect(page.text).toContain('本报讯 3月4日，会议召开。');
  });

  it('keeps columns apart when their gutter is one character wide, and joins a line drawn a character at a time', () => {
    const chars = (text: string, x: number, y: number) => [...text].map((ch, i) => piece(ch, x + i * 10, y));
    const page = layoutPage([
      ...chars('乙栏一行', 100, 100),
      ...chars('甲栏一行', 40, 100),
      ...chars('乙栏二行。', 100, 114),
      ...chars('甲栏二行。', 40, 114),
    ]);
    expect(page.text.split('\n')).toEqual(['甲栏一行', '甲栏二行。', '', '乙栏一行', '乙栏二行。']);
  });

  it('keeps a kicker or subtitle set in another size apart from the headline', () => {
    const page = layoutPage([
      piece('春风行动', 40, 80, 13),
      piece('高新区召开安全', 40, 100, 18),
      piece('生产工作会议', 40, 120, 18),
      piece('——全年整改隐患一千二百处', 40, 140, 13),
      piece('本报讯 3月4日，会议召开。', 40, 170),
      piece('会议要求各部门压实安全生产责任。', 40, 184),
      piece('确保全年不发生较大事故。', 40, 198),
    ]);
    expect(page.headlines).toEqual(['春风行动', '高新区召开安全生产工作会议', '——全年整改隐患一千二百处']);
  });

  it('gives nothing for a page without text', () => {
    expect(layoutPage([piece(' ', 0, 0)]).text).toBe('');
  });
});
