/**
 * Paraphrase: a question's words matched by their near-synonyms too (信条 by 座右铭's units, 电影院
 * by 影剧院's), always weighted below the literal words, so a synonym never outranks the question's
 * own wording. See data/lexicon/zh-synonyms.json and scripts/build-synonyms.ts.
 */
import type { Alternative, Concept, QueryUnits } from './query-units.ts';
import { loadSynonyms, type Synonyms } from './question/synonyms.ts';
import { type TermStats } from './term-stats.ts';
import { textUnits, unitKind, type Unit } from '../text/units.ts';

/**
 * A synonym's match counts this share of the literal word's weight (measured: see
 * SYNONYM_WEIGHT's note in the report; 0.5–0.7 tried).
 */
export const SYNONYM_WEIGHT = 0.6;

const HAN_WORD = /^\p{Script=Han}{2,4}$/u;

/** The units a whole word is matched by: its bigrams (a two-character word is one bigram). */
function wordUnits(word: string): Unit[] {
  return [...textUnits(word)].filter((u) => unitKind(u) === 'bigram');
}

export interface Synonym {
  word: string;
  /** The units it is matched by (its bigrams). */
  units: Unit[];
}

/**
 * Near-synonyms of the question's words that the reports use: word → synonyms, each given as the
 * units it is matched by. Synonyms with a unit no report has can never match and are left out.
 */
export function questionSynonyms(words: readonly string[], stats: TermStats, synonyms: Synonyms = loadSynonyms()): Map<string, Synonym[]> {
  const out = new Map<string, Synonym[]>();
  for (const w of new Set(words)) {
    if (!HAN_WORD.test(w)) continue;
    const found: Synonym[] = [];
    for (const s of synonyms.of(w)) {
      const units = wordUnits(s);
      if (units.length && units.every((u) => stats.df.has(u))) found.push({ word: s, units });
    }
    if (found.length) out.set(w, found);
  }
  return out;
}

/**
 * The query with each concept of a question word (its characters and bigrams) also matched by the
 * word's near-synonyms, at `factor` of the concept's weight. A concept's own weight (what it is
 * worth, and the query's total) is unchanged, so coverage stays a share of the question as asked.
 */
export function withSynonyms(
  query: QueryUnits,
  words: readonly string[],
  stats: TermStats,
  factor: number = SYNONYM_WEIGHT,
  synonyms: Synonyms = loadSynonyms(),
): QueryUnits {
  if (factor <= 0) return query;
  const found = questionSynonyms(words, stats, synonyms);
  if (found.size === 0) return query;
  // Unit of the question → the synonyms of the words it belongs to.
  const byUnit = new Map<Unit, Unit[][]>();
  for (const [word, alts] of found) {
    for (const u of textUnits(word)) {
      const list = byUnit.get(u) ?? [];
      list.push(...alts.map((a) => a.units));
      byUnit.set(u, list);
    }
  }
  let changed = false;
  const concepts: Concept[] = query.concepts.map((c) => {
    // Only a question's own single-unit concepts (Chinese questions) take synonyms.
    if (c.alts.length !== 1 || c.alts[0].units.length !== 1) return c;
    const extra = byUnit.get(c.alts[0].units[0]);
    if (!extra) return c;
    changed = true;
    const alts: Alternative[] = [...c.alts, ...extra.map((units) => ({ units, weight: c.weight * factor }))];
    return { ...c, alts };
  });
  return changed ? { concepts, total: query.total } : query;
}
