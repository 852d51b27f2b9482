/** `.md`: a report with optional front matter; a `# heading` is its title (see front-matter.ts). */
import { parseTextReport } from '../front-matter.ts';
import type { ReportFormat } from './types.ts';

export const markdownFormat: ReportFormat = {
  name: 'Markdown',
  extensions: ['.md', '.markdown'],
  maxBytes: 50 * 1024 * 1024,
  binary: false,
  parse: (text, ctx) => ({ articles: parseTextReport(text as string, ctx.source, { markdown: true }) }),
};
