import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { readCorpus } from '../../src/corpus/read.ts';

const page = readFileSync(new URL('../fixtures/corpus/page-2021-01-12.txt', import.meta.url), 'utf8');
const dir = mkdtempSync(path.join(tmpdir(), 'baoxun-corpus-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function put(rel: string, data: string | Buffer): void {
  mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  writeFileSync(path.join(dir, rel), data);
}

put('2021/01/page.txt', page);
put('2021/01/copy.txt', page);
put('2021/02/page.txt', iconv.encode('本报讯 2月3日，区里召开春季植树活动动员会，部署植树工作。\n记者 李明', 'gb18030'));
put('archive.jsonl', '{"id":"j1","title":"一","text":"第一篇。"}\nnot json\n{"id":"j1","text":"重复"}\n');
put('broken.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]));
put('empty.md', '');
put('blank.txt', '  \n\n ');
put('picture.bmp', 'x');
put('.hidden.txt', page);
put('notes/intro.md', '# 说明\n\n这是一个说明文件。');

describe('readCorpus', () => {
  it('reads the good files and names every bad one', async () => {
    const seen: string[] = [];
    const result = await readCorpus([dir], { onFile: (f) => seen.push(path.relative(dir, f)) });
    expect(seen).toEqual([
      '2021/01/copy.txt',
      '2021/01/page.txt',
      '2021/02/page.txt',
      'archive.jsonl',
      'blank.txt',
      'broken.txt',
      'empty.md',
      'notes/intro.md',
      'picture.bmp',
    ]);
    expect(result.files).toBe(4);
    const reasons = Object.fromEntries(result.skipped.map((s) => [s.path, s.reason]));
    expect(reasons['2021/01/page.txt']).toMatch(/duplicate of 2021\/01\/copy.txt/);
    expect(reasons['broken.txt']).toBe('binary file');
    expect(reasons['empty.md']).toBe('empty file');
    expect(reasons['blank.txt']).toMatch(/empty/);
    expect(reasons['picture.bmp']).toMatch(/unsupported/);
    expect(reasons['archive.jsonl:2']).toMatch(/invalid JSON/);
    expect(reasons['archive.jsonl:3']).toMatch(/duplicate id j1/);
    expect(Object.keys(reasons)).not.toContain('.hidden.txt');

    const ids = result.articles.map((a) => a.id);
    expect(ids).toEqual(['copy-1', 'copy-2', 'copy-3', 'page-1', 'j1', 'intro-1']);
    const feb = result.articles.find((a) => a.id === 'page-1');
    expect(feb).toMatchObject({ source: '2021/02/page.txt', meeting: '春季植树活动动员会', reporters: ['李明'] });
    expect(result.articles.find((a) => a.id === 'intro-1')?.headline).toBe('说明');
  });

  it('gives colliding page ids their path, and reads single files relative to a root', async () => {
    put('other/copy.txt', page.replace('本报讯 1月 12日上午，高\n新区召开安全生产', '本报讯 1月 13日上午，高\n新区召开安全生产'));
    const result = await readCorpus([path.join(dir, '2021/01/copy.txt'), path.join(dir, 'other/copy.txt')], { root: dir });
    expect(result.articles.map((a) => a.id)).toEqual(['copy-1', 'copy-2', 'copy-3', 'other/copy-1', 'other/copy-2', 'other/copy-3']);
    expect(result.articles[3].source).toBe('other/copy.txt');
  });

  it('names a missing input instead of throwing', async () => {
    const result = await readCorpus([path.join(dir, 'nope')]);
    expect(result.articles).toEqual([]);
    expect(result.skipped[0].reason).toMatch(/cannot open/);
  });
});

describe('readCorpus on a large archive', () => {
  it('reads a JSONL file of 200,000 documents (more than a call can take as spread arguments)', async () => {
    const big = mkdtempSync(path.join(tmpdir(), 'baoxun-big-'));
    try {
      const lines = Array.from({ length: 200_000 }, (_, i) => JSON.stringify({ id: `d${i}`, title: `第${i}号`, text: `第${i}篇报道。` }));
      writeFileSync(path.join(big, 'archive.jsonl'), lines.join('\n') + '\n');
      const { articles, skipped } = await readCorpus([big]);
      expect(skipped).toEqual([]);
      expect(articles).toHaveLength(200_000);
      expect(articles[199_999].id).toBe('d199999');
    } finally {
      rmSync(big, { recursive: true, force: true });
    }
  });
});
