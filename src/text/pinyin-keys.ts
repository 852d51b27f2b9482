/**
 * The toneless pinyin keys a Chinese name is read by: every reading of a polyphonic character (the
 * surname reading first: 单 shan, not dan), either name order, letters only (`朱龙` → zhulong,
 * longzhu). English questions that name someone in pinyin are matched against them
 * (retrieval/question/pinyin-names.ts); an index stores the keys of its names, worked out when it is
 * built (index/article-store.ts), so answering never loads pinyin-pro for them.
 */
import { createRequire } from 'node:module';
import type * as PinyinPro from 'pinyin-pro';
import { toSearchForm } from './search-form.ts';

const require = createRequire(import.meta.url);
let pinyinPro: typeof PinyinPro | undefined;
/**
 * pinyin-pro's `pinyin`, required on first use rather than imported: the package builds its
 * dictionaries when loaded (~45 ms of CPU, measured), which every start paid; only an English
 * question naming someone needs it.
 */
const pinyin: typeof PinyinPro.pinyin = ((text: string, options?: object) =>
  (pinyinPro ??= require('pinyin-pro') as typeof PinyinPro).pinyin(text, options as never)) as typeof PinyinPro.pinyin;

/** A name of two to four Han characters (the extracted people and bylines). */
const HAN_NAME = /^\p{Script=Han}{2,4}$/u;
/** At most this many readings per name (polyphonic characters multiply them). */
const MAX_READINGS = 16;

/** Each character's readings, kept: an index's names (people and the places headlines name) share their characters. */
const charSyllables = new Map<string, string[]>();

function syllables(ch: string): string[] {
  const kept = charSyllables.get(ch);
  if (kept) return kept;
  const all = pinyin(ch, { toneType: 'none', type: 'array', multiple: true }) as string[];
  const out = all.map((s) => s.replace(/ü/g, 'u').replace(/[^a-z]/g, '')).filter(Boolean);
  const readings = out.length ? [...new Set(out)] : [];
  charSyllables.set(ch, readings);
  return readings;
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
 * The keys of a name of two to four Han characters, surname then given name and given name then
 * surname for each reading (at most 16 readings); none for any other name.
 */
export function nameKeys(name: string): string[] {
  if (!HAN_NAME.test(name)) return [];
  const surnameLength = COMPOUND_SURNAME.test(name) && name.length > 2 ? 2 : 1;
  const keys: string[] = [];
  for (const r of readings(name)) {
    const surname = r.slice(0, surnameLength).join('');
    const given = r.slice(surnameLength).join('');
    keys.push(surname + given);
    // Western order: Junling Zhao.
    keys.push(given + surname);
  }
  return keys;
}
