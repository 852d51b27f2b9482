/**
 * People named in pinyin in an English question (`Zhao Junling`, `Junling Zhao`, `zhao jun-ling`,
 * `Zhu Long`) matched against the Chinese names the index holds (the people and bylines extracted at
 * index time), so translation can search for 赵峻岭 and 朱龙. Toneless pinyin from `pinyin-pro`, every
 * reading of a polyphonic character, either name order, spaces and hyphens ignored.
 */
import { articleNames, type NamedArticle } from '../../corpus/article-names.ts';
import { nameKeys } from '../../text/pinyin-keys.ts';
import { ENGLISH_STOP_WORDS } from './english-words.ts';

/** Toneless pinyin key (letters only) → the Chinese names that read so. */
export type PinyinNameIndex = ReadonlyMap<string, readonly string[]>;

/**
 * Every name the reports hold: the people named in them and their bylines, each once, in article
 * order. `namesOf` gives an article's names (a stored article's are read from its index, not its record).
 */
export function reportNames<T extends NamedArticle>(articles: Iterable<T>, namesOf: (a: T) => readonly string[] = articleNames): string[] {
  const out = new Set<string>();
  for (const a of articles) for (const n of namesOf(a)) out.add(n);
  return [...out];
}

/**
 * Builds the index from the names the reports hold (people, reporters, photographers, contributors).
 * `keysOf` gives a name's keys (`nameKeys`; a loaded index stores them, worked out at build time).
 */
export function pinyinNameIndex(names: Iterable<string>, keysOf: (name: string) => readonly string[] = nameKeys): PinyinNameIndex {
  const index = new Map<string, string[]>();
  for (const name of new Set(names)) {
    for (const key of keysOf(name)) {
      const list = index.get(key);
      if (!list) index.set(key, [name]);
      else if (!list.includes(name)) list.push(name);
    }
  }
  return index;
}

/** English words that also spell pinyin syllables and start a sentence or title: never a name alone. */
const NOT_NAME = new Set([
  'who',
  'what',
  'when',
  'where',
  'which',
  'how',
  'the',
  'a',
  'an',
  'in',
  'on',
  'at',
  'of',
  'to',
  'and',
  'or',
  'is',
  'was',
  'did',
  'he',
  'she',
  'ma',
  'long',
  'can',
  'man',
  'her',
  'hen',
  'pan',
  'fan',
  'ban',
  'men',
  'die',
  'lie',
  'tie',
  'pie',
  'sue',
  'yang',
  'ping',
  'bang',
  'gang',
  'hang',
  'sang',
  'tang',
  'wang',
  'dang',
  'rang',
  'zen',
  'den',
  'ken',
  'ten',
  'pen',
  'ben',
  'gen',
  'chin',
  'shin',
  'sin',
  'tin',
  'pin',
  'bin',
  'din',
  'fin',
  'kin',
  'lin',
  'min',
  'win',
  'jin',
  'qin',
  'xin',
  'yin',
  'zhen',
  'chen',
  'shen',
]);

/**
 * The Chinese names an English question names in pinyin: runs of one to four capitalised words
 * (hyphenated parts count as words) whose letters read as a name in the index, longest run first.
 */
export function matchPinyinNames(question: string, index: PinyinNameIndex): Array<{ english: string; names: string[] }> {
  if (!index.size) return [];
  const words = [...question.matchAll(/[A-Za-z]+/g)].map((m) => ({ raw: m[0], start: m.index!, end: m.index! + m[0].length }));
  const out: Array<{ english: string; names: string[] }> = [];
  for (let i = 0; i < words.length;) {
    let matched = 0;
    for (let n = Math.min(4, words.length - i); n >= 1 && !matched; n--) {
      const run = words.slice(i, i + n);
      // A name's words are joined only by spaces or hyphens. Capitalised, a single word may be a name
      // (Zhulong); in lower case only two or more words that are no English words (zhu long, not how long).
      if (run.some((w, k) => k > 0 && !/^[\s-]+$/.test(question.slice(run[k - 1].end, w.start)))) continue;
      const capitalised =
        /^[A-Z]/.test(run[0].raw) &&
        run.every((w, k) => k === 0 || /^[A-Z]/.test(w.raw) || /-$/.test(question.slice(run[k - 1].end, w.start)));
      if (!capitalised && (n === 1 || run.some((w) => ENGLISH_STOP_WORDS.has(w.raw.toLowerCase())))) continue;
      if (n === 1 && NOT_NAME.has(run[0].raw.toLowerCase())) continue;
      const key = run.map((w) => w.raw.toLowerCase().replace(/v/g, 'u')).join('');
      const names = index.get(key);
      if (names) {
        out.push({ english: question.slice(run[0].start, run[n - 1].end), names: [...names] });
        matched = n;
      }
    }
    i += matched || 1;
  }
  return out;
}

/**
 * The candidate articles that print one of the names an English question names in pinyin, in their
 * order; all of them when none does (the name may be a false reading). A name is the most precise
 * term an English question has, and translated words around it match other reports as well.
 */
export function articlesNaming<T extends { article: { body: string; headline: string } }>(
  candidates: readonly T[],
  names: readonly string[],
): T[] {
  if (!names.length) return [...candidates];
  const naming = candidates.filter((c) => names.some((n) => c.article.body.includes(n) || c.article.headline.includes(n)));
  return naming.length ? naming : [...candidates];
}
