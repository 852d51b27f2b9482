/** `.md`: a report with optional front matter; a `# heading` is its title (see front-matter.ts). */
import { parseTextReport } from '../front-matter.ts';
import type { ReportFormat } from './types.ts';

export const markdownFormat: ReportFormat = {
  name: 'Markdown',
  extensions: ['.md', '.markdown'],
  maxBytes: 50 * 1024 * 1024,
  binary: false,
  describe: 'a report with optional front matter; a leading `# heading` is its title',
  parse: (text, ctx) => ({ articles: parseTextReport(text as string, ctx.source, { markdown: true }) }),
};
