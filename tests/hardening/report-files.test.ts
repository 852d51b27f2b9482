/**
 * Bad report files beside good ones: `npm run index -- --json` names each bad file in `skipped` and
 * indexes the rest; pages in GB18030 and Big5 are decoded and parsed like their UTF-8 originals.
 * Every fixture is generated here from the shipped page (no committed binaries).
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCorpus } from '../../src/corpus/read.ts';
import { generateArticles, runCli, seeded, SHIPPED_PAGE, tempDir, writeJsonl } from './support.ts';

let dir: string;
let reports: string;
/** The headlines each decodable page must produce: those of the same text read as UTF-8. */
const expected: Record<string, string[]> = {};

async function headlinesOf(name: string, text: string): Promise<string[]> {
  const ref = path.join(dir, 'ref');
  mkdirSync(ref, { recursive: true });
  writeFileSync(path.join(ref, name), text, 'utf8');
  const r = await readCorpus([path.join(ref, name)]);
  return r.articles.map((a) => a.headline);
}

beforeAll(async () => {
  dir = tempDir('files');
  reports = path.join(dir, 'reports');
  mkdirSync(reports);
  const page = readFileSync(SHIPPED_PAGE);
  const text = page.toString('utf8');

  copyFileSync(SHIPPED_PAGE, path.join(reports, 'a-good.txt'));
  writeFileSync(path.join(reports, 'b-empty.txt'), '');
  writeFileSync(path.join(reports, 'c-blank.txt'), '  \n\n\t \n');
  const rand = seeded(7);
  writeFileSync(path.join(reports, 'd-binary.txt'), Buffer.from(Array.from({ length: 4096 }, () => Math.floor(rand() * 256))));
  writeFileSync(path.join(reports, 'e-gb18030.txt'), iconv.encode(text, 'gb18030'));
  // Big5 has no simplified characters: the page is converted to traditional first, as a Taiwanese or
  // Hong Kong source would print it; the expected text is what survives the round trip.
  const traditional = OpenCC.Converter({ from: 'cn', to: 'tw' })(text);
  const big5 = iconv.encode(traditional, 'big5');
  const big5Text = iconv.decode(big5, 'big5');
  writeFileSync(path.join(reports, 'f-big5.txt'), big5);
  // Cut inside a three-byte character: the last byte of the buffer begins or continues a character.
  let cut = page.length - 1;
  while ((page[cut]! & 0xc0) !== 0xc0) cut--;
  writeFileSync(path.join(reports, 'g-truncated.txt'), page.subarray(0, cut + 1));
  copyFileSync(SHIPPED_PAGE, path.join(reports, 'h-duplicate.txt'));
  // Over the 50 MB limit for a page, without writing 50 MB: a sparse file is never read, only sized.
  writeFileSync(path.join(reports, 'i-huge.txt'), '');
  truncateSync(path.join(reports, 'i-huge.txt'), 51 * 1024 * 1024);
  // A moderately large archive (a few MB) is read in full.
  writeJsonl(path.join(reports, 'j-large.jsonl'), generateArticles(1500, 11));
  writeFileSync(path.join(reports, 'k-picture.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  writeFileSync(path.join(reports, 'l-slides.pptx'), 'PK');

  expected['a-good.txt'] = await headlinesOf('a.txt', text);
  expected['e-gb18030.txt'] = await headlinesOf('e.txt', text);
  expected['f-big5.txt'] = await headlinesOf('f.txt', big5Text);
  // The round trip through Big5 must keep the page (a handful of unmappable symbols at most).
  expect(big5Text.split('').filter((c, i) => c !== traditional[i]).length).toBeLessThan(text.length / 100);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bad report files', () => {
  it('names each bad file and why, and indexes every good one with the right headlines', async () => {
    const out = path.join(dir, 'index');
    const r = await runCli('index', ['--input', reports, '--out', out, '--json']);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout.trim()) as {
      ok: boolean;
      files: number;
      skipped: Array<{ path: string; reason: string }>;
      articles: Array<{ id: string; headline: string }>;
    };
    expect(s.ok).toBe(true);
    const reasons = Object.fromEntries(s.skipped.map((k) => [k.path, k.reason]));
    expect(reasons).toEqual({
      'b-empty.txt': expect.stringMatching(/empty/),
      'c-blank.txt': expect.stringMatching(/empty/),
      'd-binary.txt': expect.stringMatching(/binary/),
      'g-truncated.txt': expect.stringMatching(/truncated/),
      'h-duplicate.txt': expect.stringMatching(/duplicate of a-good\.txt/),
      'i-huge.txt': expect.stringMatching(/too large.*limit/),
      'k-picture.png': expect.stringMatching(/OCR could not read the image/),
      'l-slides.pptx': expect.stringMatching(/unsupported file type \(.pptx\); expected .txt, .md/),
    });
    // Good page, GB18030 page, Big5 page and the archive.
    expect(s.files).toBe(4);
    const byFile = (prefix: string) => s.articles.filter((a) => a.id.startsWith(prefix)).map((a) => a.headline);
    for (const name of ['a-good.txt', 'e-gb18030.txt', 'f-big5.txt']) {
      expect(expected[name]!.length, name).toBeGreaterThanOrEqual(3);
      expect(byFile(name.replace(/\.txt$/, '')), name).toEqual(expected[name]);
    }
    expect(byFile('e-gb18030')).toEqual(expected['a-good.txt']);
    expect(byFile('f-big5').some((h) => h.includes('高新區'))).toBe(true);
    expect(s.articles.filter((a) => a.id.startsWith('gen-')).length).toBe(1500);
  });
});
