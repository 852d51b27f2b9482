/**
 * Between the two Chinese scripts with opencc-js: traditional → simplified for the search form, and
 * simplified → traditional character by character for rule tables, which list their words once in
 * simplified form and match traditional reports through the derived forms.
 */
import * as OpenCC from 'opencc-js';

// Building a converter costs ~20 ms (t2s) to ~500 ms (the full s2t phrase tries); each is built once, on first use.
let t2s: ((text: string) => string) | undefined;
let s2tChars: ((text: string) => string) | undefined;

/**
 * Taiwan-variant traditional → mainland simplified, repeated until nothing changes: one pass maps
 * "顯著" to "显著" (a phrase rule) but a second maps that to "显着" (the character rule), so only
 * the fixed point makes the form idempotent — questions are normalised by retrieval and again by
 * the analyser, and must land where the index text did.
 */
export function toSimplified(text: string): string {
  const convert = (t2s ??= OpenCC.Converter({ from: 'tw', to: 'cn' }));
  let out = text;
  for (let pass = 0; pass < 4; pass++) {
    const next = convert(out);
    if (next === out) break;
    out = next;
  }
  return out;
}

/** A dictionary of opencc-js's presets whose entries map single characters (its phrase dictionaries map words). */
function isCharacterDictionary(dict: unknown): boolean {
  return typeof dict === 'string' && [...dict.slice(0, dict.indexOf(' '))].length === 1;
}

/**
 * Mainland simplified → traditional (Taiwan variant, the form the traditional corpora print), one
 * character at a time: only the character dictionaries of the cn → tw presets are loaded (the phrase
 * tries, which never apply to a single character, cost ~0.5 s at start-up).
 */
function traditionalChar(ch: string): string {
  const characters = (groups: readonly OpenCC.DictGroup[] | undefined) =>
    (groups ?? []).map((group) => group.filter(isCharacterDictionary));
  const convert = (s2tChars ??= OpenCC.ConverterFactory(characters(OpenCC.Locale.from.cn), characters(OpenCC.Locale.to.tw)));
  const t = convert(ch);
  return [...t].length === 1 ? t : ch;
}

/** A simplified word with every character in its traditional form, character by character: 汇报 → 匯報. */
export function traditionalByChar(word: string): string {
  return [...word].map(traditionalChar).join('');
}

/** The simplified word, then its traditional form when that differs: 讲话 → [讲话, 講話]; 主持 → [主持]. */
export function bothForms(word: string): string[] {
  const t = traditionalByChar(word);
  return t === word ? [word] : [word, t];
}

/**
 * A regular-expression source written in simplified form that also matches the traditional form:
 * each character with a different traditional form becomes a class of both (讲话 → [讲講][话話]),
 * or joins the class it stands in ([工写] → [工写寫]).
 */
export function bothScriptsPattern(source: string): string {
  let out = '';
  let inClass = false;
  const chars = [...source];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === '\\') {
      out += c + (chars[++i] ?? '');
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    const t = /\p{Script=Han}/u.test(c) ? traditionalChar(c) : c;
    out += t === c ? c : inClass ? c + t : `[${c}${t}]`;
  }
  return out;
}
