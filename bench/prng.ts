/** A small seeded PRNG (mulberry32): the generated corpora and query samples must be identical run to run. */
export type Random = () => number;

export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [0, n). */
export function randomInt(random: Random, n: number): number {
  return Math.floor(random() * n);
}

/** A deterministic sample of k items without replacement (partial Fisher–Yates on a copy). */
export function sample<T>(items: readonly T[], k: number, random: Random): T[] {
  const copy = items.slice();
  const m = Math.min(k, copy.length);
  for (let i = 0; i < m; i++) {
    const j = i + randomInt(random, copy.length - i);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, m);
}
