/**
 * The English → Chinese lexicon used to translate English questions (built by scripts/build-lexicon.ts).
 *
 * On disk (`data/lexicon/en-zh.tsv`): a header line, then one `key<TAB>candidates` line a key, sorted
 * by key (code unit order). Loading reads the text and cuts it into lines, nothing more: keys are
 * found by binary search over the sorted lines. The former JSON object of 102,474 keys cost ~150 ms
 * of CPU to parse and turn into a Map on the first English question (or the bot's warm-up); this
 * form ~25 ms (measured in README, "Start-up").
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../config.ts';

export const LEXICON_FORMAT = 2;
export const MAX_CANDIDATES = 10;
export const DEFAULT_LEXICON_PATH = path.join(PROJECT_ROOT, 'data', 'lexicon', 'en-zh.tsv');

/** The file's first line, up to the source that follows it. */
const HEADER = `# en-zh lexicon, format ${LEXICON_FORMAT}; key<TAB>candidates (space-separated, best first), sorted by key; source: `;

/** In memory: key → simplified Chinese candidates, best first. */
export interface Lexicon {
  lookup(key: string): readonly string[] | undefined;
  /** Single-word keys starting with `prefix`, shortest first (for words the dictionary lacks). */
  keysWithPrefix(prefix: string, limit: number): string[];
  readonly size: number;
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The file's text: key (lower-case English word or 2–3-word phrase) → space-separated candidates, best first. */
export function formatLexicon(entries: Record<string, string>, source: string): string {
  const keys = Object.keys(entries).sort(byCodeUnits);
  return `${HEADER}${source}\n${keys.map((k) => `${k}\t${entries[k]}\n`).join('')}`;
}

/** First position whose key is not below `key` (keys sorted by code units). */
function lowerBound(keys: readonly string[], key: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A lexicon over keys sorted by code units and their candidates (a space-separated string, split when first looked up). */
function sortedLexicon(keys: readonly string[], values: Array<string | readonly string[]>): Lexicon {
  const lookup = (key: string): readonly string[] | undefined => {
    const at = lowerBound(keys, key);
    if (keys[at] !== key) return undefined;
    const v = values[at];
    if (typeof v !== 'string') return v;
    // Split on first use: splitting 100k entries up front would cost most of the load for words no question uses.
    const split = v.split(' ');
    values[at] = split;
    return split;
  };
  const keysWithPrefix = (prefix: string, limit: number): string[] => {
    const out: string[] = [];
    for (let i = lowerBound(keys, prefix); i < keys.length && keys[i].startsWith(prefix); i++)
      if (!keys[i].includes(' ')) out.push(keys[i]);
    return out.sort((a, b) => a.length - b.length || byCodeUnits(a, b)).slice(0, limit);
  };
  return { lookup, keysWithPrefix, size: keys.length };
}

export function lexiconFromEntries(entries: Record<string, string | readonly string[]>): Lexicon {
  const keys = Object.keys(entries).sort(byCodeUnits);
  return sortedLexicon(
    keys,
    keys.map((k) => entries[k]),
  );
}

/** Parses the file's text; throws a plain Error naming the first problem. */
export function parseLexicon(text: string): Lexicon {
  const headerEnd = text.indexOf('\n');
  if (headerEnd < 0 || !text.startsWith(HEADER)) throw new Error(`not an en-zh lexicon of format ${LEXICON_FORMAT}`);
  const keys: string[] = [];
  const values: string[] = [];
  for (let at = headerEnd + 1, line = 2; at < text.length; line++) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const tab = text.indexOf('\t', at);
    if (tab < 0 || tab >= end) throw new Error(`line ${line} has no tab`);
    const key = text.slice(at, tab);
    if (keys.length && !(keys[keys.length - 1] < key)) throw new Error(`line ${line}: keys are not sorted`);
    keys.push(key);
    values.push(text.slice(tab + 1, end));
    at = end + 1;
  }
  return sortedLexicon(keys, values);
}

const cache = new Map<string, Lexicon>();

/** Loads a lexicon file once per path; later calls return the cached one. */
export function loadLexicon(file: string = DEFAULT_LEXICON_PATH): Lexicon {
  const resolved = path.resolve(file);
  const cached = cache.get(resolved);
  if (cached) return cached;
  let lexicon: Lexicon;
  try {
    lexicon = parseLexicon(readFileSync(resolved, 'utf8'));
  } catch (err) {
    throw new Error(`${resolved}: ${(err as Error).message}; rebuild with npm run lexicon:build`);
  }
  cache.set(resolved, lexicon);
  return lexicon;
}
