/**
 * How a segment stores its articles so that opening an index parses only what every question
 * needs. Two files:
 *
 * - `article-fields.json`: columns of the fields every chunk carries and every search filter reads
 *   (id, headline, date, named days, meeting, outlet), each article's body length, and the byte
 *   offset of its record in the records file. Parsed whole at load.
 * - `article-records.jsonl`: the rest of each article (body, people, credits, source …), one JSON
 *   object a line, read and parsed when first needed (a question's candidates, a day's reports).
 *
 * Loaded articles are `StoredArticle`s: full `Article`s whose other fields are read from the records
 * file on first use and kept (memoised), so each article object is the same for the index's life.
 * At 100,000 articles parsing the whole former `articles.json` took ~0.8 s of every start and held
 * every body and person in memory whether asked about or not.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import type { Article, Person } from '../corpus/types.ts';

export const ARTICLE_FIELDS_FILE = 'article-fields.json';
export const ARTICLE_RECORDS_FILE = 'article-records.jsonl';

/** The parts of an article kept in the records file. */
interface ArticleRecord {
  source: string;
  subtitle: string;
  headlineDerived: boolean;
  dateInferred: boolean;
  reporters: string[];
  photographers: string[];
  contributors?: string[];
  people: Person[];
  body: string;
  page?: number;
}

/** The columns of `article-fields.json` (absent values are null). */
interface FieldColumns {
  id: string[];
  headline: string[];
  date: Array<string | null>;
  eventDates: Array<string[] | null>;
  meeting: Array<string | null>;
  outlet: Array<string | null>;
  /** Body length in UTF-16 code units (JavaScript string length). */
  bodyLength: number[];
  /** Byte offset of each record in the records file, and the file's length last (n + 1 numbers). */
  recordAt: number[];
}

function recordOf(a: Article): ArticleRecord {
  const r: ArticleRecord = {
    source: a.source,
    subtitle: a.subtitle,
    headlineDerived: a.headlineDerived,
    dateInferred: a.dateInferred,
    reporters: a.reporters,
    photographers: a.photographers,
    people: a.people,
    body: a.body,
  };
  if (a.contributors !== undefined) r.contributors = a.contributors;
  if (a.page !== undefined) r.page = a.page;
  return r;
}

/** The two files of a segment's articles, in order. */
export function serialiseArticles(articles: readonly Article[]): { fields: Buffer; records: Buffer } {
  const cols: FieldColumns = { id: [], headline: [], date: [], eventDates: [], meeting: [], outlet: [], bodyLength: [], recordAt: [] };
  const lines: Buffer[] = [];
  let at = 0;
  for (const a of articles) {
    cols.id.push(a.id);
    cols.headline.push(a.headline);
    cols.date.push(a.date ?? null);
    cols.eventDates.push(a.eventDates?.length ? a.eventDates : null);
    cols.meeting.push(a.meeting ?? null);
    cols.outlet.push(a.outlet ?? null);
    cols.bodyLength.push(a.body.length);
    cols.recordAt.push(at);
    const line = Buffer.from(`${JSON.stringify(recordOf(a))}\n`, 'utf8');
    lines.push(line);
    at += line.length;
  }
  cols.recordAt.push(at);
  return { fields: Buffer.from(JSON.stringify(cols), 'utf8'), records: Buffer.concat(lines) };
}

const isStringOrNull = (x: unknown) => x === null || typeof x === 'string';

/** Parses and checks `article-fields.json`; throws a plain Error naming the first problem. */
function parseFields(data: Buffer, recordBytes: number): FieldColumns {
  let cols: FieldColumns;
  try {
    cols = JSON.parse(data.toString('utf8')) as FieldColumns;
  } catch {
    throw new Error('not valid JSON');
  }
  const n = Array.isArray(cols?.id) ? cols.id.length : -1;
  const columns = ['headline', 'date', 'eventDates', 'meeting', 'outlet', 'bodyLength'] as const;
  if (n < 0 || columns.some((c) => !Array.isArray(cols[c]) || cols[c].length !== n) || !Array.isArray(cols.recordAt) || cols.recordAt.length !== n + 1) {
    throw new Error('its columns are missing or of different lengths');
  }
  for (let i = 0; i < n; i++) {
    if (
      typeof cols.id[i] !== 'string' ||
      typeof cols.headline[i] !== 'string' ||
      !isStringOrNull(cols.date[i]) ||
      !isStringOrNull(cols.meeting[i]) ||
      !isStringOrNull(cols.outlet[i]) ||
      !(cols.eventDates[i] === null || Array.isArray(cols.eventDates[i])) ||
      !Number.isInteger(cols.bodyLength[i]) ||
      !(cols.recordAt[i] >= 0 && cols.recordAt[i + 1] > cols.recordAt[i])
    ) {
      throw new Error(`article ${i} has bad fields`);
    }
  }
  if (cols.recordAt[n] !== recordBytes) throw new Error(`its records end at byte ${cols.recordAt[n]}, the records file has ${recordBytes}`);
  return cols;
}

