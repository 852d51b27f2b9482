/**
 * How a segment stores its articles so that opening an index parses only what every question
 * needs. Three files:
 *
 * - `article-fields.json`: columns of the fields every chunk carries and every search filter reads
 *   (id, headline, date, named days, meeting, outlet), each article's body length, and where each
 *   block of articles sits in the two other files. Parsed whole at load.
 * - `article-bodies.utf16`: the bodies, UTF-16LE, one after another, so a body is decoded without
 *   parsing anything (JavaScript strings are UTF-16: character offsets are byte offsets / 2).
 * - `article-records.jsonl`: the rest of each article (people, credits, source …), one line per
 *   block of articles, a JSON array.
 * - `article-names.json`: each article's names (`corpus/article-names.ts`: people named, then
 *   credits) or null, one entry an article, and the pinyin keys of each name (`text/pinyin-keys.ts`):
 *   read whole when an English question first matches a name in pinyin, instead of every record
 *   and pinyin-pro's dictionaries (~0.3 s of CPU at 100,000 articles).
 *
 * Bodies and records are read a block of `BLOCK` articles at a time, when an article of the block is needed, and
 * the blocks read lately are kept (up to a budget over every open segment, `recentBodies`): a
 * question's few candidates read a few blocks; a pass over every article (the filter lookups' text
 * scan, every name the reports hold) reads them in passing, keeping none. Loaded articles are
 * `StoredArticle`s: full `Article`s whose other fields come from the blocks.
 * At 100,000 articles parsing the former `articles.json` (59 MiB) took ~0.8 s of every start and held
 * every body and person in memory whether asked about or not.
 */
import { openSync, readSync } from 'node:fs';
import path from 'node:path';
import { articleNames } from '../corpus/article-names.ts';
import { nameKeys } from '../text/pinyin-keys.ts';
import type { Article, Person } from '../corpus/types.ts';
import { closeWhenCollected } from './fd-closer.ts';

export const ARTICLE_FIELDS_FILE = 'article-fields.json';
export const ARTICLE_BODIES_FILE = 'article-bodies.utf16';
export const ARTICLE_RECORDS_FILE = 'article-records.jsonl';
export const ARTICLE_NAMES_FILE = 'article-names.json';

/** Articles a block: a body block is ~60 KB and a record block one JSON.parse of ~64 records. */
const BLOCK = 64;

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
  page?: number;
}

/** `article-names.json`. */
interface NamesFile {
  /** Each article's names, null when it names nobody. */
  names: Array<string[] | null>;
  /** The pinyin keys of each name, space-separated. */
  keys: Record<string, string>;
}

/** `article-fields.json` (absent values are null). */
interface FieldColumns {
  /** Articles a block. */
  block: number;
  id: string[];
  headline: string[];
  date: Array<string | null>;
  eventDates: Array<string[] | null>;
  meeting: Array<string | null>;
  outlet: Array<string | null>;
  /** Body length in UTF-16 code units (JavaScript string length). */
  bodyLength: number[];
  /** Byte offset of each block in the bodies file, and the file's length last (blocks + 1 numbers). */
  bodyBlockAt: number[];
  /** Byte offset of each block's line in the records file, and the file's length last. */
  recordBlockAt: number[];
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
  };
  if (a.contributors !== undefined) r.contributors = a.contributors;
  if (a.page !== undefined) r.page = a.page;
  return r;
}

