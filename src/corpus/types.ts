/** The domain of the reports: what ingestion produces and every later stage reads. */

/** A person named in a report, with the title printed before the name. */
export interface Person {
  name: string;
  /** e.g. "高新区党工委书记"; empty when none is printed. */
  title: string;
  /** What the report says the person did at the meeting, when it says so. */
  roles: PersonRole[];
}

import type { PersonRole } from '../text/vocabulary/roles.ts';

export type { PersonRole };

/** One article of a report, with its text repaired and its metadata extracted. */
export interface Article {
  /** Stable across rebuilds: derived from the source and the article's position (or the JSONL id). */
  id: string;
  /** The file it came from, relative to the input root. */
  source: string;
  headline: string;
  /** Subtitle lines printed under the headline, joined with " / "; empty when none. */
  subtitle: string;
  /** True when no headline was printed and it was derived from the lead sentence. */
  headlineDerived: boolean;
  /** ISO date YYYY-MM-DD, or undefined when the report gives none. */
  date?: string;
  /** True when the year (or the whole date) was inferred rather than printed or given. */
  dateInferred: boolean;
  /**
   * The days the text names (`12月6日`, `5日晚`, `昨日` read against the issue date): ISO when the year
   * is printed or known from the issue date, else `MM-DD`. Absent in indexes built before it existed.
   */
  eventDates?: string[];
  /** The meeting's name as printed in the lead sentence, when the article reports one. */
  meeting?: string;
  reporters: string[];
  photographers: string[];
  /** Writers credited from outside the paper's staff (通讯员, a partner outlet's name); see byline.ts. */
  contributors?: string[];
  people: Person[];
  /** The article's text: sentences whole again, OCR spaces removed, paragraphs joined by "\n". */
  body: string;
  /** The outlet or office the page names as its source (`来源：…`, front matter `source:`); searched with the text, never shown as it. */
  outlet?: string;
  /** The page of a multi-page file (a PDF) the article was printed on, from 1; `source` names the file. */
  page?: number;
}

/** A retrievable window of an article; offsets point into `Article.body`. */
export interface Chunk {
  /** `${articleId}#${ordinal}` */
  id: string;
  articleId: string;
  ordinal: number;
  text: string;
  start: number;
  end: number;
  headline: string;
  date?: string;
  /** The article's `eventDates`. */
  eventDates?: string[];
  meeting?: string;
  outlet?: string;
}

/** A report file that could not be read, named so the user can fix it. */
export interface SkippedFile {
  path: string;
  reason: string;
}

export interface CorpusReadResult {
  articles: Article[];
  skipped: SkippedFile[];
  /** Files read successfully (unchanged files passed over included). */
  files: number;
  /** Every file that gave articles, read or passed over as unchanged: what an update compares next time. */
  sources: SourceFile[];
}

/** A report file that gave articles, as an index update remembers it. */
export interface SourceFile {
  /** Absolute path. */
  file: string;
  size: number;
  mtimeMs: number;
  /** sha1 of the file's bytes (duplicate files are skipped by it). */
  sha1: string;
  /** Ids of the articles it gave, in order. */
  ids: string[];
  /** True when the file was passed over as unchanged (its articles are not in `articles`). */
  unchanged?: boolean;
}
