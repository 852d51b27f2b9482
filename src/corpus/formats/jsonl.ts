/** `.jsonl`: bulk archives, one `{"id","title","text","date"?,"source"?}` a line (see ../jsonl.ts). */
import { parseJsonl } from '../jsonl.ts';
import type { ReportFormat } from './types.ts';

export const jsonlFormat: ReportFormat = {
  name: 'JSONL archive',
  extensions: ['.jsonl'],
  maxBytes: 1024 * 1024 * 1024,
  binary: false,
  ids: 'given',
  parse: (text, ctx) => {
    const { articles, problems } = parseJsonl(text as string, ctx.source, ctx.ids);
    return { articles, problems: problems.map((p) => ({ where: `:${p.line}`, reason: p.reason })) };
  },
};
