/**
 * People named in pinyin in an English question (`Zhao Junling`, `Junling Zhao`, `zhao jun-ling`,
 * `Zhu Long`) matched against the Chinese names the index holds (the people and bylines extracted at
 * index time), so translation can search for 赵峻岭 and 朱龙. Toneless pinyin from `pinyin-pro`, every
 * reading of a polyphonic character, either name order, spaces and hyphens ignored.
 */
import { createRequire } from 'node:module';
import type * as PinyinPro from 'pinyin-pro';
import { articleNames, type NamedArticle } from '../../corpus/article-names.ts';
import { toSearchForm } from '../../text/search-form.ts';
import { ENGLISH_STOP_WORDS } from './english-words.ts';

const require = createRequire(import.meta.url);
let pinyinPro: typeof PinyinPro | undefined;
/**
 * pinyin-pro's `pinyin`, required on first use rather than imported: the package builds its
 * dictionaries when loaded (~45 ms of CPU, measured), which every start paid; only an English
 * question naming someone needs it.
 */
const pinyin: typeof PinyinPro.pinyin = ((text: string, options?: object) =>
  (pinyinPro ??= require('pinyin-pro') as typeof PinyinPro).pinyin(text, options as never)) as typeof PinyinPro.pinyin;

/** Toneless pinyin key (letters only) → the Chinese names that read so. */
export type PinyinNameIndex = ReadonlyMap<string, readonly string[]>;

/** A name of two to four Han characters (the extracted people and bylines). */
const HAN_NAME = /^\p{Script=Han}{2,4}$/u;
/** At most this many readings per name (polyphonic characters multiply them). */
const MAX_READINGS = 16;

function syllables(ch: string): string[] {
  const all = pinyin(ch, { toneType: 'none', type: 'array', multiple: true }) as string[];
  const out = all.map((s) => s.replace(/ü/g, 'u').replace(/[^a-z]/g, '')).filter(Boolean);
  return out.length ? [...new Set(out)] : [];
}

/** Every toneless reading of a name, syllable by syllable: 朱龙 → [['zhu', 'long']]. */
function readings(name: string): string[][] {
  const simplified = toSearchForm(name);
  // The surname reading first (单 shan, not dan), then every reading of each character.
  const head = (pinyin(simplified, { toneType: 'none', type: 'array', surname: 'head' }) as string[]).map((s) => s.replace(/ü/g, 'u'));
  let combos: string[][] = [[]];
  [...simplified].forEach((ch, i) => {
    const options = [...new Set([head[i], ...syllables(ch)].filter((s): s is string => !!s && /^[a-z]+$/.test(s)))];
    const next: string[][] = [];
    for (const c of combos) for (const o of options) if (next.length < MAX_READINGS) next.push([...c, o]);
    combos = next;
  });
  return combos.filter((c) => c.length === [...simplified].length);
}

/** The surnames of two characters (欧阳, 司马 …), whose given name starts at the third character. */
const COMPOUND_SURNAME =
  /^(?:欧阳|司马|上官|诸葛|东方|皇甫|尉迟|公孙|慕容|长孙|宇文|司徒|夏侯|轩辕|令狐|端木|百里|呼延|南宫|歐陽|司馬|諸葛|東方|尉遲|長孫|軒轅)/;

/**
 * Every name the reports hold: the people named in them and their bylines, each once, in article
 * order. `namesOf` gives an article's names (a stored article's are read from its index, not its record).
 */
export function reportNames<T extends NamedArticle>(articles: Iterable<T>, namesOf: (a: T) => readonly string[] = articleNames): string[] {
  const out = new Set<string>();
  for (const a of articles) for (const n of namesOf(a)) out.add(n);
  return [...out];
}

/** Builds the index from the names the reports hold (people, reporters, photographers, contributors). */
export function pinyinNameIndex(names: Iterable<string>): PinyinNameIndex {
  const index = new Map<string, string[]>();
  const add = (key: string, name: string) => {
    const list = index.get(key);
    if (!list) index.set(key, [name]);
    else if (!list.includes(name)) list.push(name);
  };
  for (const name of new Set(names)) {
    if (!HAN_NAME.test(name)) continue;
    const surnameLength = COMPOUND_SURNAME.test(name) && name.length > 2 ? 2 : 1;
    for (const r of readings(name)) {
      const surname = r.slice(0, surnameLength).join('');
      const given = r.slice(surnameLength).join('');
      add(surname + given, name);
      // Western order: Junling Zhao.
      add(given + surname, name);
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
