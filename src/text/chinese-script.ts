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
