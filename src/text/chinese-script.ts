/**
 * Between the two Chinese scripts with opencc-js: traditional → simplified for the search form, and
 * simplified → traditional for rule tables, which list their words once in simplified form and match
 * traditional reports through the derived forms.
 */
import * as OpenCC from 'opencc-js';

// Building a converter costs ~20 ms (dictionary tries); each is built once, on first use.
let t2s: ((text: string) => string) | undefined;
let s2t: ((text: string) => string) | undefined;

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

/** Mainland simplified → traditional (Taiwan variant, the form the traditional corpora print). */
export function toTraditional(text: string): string {
  return (s2t ??= OpenCC.Converter({ from: 'cn', to: 'tw' }))(text);
}

/** Each character's traditional form on its own (汇 → 匯), so a word's forms never depend on phrase rules. */
function traditionalChar(ch: string): string {
  const t = toTraditional(ch);
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
