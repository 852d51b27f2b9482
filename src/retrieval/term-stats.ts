/**
 * Document frequencies of search units (src/text/units.ts), for weighting question words inside
 * candidate passages; the IDF keeps common characters from dominating.
 */
import { textUnits, type Unit } from '../text/units.ts';

/** Document frequency by unit; a Map, or a lazy look-up into the index (see corpus-vocabulary.ts). */
export interface DocumentFrequencies {
  get(unit: Unit): number | undefined;
  has(unit: Unit): boolean;
}

export interface TermStats {
  docs: number;
  df: DocumentFrequencies;
}

/** Document frequencies over documents given as texts or as their unit sets. */
export function buildTermStats(docs: Iterable<string | ReadonlySet<Unit>>): TermStats {
  const df = new Map<Unit, number>();
  let n = 0;
  for (const d of docs) {
    n++;
    for (const u of typeof d === 'string' ? textUnits(d) : d) df.set(u, (df.get(u) ?? 0) + 1);
  }
  return { docs: n, df };
}

/** BM25-style IDF, never negative; unseen units get the maximum. */
export function idf(stats: TermStats, unit: Unit): number {
  const n = stats.df.get(unit) ?? 0;
  return Math.log(1 + (stats.docs - n + 0.5) / (n + 0.5));
}
