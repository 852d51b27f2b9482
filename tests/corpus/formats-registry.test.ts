import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPORT_FORMATS, formatFor, supportedExtensions } from '../../src/corpus/formats/index.ts';
import { makeArticle } from '../../src/corpus/article.ts';

const readme = readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');

describe('the format registry', () => {
  it('gives each extension one format', () => {
    const all = REPORT_FORMATS.flatMap((f) => f.extensions);
    expect(new Set(all).size).toBe(all.length);
    for (const f of REPORT_FORMATS) for (const e of f.extensions) expect(formatFor(e.toUpperCase())).toBe(f);
    expect(formatFor('.docx')).toBeUndefined();
    expect(supportedExtensions()).toMatch(/^\.txt, .*, \.jsonl, .* or \.tiff$/);
  });

  it('is the table of formats in README: every format, its extensions and size limit', () => {
    for (const f of REPORT_FORMATS) {
      const row = readme.split('\n').find((l) => l.startsWith(`| ${f.name} |`));
      expect(row, f.name).toBeDefined();
      const cells = row!.split('|').map((c) => c.trim());
      expect(cells[2]).toBe(f.extensions.map((e) => `\`${e}\``).join(', '));
      const limit = f.maxBytes >= 1024 ** 3 ? `${f.maxBytes / 1024 ** 3} GB` : `${f.maxBytes / 1024 ** 2} MB`;
      expect(cells[3], f.name).toBe(limit);
    }
  });
});

describe('makeArticle', () => {
  it('fills every default and derives a headline from the lead when none is given', () => {
    const a = makeArticle(
      { body: '3月4日，高新区召开安全生产工作会议。会议要求压实责任。' },
      { source: 'a/b.txt', idPrefix: 'b', ordinal: 2 },
    );
    expect(a).toEqual({
      id: 'b-2',
      source: 'a/b.txt',
      headline: '高新区召开安全生产工作会议',
      subtitle: '',
      headlineDerived: true,
      date: undefined,
      dateInferred: false,
      reporters: [],
      photographers: [],
      people: [],
      body: '3月4日，高新区召开安全生产工作会议。会议要求压实责任。',
    });
    expect(Object.keys(a)).not.toContain('page');
  });

  it('keeps what the draft gives', () => {
    const a = makeArticle(
      { body: '正文。', headline: '标题', id: 'x1', page: 3, outlet: '某报', eventDates: [] },
      { source: 's.pdf', idPrefix: 's', ordinal: 1 },
    );
    expect(a).toMatchObject({ id: 'x1', headline: '标题', headlineDerived: false, page: 3, outlet: '某报' });
    expect(a.eventDates).toBeUndefined();
  });
});