/** A segment's articles as the three files, by file name. */
export function serialiseArticles(articles: readonly Article[]): Record<string, Buffer> {
  const cols: FieldColumns = {
    block: BLOCK,
    id: [],
    headline: [],
    date: [],
    eventDates: [],
    meeting: [],
    outlet: [],
    bodyLength: [],
    bodyBlockAt: [],
    recordBlockAt: [],
  };
  const bodies: Buffer[] = [];
  const lines: Buffer[] = [];
  const names = articles.map((a) => {
    const held = articleNames(a);
    return held.length ? held : null;
  });
  // Each distinct name's keys, space-separated ('' for a name with none, so none is worked out at run time).
  const keys = new Map<string, string>();
  for (const list of names) for (const n of list ?? []) if (!keys.has(n)) keys.set(n, nameKeys(n).join(' '));
  let bodyAt = 0;
  let recordAt = 0;
  for (let from = 0; from < articles.length; from += BLOCK) {
    const block = articles.slice(from, from + BLOCK);
    cols.bodyBlockAt.push(bodyAt);
    cols.recordBlockAt.push(recordAt);
    for (const a of block) {
      cols.id.push(a.id);
      cols.headline.push(a.headline);
      cols.date.push(a.date ?? null);
      cols.eventDates.push(a.eventDates?.length ? a.eventDates : null);
      cols.meeting.push(a.meeting ?? null);
      cols.outlet.push(a.outlet ?? null);
      cols.bodyLength.push(a.body.length);
      const body = Buffer.from(a.body, 'utf16le');
      bodies.push(body);
      bodyAt += body.length;
    }
    const line = Buffer.from(`${JSON.stringify(block.map(recordOf))}\n`, 'utf8');
    lines.push(line);
    recordAt += line.length;
  }
  cols.bodyBlockAt.push(bodyAt);
  cols.recordBlockAt.push(recordAt);
  return {
    [ARTICLE_FIELDS_FILE]: Buffer.from(JSON.stringify(cols), 'utf8'),
    [ARTICLE_BODIES_FILE]: Buffer.concat(bodies),
    [ARTICLE_RECORDS_FILE]: Buffer.concat(lines),
    [ARTICLE_NAMES_FILE]: Buffer.from(JSON.stringify({ names, keys: Object.fromEntries(keys) } satisfies NamesFile), 'utf8'),
  };
}

const isStringOrNull = (x: unknown) => x === null || typeof x === 'string';

function increasing(at: unknown, n: number, last: number): boolean {
  if (!Array.isArray(at) || at.length !== n + 1 || at[0] !== 0 || at[n] !== last) return false;
  for (let i = 0; i < n; i++) if (!(at[i + 1] >= at[i])) return false;
  return true;
}

/** Parses and checks `article-fields.json` against the other files' sizes; throws a plain Error naming the first problem. */
function parseFields(data: Buffer, bodyBytes: number, recordBytes: number): FieldColumns {
  let cols: FieldColumns;
  try {
    cols = JSON.parse(data.toString('utf8')) as FieldColumns;
  } catch {
    throw new Error('not valid JSON');
  }
  const n = Array.isArray(cols?.id) ? cols.id.length : -1;
  const columns = ['headline', 'date', 'eventDates', 'meeting', 'outlet', 'bodyLength'] as const;
  if (n < 0 || columns.some((c) => !Array.isArray(cols[c]) || cols[c].length !== n)) {
    throw new Error('its columns are missing or of different lengths');
  }
  if (!Number.isInteger(cols.block) || cols.block <= 0) throw new Error('its block size is missing');
  let chars = 0;
  for (let i = 0; i < n; i++) {
    if (
      typeof cols.id[i] !== 'string' ||
      typeof cols.headline[i] !== 'string' ||
      !isStringOrNull(cols.date[i]) ||
      !isStringOrNull(cols.meeting[i]) ||
      !isStringOrNull(cols.outlet[i]) ||
      !(cols.eventDates[i] === null || Array.isArray(cols.eventDates[i])) ||
      !(Number.isInteger(cols.bodyLength[i]) && cols.bodyLength[i] >= 0)
    ) {
      throw new Error(`article ${i} has bad fields`);
    }
    chars += cols.bodyLength[i];
  }
  const blocks = Math.ceil(n / cols.block);
  if (chars * 2 !== bodyBytes || !increasing(cols.bodyBlockAt, blocks, bodyBytes)) {
    throw new Error(`its bodies do not fit the bodies file (${bodyBytes} bytes)`);
  }
  if (!increasing(cols.recordBlockAt, blocks, recordBytes))
    throw new Error(`its records do not fit the records file (${recordBytes} bytes)`);
  return cols;
}

/**
 * A file read block by block. It stays open for the store's life (a rebuild may remove the folder;
 * the open file still reads) and closes when the store is garbage-collected.
 */
class BlockFile {
  private readonly fd: number;

  constructor(
    readonly file: string,
    private readonly at: readonly number[],
  ) {
    this.fd = openSync(file, 'r');
    closeWhenCollected(this, this.fd);
  }

