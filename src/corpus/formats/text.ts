/** `.txt`: an OCR'd newspaper page, text copied from a web page, or a plain report (see front-matter.ts). */
import { parseTextReport } from '../front-matter.ts';
import type { ReportFormat } from './types.ts';

export const textFormat: ReportFormat = {
  name: 'page text',
  extensions: ['.txt'],
  maxBytes: 50 * 1024 * 1024,
  binary: false,
  parse: (text, ctx) => ({ articles: parseTextReport(text as string, ctx.source, { markdown: false }) }),
};
