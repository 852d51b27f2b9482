/**
 * E-paper PDFs and scans, end to end: a three-column page PDF made in the test (drawn out of reading
 * order), a 200-dpi scan rendered from it with poppler's pdftoppm, and broken, encrypted and empty files.
 * Needs the Debian packages `.ci/run` installs (fonts-wqy-zenhei, poppler-utils, tesseract-ocr with its
 * Chinese models).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCorpus } from '../../src/corpus/read.ts';
import { buildIndex, type BuildSummary } from '../../src/index/build.ts';
import { BuiltinEmbedder } from '../../src/index/embedders/builtin.ts';
import { ReportsEngine } from '../../src/retrieval/engine.ts';
import { CJK_FONT, EPAPER_ARTICLES, epaperPdf } from '../support/epaper.ts';

const seedReports = path.resolve(__dirname, '../../data/reports');
let tmp: string;

function pdfOf(draw: (doc: PDFKit.PDFDocument) => void, opts: PDFKit.PDFDocumentOptions = {}): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', ...opts });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  draw(doc);
  doc.end();
  return done;
}

async function build(name: string, inputs: string[]): Promise<{ summary: BuildSummary; engine: ReportsEngine; out: string }> {
  const out = path.join(tmp, name);
  const summary = await buildIndex({ inputs, outDir: out, embedder: new BuiltinEmbedder() });
  return { summary, engine: await ReportsEngine.open(out, { modelsDir: path.join(tmp, 'models') }), out };
}

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'baoxun-epaper-'));
  for (const d of ['pdf', 'scan', 'bad']) mkdirSync(path.join(tmp, d));
  writeFileSync(path.join(tmp, 'pdf/epaper.pdf'), await epaperPdf());
  writeFileSync(path.join(tmp, 'two-pages.pdf'), await epaperPdf(EPAPER_ARTICLES, 2));
  execFileSync('pdftoppm', ['-r', '200', '-png', '-singlefile', path.join(tmp, 'pdf/epaper.pdf'), path.join(tmp, 'scan/scan')]);
  writeFileSync(path.join(tmp, 'bad/broken.pdf'), '%PDF-1.4\nthis is not a PDF body\n');
  writeFileSync(
    path.join(tmp, 'bad/encrypted.pdf'),
    await pdfOf((d) => d.font(CJK_FONT, 'WenQuanYiZenHei').text('本报讯 机密'), { userPassword: 'secret', ownerPassword: 'owner' }),
  );
  writeFileSync(path.join(tmp, 'bad/blank.pdf'), await pdfOf((d) => d.rect(100, 100, 200, 100).stroke()));
  writeFileSync(path.join(tmp, 'bad/unreadable.png'), Buffer.from('89504e470d0a1a0a0000', 'hex'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('an e-paper page PDF', () => {
  let built: Awaited<ReturnType<typeof build>>;
  beforeAll(async () => {
    built = await build('pdf-index', [path.join(tmp, 'pdf'), path.join(tmp, 'bad'), seedReports]);
  });

  it('indexes its three articles in reading order, with headlines, dates, file and page', () => {
    const mine = built.summary.articleList.filter((a) => a.id.startsWith('epaper-'));
    expect(mine.map((a) => a.headline)).toEqual(EPAPER_ARTICLES.map((a) => a.headline));
    expect(mine.map((a) => a.id)).toEqual(['epaper-p1-1', 'epaper-p1-2', 'epaper-p1-3']);
    expect(mine.map((a) => a.date)).toEqual(['2021-03-04', '2021-03-03', '2021-03-02']);
    expect(mine.map((a) => a.reporters)).toEqual([['王小明'], ['陈丽'], ['赵刚']]);
  });

  it('answers a question about each article, citing its page', async () => {
    for (const art of EPAPER_ARTICLES) {
      const a = await built.engine.ask(art.question);
      expect(a.abstained, art.question).toBe(false);
      expect(a.answer, art.question).toContain(art.answer);
      expect(a.citations[0].headline).toBe(art.headline);
      expect(a.citations[0].source).toBe('epaper.pdf');
      expect(a.citations[0].page).toBe(1);
    }
  });

  it('skips broken, encrypted and empty files and unreadable images with their reasons, and indexes the rest', () => {
    const reasons = Object.fromEntries(built.summary.skipped.map((s) => [s.path, s.reason]));
    expect(reasons['broken.pdf']).toMatch(/broken PDF/);
    expect(reasons['encrypted.pdf']).toMatch(/encrypted PDF/);
    expect(reasons['blank.pdf#page=1']).toMatch(/no article text|OCR/);
    expect(reasons['blank.pdf']).toBe('no articles found');
    expect(reasons['unreadable.png']).toMatch(/OCR could not read the image/);
    expect(built.summary.articleList.some((a) => a.id.startsWith('epaper-'))).toBe(true);
  });
});

describe('a multi-page PDF', () => {
  it('gives each page its articles, numbered by page', async () => {
    const { articles, skipped } = await readCorpus([path.join(tmp, 'two-pages.pdf')]);
    expect(skipped).toEqual([]);
    expect(articles.map((a) => `${a.id} ${a.page}`)).toEqual([
      'two-pages-p1-1 1',
      'two-pages-p1-2 1',
      'two-pages-p1-3 1',
      'two-pages-p2-1 2',
      'two-pages-p2-2 2',
      'two-pages-p2-3 2',
    ]);
    expect(new Set(articles.map((a) => a.source))).toEqual(new Set(['two-pages.pdf']));
  });
});

describe('a 200-dpi scan of the page', () => {
  let built: Awaited<ReturnType<typeof build>>;
  beforeAll(async () => {
    built = await build('scan-index', [path.join(tmp, 'scan'), seedReports]);
  });

  it("is OCR'd into the three articles and answers at least two of the three questions", async () => {
    const mine = built.summary.articleList.filter((a) => a.id.startsWith('scan-'));
    expect(mine).toHaveLength(3);
    let answered = 0;
    for (const art of EPAPER_ARTICLES) {
      const a = await built.engine.ask(art.question);
      if (!a.abstained && a.answer.includes(art.answer)) answered++;
    }
    expect(answered).toBeGreaterThanOrEqual(2);
  });

  it('keeps the OCR text by checksum beside the index and reads it from there next time', async () => {
    const cache = `${built.out}.ocr-cache`;
    const [file] = readdirSync(cache);
    expect(file).toMatch(/^[0-9a-f]{40}\.txt$/);
    // A changed cache entry shows that a second read uses the cache rather than OCR'ing again.
    writeFileSync(path.join(cache, file), '本报讯（记者 李华）3月9日，缓存里的一篇报道说明扫描件没有再次识别。\n');
    const { articles } = await readCorpus([path.join(tmp, 'scan')], { cacheDir: cache });
    expect(articles.map((a) => a.body)).toEqual(['3月9日，缓存里的一篇报道说明扫描件没有再次识别。']);
  });
});