  read(block: number): Buffer {
    const bytes = this.at[block + 1] - this.at[block];
    const buf = Buffer.allocUnsafe(bytes);
    const n = readSync(this.fd, buf, 0, bytes, this.at[block]);
    if (n !== bytes) throw new Error(`${path.basename(this.file)}: block ${block} is beyond the end of the file`);
    return buf;
  }
}

/** The least recently used entries dropped first once their sizes add up to more than the budget. */
export class RecentBlocks<T> {
  private readonly entries = new Map<string, { value: T; size: number }>();
  private total = 0;

  constructor(private readonly budget: number) {}

  get(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: T, size: number): void {
    this.entries.set(key, { value, size });
    this.total += size;
    for (const [k, e] of this.entries) {
      if (this.total <= this.budget || this.entries.size === 1) break;
      this.entries.delete(k);
      this.total -= e.size;
    }
  }
}

/**
 * The blocks read lately, over every open segment: bodies up to 16 million characters (32 MB; a
 * question reads some 30 articles' bodies, a block each), records up to 16 MB of their JSON. Kept for
 * the index's life, every block a question touched stayed (a block of 64 bodies for one article's):
 * at 1,000,000 articles memory grew with every question, towards the whole 280 MiB of bodies.
 */
const recentBodies = new RecentBlocks<string[]>(16_000_000);
const recentRecords = new RecentBlocks<ArticleRecord[]>(16_000_000);
let nextBlocksId = 0;

/**
 * A segment's article bodies and records, read a block at a time when needed and kept a while
 * (`recentBodies`), and its names file, read whole on first use.
 */
class ArticleBlocks {
  private readonly id = nextBlocksId++;
  private held: { names: ReadonlyArray<readonly string[] | null>; keys: Map<string, string> } | undefined;

  constructor(
    private readonly cols: FieldColumns,
    private readonly bodyFile: BlockFile,
    private readonly recordFile: BlockFile,
    private readonly namesFile: BlockFile,
  ) {}

  /** The bodies of a block, when kept. */
  private keptBodies(block: number): string[] | undefined {
    return recentBodies.get(`${this.id}:${block}`);
  }

  body(i: number): string {
    const block = Math.floor(i / this.cols.block);
    const from = block * this.cols.block;
    let bodies = this.keptBodies(block);
    if (!bodies) {
      // One string for the block; each body is a slice of it (no copy).
      const text = this.bodyFile.read(block).toString('utf16le');
      const to = Math.min(from + this.cols.block, this.cols.id.length);
      bodies = [];
      for (let j = from, at = 0; j < to; j++) {
        const len = this.cols.bodyLength[j];
        bodies.push(text.slice(at, at + len));
        at += len;
      }
      recentBodies.set(`${this.id}:${block}`, bodies, text.length);
    }
    return bodies[i - from];
  }

  /**
   * The body of article `i` for a pass over many articles: from the kept block when it is kept, else
   * sliced from `pass`'s block, which holds only the block the pass is in (read when the pass moves on).
   */
  passingBody(i: number, pass: BodyPass): string {
    const block = Math.floor(i / this.cols.block);
    const from = block * this.cols.block;
    const kept = this.keptBodies(block);
    if (kept) return kept[i - from];
    if (pass.blocks !== this || pass.block !== block) {
      pass.blocks = this;
      pass.block = block;
      pass.text = this.bodyFile.read(block).toString('utf16le');
    }
    let at = 0;
    for (let j = from; j < i; j++) at += this.cols.bodyLength[j];
    return pass.text.slice(at, at + this.cols.bodyLength[i]);
  }

  /** The record of article `i` for a pass over many articles, as `passingBody` reads bodies. */
  passingRecord(i: number, pass: RecordPass): ArticleRecord {
    const block = Math.floor(i / this.cols.block);
    const kept = recentRecords.get(`${this.id}:${block}`);
    let records = kept;
    if (!records) {
      if (pass.blocks !== this || pass.block !== block) {
        pass.blocks = this;
        pass.block = block;
        pass.records = this.readRecords(block).records;
      }
      records = pass.records;
    }
    return this.recordIn(records, i, block);
  }

  record(i: number): ArticleRecord {
    const block = Math.floor(i / this.cols.block);
    const key = `${this.id}:${block}`;
    let records = recentRecords.get(key);
    if (!records) {
      const read = this.readRecords(block);
      records = read.records;
      recentRecords.set(key, records, read.bytes);
    }
    return this.recordIn(records, i, block);
  }

