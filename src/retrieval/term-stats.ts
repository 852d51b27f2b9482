/**
 * Character n-gram units and their document frequencies, for weighting question words inside
 * candidate passages. Character units need no segmentation, so a word jieba splits differently in
 * the question and in the text still matches; the IDF keeps common characters from dominating.
 */

/** Text already in search form (simplified, NFKC, lower-case) is expected. */
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const WORD = /[a-z0-9][a-z0-9.\-']*/g;

/** Document frequency by unit; a Map, or a lazy look-up into the index (see corpus-vocabulary.ts). */
export interface DocumentFrequencies {
  get(unit: string): number | undefined;
  has(unit: string): boolean;
}

export interface TermStats {
  docs: number;
  df: DocumentFrequencies;
}

/** Units of a text: CJK characters (prefixed "1:"), CJK bigrams ("2:") and Latin/digit words ("w:"). */
export function textUnits(text: string): Set<string> {
  const units = new Set<string>();
  let prev = '';
  for (const ch of text) {
    if (CJK.test(ch)) {
      units.add('1:' + ch);
      if (prev) units.add('2:' + prev + ch);
      prev = ch;
    } else {
      prev = '';
    }
  }
  for (const m of text.matchAll(WORD)) units.add('w:' + m[0].replace(/[.\-']+$/, ''));
  return units;
}

/** Document frequencies over documents given as texts or as their unit sets. */
export function buildTermStats(docs: Iterable<string | ReadonlySet<string>>): TermStats {
  const df = new Map<string, number>();
  let n = 0;
  for (const d of docs) {
    n++;
    for (const u of typeof d === 'string' ? textUnits(d) : d) df.set(u, (df.get(u) ?? 0) + 1);
  }
  return { docs: n, df };
}

/** BM25-style IDF, never negative; unseen units get the maximum. */
export function idf(stats: TermStats, unit: string): number {
  const n = stats.df.get(unit) ?? 0;
  return Math.log(1 + (stats.docs - n + 0.5) / (n + 0.5));
}
