/**
 * `.pdf`: e-paper pages (数字报). A page's text layer is read with Mozilla's pdf.js (legacy build, for
 * Node) as positioned, sized pieces, put in reading order with headlines told by size (pdf-layout.ts),
 * and cut into articles by the page parser, as an OCR'd page is. A page without a text layer is a scan:
 * rendered and OCR'd (ocr.ts) when Tesseract is installed. Each article keeps the file as its source and
 * its page number; a page without article text, an encrypted or a broken file is named with its reason.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { layoutPage, type TextPiece } from '../pdf-layout.ts';
import { idPrefixOf, parsePage } from '../page-parser.ts';
import { ocrPdfPage, OcrError } from '../ocr.ts';
import type { Article } from '../types.ts';
import type { FormatProblem, ReportFormat } from './types.ts';

const PDFJS_DIR = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
/** A page with fewer letters than this in its text layer has none worth reading: it is a scan. */
const MIN_TEXT = 8;

interface RawItem {
  str?: string;
  transform?: number[];
  width?: number;
}

export const pdfFormat: ReportFormat = {
  name: 'e-paper PDF',
  extensions: ['.pdf'],
  maxBytes: 500 * 1024 * 1024,
  binary: true,
  parse: async (bytes, ctx) => {
    // Loaded on first use: pdf.js is large, and most builds read no PDF.
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    let doc;
    try {
      doc = await getDocument({
        data: new Uint8Array(bytes as Buffer),
        verbosity: 0,
        // Chinese PDFs often set text in CID fonts with Adobe's predefined CMaps (UniGB-UCS2-H …).
        cMapUrl: `${PDFJS_DIR}/cmaps/`,
        cMapPacked: true,
        standardFontDataUrl: `${PDFJS_DIR}/standard_fonts/`,
        isEvalSupported: false,
        disableFontFace: true,
      }).promise;
    } catch (err) {
      const e = err as Error;
      if (e.name === 'PasswordException') return { articles: [], skip: 'encrypted PDF (it needs a password)' };
      return { articles: [], skip: `broken PDF (${e.message})` };
    }
    const articles: Article[] = [];
    const problems: FormatProblem[] = [];
    const prefix = idPrefixOf(ctx.source);
    try {
      for (let n = 1; n <= doc.numPages; n++) {
        const where = `#page=${n}`;
        let text: string;
        try {
          const page = await doc.getPage(n);
          const height = page.getViewport({ scale: 1 }).height;
          const content = await page.getTextContent();
          page.cleanup();
          text = layoutPage(pieces(content.items as RawItem[], height)).text;
        } catch (err) {
          problems.push({ where, reason: `unreadable page (${(err as Error).message})` });
          continue;
        }
        if ((text.match(/[\p{Script=Han}A-Za-z0-9]/gu) ?? []).length < MIN_TEXT) {
          try {
            text = await ocrPdfPage(ctx.file, n, { cacheDir: ctx.cacheDir, key: `${ctx.checksum}-p${n}` });
          } catch (err) {
            if (!(err instanceof OcrError)) throw err;
            problems.push({ where, reason: `no text layer; ${err.message}` });
            continue;
          }
        }
        const found = parsePage(text, ctx.source, { idPrefix: `${prefix}-p${n}`, page: n });
        if (found.length === 0) problems.push({ where, reason: 'no article text on the page' });
        articles.push(...found);
      }
    } finally {
      await doc.destroy();
    }
    return { articles, problems };
  },
};

/** pdf.js text items → pieces measured from the page's top-left. */
function pieces(items: RawItem[], pageHeight: number): TextPiece[] {
  const out: TextPiece[] = [];
  for (const it of items) {
    if (typeof it.str !== 'string' || !it.transform || it.str.trim() === '') continue;
    const [a, b, , , x, y] = it.transform;
    out.push({ text: it.str, x, y: pageHeight - y, width: it.width ?? 0, size: Math.hypot(a, b) });
  }
  return out;
}