  private readRecords(block: number): { records: ArticleRecord[]; bytes: number } {
    const data = this.recordFile.read(block);
    return { records: JSON.parse(data.toString('utf8')) as ArticleRecord[], bytes: data.length };
  }

  private recordIn(records: ArticleRecord[], i: number, block: number): ArticleRecord {
    const record = records[i - block * this.cols.block];
    if (record === undefined) throw new Error(`${path.basename(this.recordFile.file)}: block ${block} has no record for article ${i}`);
    return record;
  }

  private namesFileContents(): { names: ReadonlyArray<readonly string[] | null>; keys: Map<string, string> } {
    if (!this.held) {
      const file = path.basename(this.namesFile.file);
      let parsed: Partial<NamesFile> | null;
      try {
        parsed = JSON.parse(this.namesFile.read(0).toString('utf8')) as Partial<NamesFile> | null;
      } catch {
        throw new Error(`${file}: not valid JSON`);
      }
      const list = parsed?.names;
      const ok = (x: unknown) => x === null || (Array.isArray(x) && x.every((n) => typeof n === 'string'));
      if (!Array.isArray(list) || list.length !== this.cols.id.length || !list.every(ok)) {
        throw new Error(`${file}: not a list of ${this.cols.id.length} articles' names`);
      }
      const keys = parsed?.keys;
      if (typeof keys !== 'object' || keys === null || !Object.values(keys).every((k) => typeof k === 'string')) {
        throw new Error(`${file}: its names' keys are missing`);
      }
      this.held = { names: list, keys: new Map(Object.entries(keys)) };
    }
    return this.held;
  }

  names(i: number): readonly string[] {
    return this.namesFileContents().names[i] ?? NO_NAMES;
  }

  /** The stored pinyin keys of a name of this segment's articles. */
  nameKeys(name: string): readonly string[] | undefined {
    const keys = this.namesFileContents().keys.get(name);
    return keys === undefined ? undefined : keys ? keys.split(' ') : NO_NAMES;
  }
}

/** The block a pass over many bodies is in (`passingBodies`). */
interface BodyPass {
  blocks?: ArticleBlocks;
  block: number;
  text: string;
}

/** The block a pass over many records is in (`passingRecords`). */
interface RecordPass {
  blocks?: ArticleBlocks;
  block: number;
  records: ArticleRecord[];
}

const NO_NAMES: readonly string[] = [];

