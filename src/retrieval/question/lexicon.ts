/** The English → Chinese lexicon used to translate English questions (built by scripts/build-lexicon.ts). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../config.ts';

export const LEXICON_FORMAT = 1;
export const MAX_CANDIDATES = 10;
export const DEFAULT_LEXICON_PATH = path.join(PROJECT_ROOT, 'data', 'lexicon', 'en-zh.json');

/** On disk: key (lower-case English word or 2–3-word phrase) → space-separated candidates, best first. */
export interface LexiconFile {
  format: number;
  source: string;
  entries: Record<string, string>;
}

/** In memory: key → simplified Chinese candidates, best first. */
export interface Lexicon {
  lookup(key: string): readonly string[] | undefined;
  /** Single-word keys starting with `prefix`, shortest first (for words the dictionary lacks). */
  keysWithPrefix(prefix: string, limit: number): string[];
  readonly size: number;
}

export function lexiconFromEntries(entries: Record<string, string | readonly string[]>): Lexicon {
  // Candidates stay as stored (a space-separated string) until looked up: splitting 100k entries
  // up front would cost most of the load time for words no question uses.
  const map = new Map<string, string | readonly string[]>(Object.entries(entries));
  let sorted: string[] | undefined;
  const keysWithPrefix = (prefix: string, limit: number): string[] => {
    // Sorted lazily: only questions with unknown words need it.
    sorted ??= [...map.keys()].filter((k) => !k.includes(' ')).sort();
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < sorted.length && sorted[i].startsWith(prefix); i++) out.push(sorted[i]);
    return out.sort((a, b) => a.length - b.length || (a < b ? -1 : 1)).slice(0, limit);
  };
  const lookup = (key: string): readonly string[] | undefined => {
    const v = map.get(key);
    if (typeof v !== 'string') return v;
    const split = v.split(' ');
    map.set(key, split);
    return split;
  };
  return { lookup, keysWithPrefix, size: map.size };
}

const cache = new Map<string, Lexicon>();

/** Loads a lexicon file once per path; later calls return the cached one. */
export function loadLexicon(file: string = DEFAULT_LEXICON_PATH): Lexicon {
  const resolved = path.resolve(file);
  const cached = cache.get(resolved);
  if (cached) return cached;
  const parsed = JSON.parse(readFileSync(resolved, 'utf8')) as LexiconFile;
  if (parsed.format !== LEXICON_FORMAT || typeof parsed.entries !== 'object') {
    throw new Error(`${resolved}: not an en-zh lexicon of format ${LEXICON_FORMAT}; rebuild with npm run lexicon:build`);
  }
  const lexicon = lexiconFromEntries(parsed.entries);
  cache.set(resolved, lexicon);
  return lexicon;
}
