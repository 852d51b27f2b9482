/** `.png`, `.jpg`, `.tif`: a scanned newspaper page, OCR'd (ocr.ts) and cut into articles by the page parser. */
import { ocrImage, OcrError } from '../ocr.ts';
import { parsePage } from '../page-parser.ts';
import type { ReportFormat } from './types.ts';

export const imageFormat: ReportFormat = {
  name: 'scanned page',
  extensions: ['.png', '.jpg', '.jpeg', '.tif', '.tiff'],
  maxBytes: 200 * 1024 * 1024,
  binary: true,
  parse: async (_bytes, ctx) => {
    let text: string;
    try {
      text = await ocrImage(ctx.file, { cacheDir: ctx.cacheDir, key: ctx.checksum });
    } catch (err) {
      if (err instanceof OcrError) return { articles: [], skip: err.message };
      throw err;
    }
    if (!/[\p{Script=Han}A-Za-z]{4}/u.test(text)) return { articles: [], skip: 'OCR found no text in the image' };
    const articles = parsePage(text, ctx.source);
    return articles.length > 0 ? { articles } : { articles, skip: "no article text in the OCR'd page" };
  },
};
