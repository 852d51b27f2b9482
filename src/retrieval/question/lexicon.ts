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

/** First position whose line is not below `text` (lines sorted by code units). */
function lowerBound(lines: readonly string[], text: string): number {
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lines[mid] < text) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A lexicon over `key<TAB>candidates` lines sorted by code units. A tab sorts below every character a
 * key holds, so the lines sort as their keys do: `meet<TAB>…` before `meeting<TAB>…`. Candidates are
 * split on first look-up (splitting 100k entries up front would cost most of the load for words no
 * question uses).
 */
function sortedLexicon(lines: readonly string[]): Lexicon {
  const split = new Map<number, readonly string[]>();
  const lookup = (key: string): readonly string[] | undefined => {
    const at = lowerBound(lines, `${key}\t`);
    const line = lines[at];
    if (line === undefined || !line.startsWith(`${key}\t`)) return undefined;
    let candidates = split.get(at);
    if (!candidates) split.set(at, (candidates = line.slice(key.length + 1).split(' ')));
    return candidates;
  };
  const keysWithPrefix = (prefix: string, limit: number): string[] => {
    const out: string[] = [];
    for (let i = lowerBound(lines, prefix); i < lines.length && lines[i].startsWith(prefix); i++) {
      const key = lines[i].slice(0, lines[i].indexOf('\t'));
      if (key.startsWith(prefix) && !key.includes(' ')) out.push(key);
    }
    return out.sort((a, b) => a.length - b.length || byCodeUnits(a, b)).slice(0, limit);
  };
  return { lookup, keysWithPrefix, size: lines.length };
}

export function lexiconFromEntries(entries: Record<string, string | readonly string[]>): Lexicon {
  const keys = Object.keys(entries).sort(byCodeUnits);
  return sortedLexicon(
    keys.map((k) => {
      const v = entries[k];
      return `${k}\t${typeof v === 'string' ? v : v.join(' ')}`;
    }),
  );
}

/** Parses the file's text; throws a plain Error naming the first problem. */
export function parseLexicon(text: string): Lexicon {
  if (!text.startsWith(HEADER)) throw new Error(`not an en-zh lexicon of format ${LEXICON_FORMAT}`);
  const lines = text.split('\n');
  lines.shift();
  if (lines[lines.length - 1] === '') lines.pop();
  for (let i = 0; i < lines.length; i++) {
    const tab = lines[i].indexOf('\t');
    // Line numbers count the header.
    if (tab <= 0) throw new Error(`line ${i + 2} has no key and tab`);
    if (i > 0 && !(lines[i - 1] < lines[i])) throw new Error(`line ${i + 2}: keys are not sorted`);
  }
  return sortedLexicon(lines);
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