/**
 * The records file, read record by record. It stays open for the store's life (a rebuild may
 * remove the folder; the open file still reads) and closes when the store is garbage-collected.
 */
class RecordFile {
  private static readonly closer = new FinalizationRegistry<number>((fd) => {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
  });
  private readonly fd: number;

  constructor(
    readonly file: string,
    private readonly at: readonly number[],
  ) {
    this.fd = openSync(file, 'r');
    RecordFile.closer.register(this, this.fd);
  }

  read(i: number): ArticleRecord {
    const bytes = this.at[i + 1] - this.at[i];
    const buf = Buffer.allocUnsafe(bytes);
    const n = readSync(this.fd, buf, 0, bytes, this.at[i]);
    if (n !== bytes) throw new Error(`${this.file}: record ${i} is beyond the end of the file`);
    return JSON.parse(buf.toString('utf8')) as ArticleRecord;
  }
}

/**
 * An article of a loaded index. The fields of `article-fields.json` are its own; the rest are read
 * from the records file on first use and kept. `toJSON` gives the plain article.
 */
export class StoredArticle implements Article {
  readonly id: string;
  readonly headline: string;
  declare readonly date?: string;
  declare readonly eventDates?: string[];
  declare readonly meeting?: string;
  declare readonly outlet?: string;
  /** Body length without reading the body. */
  readonly bodyLength: number;
  #file: RecordFile;
  #at: number;
  #record: ArticleRecord | undefined;

  constructor(cols: FieldColumns, i: number, file: RecordFile) {
    this.id = cols.id[i];
    this.headline = cols.headline[i];
    this.bodyLength = cols.bodyLength[i];
    // Optional fields are set only when present, as a parsed article has them.
    const self = this as { -readonly [K in keyof Article]?: Article[K] };
    if (cols.date[i] !== null) self.date = cols.date[i]!;
    if (cols.eventDates[i] !== null) self.eventDates = cols.eventDates[i]!;
    if (cols.meeting[i] !== null) self.meeting = cols.meeting[i]!;
    if (cols.outlet[i] !== null) self.outlet = cols.outlet[i]!;
    this.#file = file;
    this.#at = i;
  }

  #read(): ArticleRecord {
    return (this.#record ??= this.#file.read(this.#at));
  }

  get body(): string {
    return this.#read().body;
  }
  get source(): string {
    return this.#read().source;
  }
  get subtitle(): string {
    return this.#read().subtitle;
  }
  get headlineDerived(): boolean {
    return this.#read().headlineDerived;
  }
  get dateInferred(): boolean {
    return this.#read().dateInferred;
  }
  get reporters(): string[] {
    return this.#read().reporters;
  }
  get photographers(): string[] {
    return this.#read().photographers;
  }
  get contributors(): string[] | undefined {
    return this.#read().contributors;
  }
  get people(): Person[] {
    return this.#read().people;
  }
  get page(): number | undefined {
    return this.#read().page;
  }

  /** The plain article (what was stored). */
  toJSON(): Article {
    const r = this.#read();
    const a: Article = {
      id: this.id,
      source: r.source,
      headline: this.headline,
      subtitle: r.subtitle,
      headlineDerived: r.headlineDerived,
      dateInferred: r.dateInferred,
      reporters: r.reporters,
      photographers: r.photographers,
      people: r.people,
      body: r.body,
    };
    if (this.date !== undefined) a.date = this.date;
    if (this.eventDates !== undefined) a.eventDates = this.eventDates;
    if (this.meeting !== undefined) a.meeting = this.meeting;
    if (r.contributors !== undefined) a.contributors = r.contributors;
    if (this.outlet !== undefined) a.outlet = this.outlet;
    if (r.page !== undefined) a.page = r.page;
    return a;
  }
}

/**
 * The articles of a segment from its two files: `fieldsData` is `article-fields.json`'s contents,
 * `recordsFile` the records file's path and `recordBytes` its size. Throws a plain Error naming the
 * first problem of the fields (the records are checked by checksum and parsed when read).
 */
export function openArticles(fieldsData: Buffer, recordsFile: string, recordBytes: number): StoredArticle[] {
  const cols = parseFields(fieldsData, recordBytes);
  const file = new RecordFile(recordsFile, cols.recordAt);
  const out: StoredArticle[] = [];
  for (let i = 0; i < cols.id.length; i++) out.push(new StoredArticle(cols, i, file));
  return out;
}

/** An article's body length, without reading the body of a stored one. */
export function bodyLength(a: Article): number {
  return a instanceof StoredArticle ? a.bodyLength : a.body.length;
}
