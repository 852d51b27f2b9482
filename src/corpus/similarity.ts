/** Character-bigram overlap, the measure that matches a printed headline to its article. */

/** Bigrams of the text's letters, digits and Han characters (punctuation and spaces dropped). */
export function bigrams(text: string): Set<string> {
  const chars = [...text.replace(/[^\p{L}\p{N}]/gu, '')];
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i] + chars[i + 1]);
  return out;
}

/** Share of the headline's bigrams found in the text: 1 when every pair of the headline is printed there. */
export function containment(headline: Set<string>, text: Set<string>): number {
  if (headline.size === 0) return 0;
  let hit = 0;
  for (const b of headline) if (text.has(b)) hit++;
  return hit / headline.size;
}
