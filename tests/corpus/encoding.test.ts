import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/corpus/encoding.ts';

const simplified = '本报讯 1月12日上午，高新区召开2021年度信访工作会议，分析研判信访整体工作形势，安排部署重点工作。';
const traditional = '本報訊 1月12日上午，高新區召開2021年度信訪工作會議，分析研判信訪整體工作形勢，安排部署重點工作。';

describe('decodeText', () => {
  it('reads UTF-8 with and without a BOM', () => {
    expect(decodeText(Buffer.from(simplified, 'utf8'))).toEqual({ text: simplified, encoding: 'utf-8' });
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(simplified)]))).toEqual({
      text: simplified,
      encoding: 'utf-8-bom',
    });
  });

  it('reads UTF-16 by its BOM', () => {
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(simplified, 'utf16le')]))).toEqual({
      text: simplified,
      encoding: 'utf-16le',
    });
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(traditional, 'utf-16be')]))).toEqual({
      text: traditional,
      encoding: 'utf-16be',
    });
  });

  it('tells GB18030 from Big5', () => {
    expect(decodeText(iconv.encode(simplified, 'gb18030'))).toEqual({ text: simplified, encoding: 'gb18030' });
    expect(decodeText(iconv.encode(traditional, 'big5'))).toEqual({ text: traditional, encoding: 'big5' });
  });

  it('rejects binary, empty and truncated files with a clear reason', () => {
    expect(() => decodeText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]))).toThrow('binary file');
    expect(() => decodeText(Buffer.alloc(0))).toThrow('empty file');
    const utf8 = Buffer.from(simplified, 'utf8');
    expect(() => decodeText(utf8.subarray(0, utf8.length - 2))).toThrow(/truncated/);
  });

  it('rejects bytes that are no plausible text', () => {
    const noise = Buffer.from(Array.from({ length: 400 }, (_, i) => 0x80 + ((i * 37) % 0x7f)));
    expect(() => decodeText(noise)).toThrow(/undecodable|binary/);
  });
});
