/**
 * A report format: which files it reads, how large they may be, and how their content becomes article
 * drafts. Every format is one module in this folder, listed in `index.ts`; `read.ts` only loops over them.
 */
import type { Article } from '../types.ts';

export interface ParseContext {
  /** The file's path relative to the input root (`Article.source`). */
  source: string;
  /** The file's absolute path (tools that read files, such as OCR, are given it). */
  file: string;
  /** SHA-1 of the file's bytes (caches are keyed by it). */
  checksum: string;
  /** Where slow results (OCR text) may be kept between builds; none: not kept. */
  cacheDir?: string;
  /** Ids already taken by earlier files (JSONL ids must be unique across archives). */
  ids: Set<string>;
}

/** A part of a file that could not be read (a JSONL line, a PDF page), named with its reason. */
export interface FormatProblem {
  /** Appended to the file's path: `:12` (a line), `#page=3` (a page). */
  where: string;
  reason: string;
}

export interface FormatResult {
  /** Each built from its parser's draft by `makeArticle` (article.ts), the one constructor. */
  articles: Article[];
  problems?: FormatProblem[];
  /** The whole file was unreadable: its reason (the file is skipped with it). */
  skip?: string;
}

export interface ReportFormat {
  /** Shown in README and messages, e.g. "e-paper PDF". */
  name: string;
  /** Lower-case, with the dot. */
  extensions: readonly string[];
  /** Larger files are skipped with their size and this limit. */
  maxBytes: number;
  /** True: `parse` gets the file's bytes; false: its text, decoded (UTF-8/16, GB18030, Big5). */
  binary: boolean;
  parse(input: string | Buffer, ctx: ParseContext): FormatResult | Promise<FormatResult>;
  /** `given`: the records name their ids (JSONL); otherwise ids come from the file name and are made unique. */
  ids?: 'given';
}
