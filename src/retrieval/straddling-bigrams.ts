/**
 * Character bigrams that straddle two words of a segmented text ("联于" in 苏联/于/何年/解体). In a
 * question they are rare, so their IDF is high, yet they say little about its topic: passage ranking
 * counts them at a discount.
 */
export function straddlingBigrams(words: readonly string[]): Set<string> {
  const inside = new Set<string>();
  const across = new Set<string>();
  let prev = '';
  for (const w of words) {
    const chars = [...w];
    for (let i = 1; i < chars.length; i++) inside.add(chars[i - 1] + chars[i]);
    if (prev && chars.length) across.add(prev + chars[0]);
    prev = chars[chars.length - 1] ?? '';
  }
  for (const b of inside) across.delete(b);
  return across;
}