/**
 * An article of a loaded index. The fields of `article-fields.json` are its own; the body and the
 * rest are read from their blocks when needed (the blocks read lately are kept). `toJSON` gives the plain article.
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
  /**
   * The number of the article's first chunk in the chunk list of the index that loaded it (set by the
   * load, `chunk-spans.ts`; -1 until then): citations find an article's chunks from it.
   */
  firstChunk = -1;
  #blocks: ArticleBlocks;
  #at: number;

  constructor(cols: FieldColumns, i: number, blocks: ArticleBlocks) {
    this.id = cols.id[i];
    this.headline = cols.headline[i];
    this.bodyLength = cols.bodyLength[i];
    // Optional fields are set only when present, as a parsed article has them.
    const self = this as { -readonly [K in keyof Article]?: Article[K] };
    if (cols.date[i] !== null) self.date = cols.date[i]!;
    if (cols.eventDates[i] !== null) self.eventDates = cols.eventDates[i]!;
    if (cols.meeting[i] !== null) self.meeting = cols.meeting[i]!;
    if (cols.outlet[i] !== null) self.outlet = cols.outlet[i]!;
    this.#blocks = blocks;
    this.#at = i;
  }

  get body(): string {
    return this.#blocks.body(this.#at);
  }
  /** The body for a pass over many articles (see `passingBodies`). */
  passingBody(pass: BodyPass): string {
    return this.#blocks.passingBody(this.#at, pass);
  }
  /** The people and credits for a pass over many articles (see `passingRecords`). */
  passingRecord(pass: RecordPass): ArticleRecord {
    return this.#blocks.passingRecord(this.#at, pass);
  }
  get source(): string {
    return this.#blocks.record(this.#at).source;
  }
  get subtitle(): string {
    return this.#blocks.record(this.#at).subtitle;
  }
  get headlineDerived(): boolean {
    return this.#blocks.record(this.#at).headlineDerived;
  }
  get dateInferred(): boolean {
    return this.#blocks.record(this.#at).dateInferred;
  }
  get reporters(): string[] {
    return this.#blocks.record(this.#at).reporters;
  }
  get photographers(): string[] {
    return this.#blocks.record(this.#at).photographers;
  }
  get contributors(): string[] | undefined {
    return this.#blocks.record(this.#at).contributors;
  }
  get people(): Person[] {
    return this.#blocks.record(this.#at).people;
  }
  get page(): number | undefined {
    return this.#blocks.record(this.#at).page;
  }

  /** `articleNames` of the article, from the names file (its record is not read). */
  storedNames(): readonly string[] {
    return this.#blocks.names(this.#at);
  }

  /** `nameKeys` of a name of this article's segment, as stored (undefined for a name the segment does not hold). */
  storedNameKeys(name: string): readonly string[] | undefined {
    return this.#blocks.nameKeys(name);
  }

  /** The plain article (what was stored). */
  toJSON(): Article {
    const r = this.#blocks.record(this.#at);
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
      body: this.body,
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
 * The articles of a segment: `fieldsData` is `article-fields.json`'s contents, `dir` the segment's
 * folder, `sizes` the byte sizes of its bodies, records and names files (from the manifest). Throws a plain
 * Error naming the first problem of the fields (the other files are checked by checksum at load and
 * read when needed).
 */
export function openArticles(fieldsData: Buffer, dir: string, sizes: { bodies: number; records: number; names: number }): StoredArticle[] {
  const cols = parseFields(fieldsData, sizes.bodies, sizes.records);
  const blocks = new ArticleBlocks(
    cols,
    new BlockFile(path.join(dir, ARTICLE_BODIES_FILE), cols.bodyBlockAt),
    new BlockFile(path.join(dir, ARTICLE_RECORDS_FILE), cols.recordBlockAt),
    // One block, the whole file: opened now, as the others, so a rebuild removing the folder leaves it readable.
    new BlockFile(path.join(dir, ARTICLE_NAMES_FILE), [0, sizes.names]),
  );
  const out: StoredArticle[] = [];
  for (let i = 0; i < cols.id.length; i++) out.push(new StoredArticle(cols, i, blocks));
  return out;
}

/**
 * Stored bodies for one pass over many articles (a scan of every chunk's text): a body not yet read
 * comes from its block, which is kept only while the pass stays in it, so the pass leaves no bodies
 * in memory (reading each the usual way keeps them all: ~280 MiB at 1,000,000 articles). Undefined
 * for an article not of a loaded index (its chunks' texts are in memory already).
 */
export function passingBodies(): (article: Article) => string | undefined {
  const pass: BodyPass = { block: -1, text: '' };
  return (a) => (a instanceof StoredArticle ? a.passingBody(pass) : undefined);
}

/** The people and credits of an article. */
export type ArticleNames = Pick<Article, 'people' | 'reporters' | 'photographers' | 'contributors'>;

/**
 * People and credits for one pass over many articles (every name the reports hold), read as
 * `passingBodies` reads bodies: a stored article's record block is kept only while the pass is in it
 * (keeping every record held ~330 MB at 1,000,000 articles). A plain article is its own.
 */
export function passingRecords(): (article: Article) => ArticleNames {
  const pass: RecordPass = { block: -1, records: [] };
  return (a) => (a instanceof StoredArticle ? a.passingRecord(pass) : a);
}

/** An article's names (`articleNames`), without reading the record of a stored one. */
export function articleNamesOf(a: Article): readonly string[] {
  return a instanceof StoredArticle ? a.storedNames() : articleNames(a);
}

/** The pinyin keys (`nameKeys`) of a name an article holds: stored for a loaded article, worked out for another. */
export function nameKeysOf(a: Article, name: string): readonly string[] {
  return (a instanceof StoredArticle ? a.storedNameKeys(name) : undefined) ?? nameKeys(name);
}

/** The number of a loaded article's first chunk in its index's chunk list, when the load told it. */
export function firstChunkIn(a: Article): number | undefined {
  return a instanceof StoredArticle && a.firstChunk >= 0 ? a.firstChunk : undefined;
}

/** An article's body length, without reading the body of a stored one. */
export function bodyLength(a: Article): number {
  return a instanceof StoredArticle ? a.bodyLength : a.body.length;
}
