/**
 * The registry of report formats: `read.ts` reads a file with the format its extension names, and
 * README's list of formats is this list. Adding a format is adding its module and one row here.
 */
import type { ReportFormat } from './types.ts';
import { textFormat } from './text.ts';
import { markdownFormat } from './markdown.ts';
import { jsonlFormat } from './jsonl.ts';
import { htmlFormat } from './html.ts';
import { pdfFormat } from './pdf.ts';
import { imageFormat } from './image.ts';

export const REPORT_FORMATS: readonly ReportFormat[] = [textFormat, markdownFormat, jsonlFormat, htmlFormat, pdfFormat, imageFormat];

const BY_EXTENSION = new Map(REPORT_FORMATS.flatMap((f) => f.extensions.map((e) => [e, f] as const)));

export function formatFor(extension: string): ReportFormat | undefined {
  return BY_EXTENSION.get(extension.toLowerCase());
}

/** ".txt, .md, .markdown or .jsonl" */
export function supportedExtensions(): string {
  const all = REPORT_FORMATS.flatMap((f) => f.extensions);
  return all.length > 1 ? `${all.slice(0, -1).join(', ')} or ${all[all.length - 1]}` : all.join('');
}
