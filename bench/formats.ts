/**
 * `npm run bench:formats`: how fast report formats are read. E-paper PDFs (a generated three-column
 * page, repeated over many pages) in pages a second through `readCorpus`, and OCR of a 200-dpi scan of
 * that page in seconds a page (Tesseract, one thread, no cache). Prints a markdown table. Needs the
 * Debian packages `.ci/run` installs (fonts-wqy-zenhei; poppler-utils and tesseract-ocr for the OCR row).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readCorpus } from '../src/corpus/read.ts';
import { ocrImage, ocrUnavailable } from '../src/corpus/ocr.ts';
import { EPAPER_ARTICLES, epaperPdf } from '../tests/support/epaper.ts';

const PAGES = Number(process.argv[2] ?? 40);
const RUNS = 3;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'baoxun-bench-formats-'));
try {
  const pdf = path.join(tmp, 'epaper.pdf');
  writeFileSync(pdf, await epaperPdf(EPAPER_ARTICLES, PAGES));
  const rows: string[] = ['| format | measured | runs | median |', '|---|---|---|---|'];
  const pdfTimes: number[] = [];
  let articles = 0;
  for (let r = 0; r < RUNS; r++) {
    const t = performance.now();
    const read = await readCorpus([pdf]);
    pdfTimes.push((performance.now() - t) / 1000);
    articles = read.articles.length;
  }
  rows.push(
    `| e-paper PDF (text layer), ${PAGES} pages, ${articles} articles | pages a second | ${RUNS} | ${(PAGES / median(pdfTimes)).toFixed(1)} |`,
  );

  const why = await ocrUnavailable();
  if (why) rows.push(`| scan (OCR) | – | – | not measured: ${why} |`);
  else {
    const png = path.join(tmp, 'scan');
    execFileSync('pdftoppm', ['-r', '200', '-png', '-singlefile', '-f', '1', '-l', '1', pdf, png]);
    const ocrTimes: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const t = performance.now();
      await ocrImage(`${png}.png`, { key: `run-${r}` });
      ocrTimes.push((performance.now() - t) / 1000);
    }
    rows.push(
      `| scan (200-dpi PNG, A4, Tesseract chi_sim+chi_tra, 1 thread) | seconds a page | ${RUNS} | ${median(ocrTimes).toFixed(1)} |`,
    );
  }
  console.log(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, load ${os.loadavg()[0].toFixed(1)}\n`);
  console.log(rows.join('\n'));
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
