/**
 * Latin letters and digits in a segmenter's words, cut as cppjieba (nodejieba) cuts them in search
 * mode: a letter then letters and digits (`gdp`, `iphone15`), or a digit then digits and points
 * (`2021`, `8.1`). jieba-rs keeps other runs whole (`2026-01`, `8.1%`, `5th`, `skdo_0228`) and its
 * dictionary has words mixing Latin and Han (`4s店`); cut this way, its Latin and number terms are
 * the ones indexes have always held.
 */
const LATIN_OR_NUMBER = /[a-z][a-z0-9]*|[0-9][0-9.]*/gi;
const HAS_LATIN_OR_DIGIT = /[a-z0-9]/i;

/** Each word with its Latin and digit runs cut out; the pieces of a word concatenate to it. */
export function cutLatin(words: readonly string[]): string[] {
  const out: string[] = [];
  for (const word of words) {
    if (!HAS_LATIN_OR_DIGIT.test(word)) {
      out.push(word);
      continue;
    }
    let at = 0;
    for (const m of word.matchAll(LATIN_OR_NUMBER)) {
      if (m.index > at) out.push(word.slice(at, m.index));
      out.push(m[0]);
      at = m.index + m[0].length;
    }
    if (at < word.length) out.push(word.slice(at));
  }
  return out;
}
