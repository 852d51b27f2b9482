/**
 * What a question looks for in a passage, as weighted concepts. A Chinese question's concepts are
 * its content characters, bigrams and words (question words removed), one unit each; an English
 * question's concepts are its words, each matched by any one of its Chinese translations. Weights
 * are IDF over the articles, so rare words count most.
 */
import { idf, textUnits, type TermStats } from './term-stats.ts';

/** Question words and particles: they say what is asked, never what the passage contains. */
const QUESTION_WORDS =
  /什么时候|什么样|什么|为什么|为何|哪一年|哪一天|哪一个|哪一位|哪一|哪些|哪个|哪里|哪儿|哪位|哪|谁|多少|几|怎么样|怎样|怎么|如何|是否|吗|呢|请问|[？?！!。，,、；;：:“”"'‘’（）()《》「」]/g;

/** The question without its question words and punctuation (what a passage could contain). */
export function contentText(text: string): string {
  return text.replace(QUESTION_WORDS, ' ').replace(/\s+/g, ' ').trim();
}

/** Single characters too common to count on their own (bigrams containing them still count). */
const STOP_CHARS = new Set('的是了在有和与及被把对为于中上也都就这那其之而或个年月日'.split(''));

/** Relative weights: a matched bigram says much more than a lone character. */
const UNIT_WEIGHT = { '1': 0.35, '2': 1, w: 1.2 } as const;

/** One way to match a concept: all `units` present. */
export interface Alternative {
  units: string[];
  weight: number;
}

export interface Concept {
  alts: Alternative[];
  /** The best alternative's weight: what the concept is worth when matched. */
  weight: number;
}

export interface QueryUnits {
  concepts: Concept[];
  total: number;
}

function unitWeight(unit: string, stats: TermStats): number {
  const kind = unit.slice(0, unit.indexOf(':')) as keyof typeof UNIT_WEIGHT;
  return UNIT_WEIGHT[kind] * idf(stats, unit);
}

function finish(concepts: Concept[]): QueryUnits {
  let total = 0;
  for (const c of concepts) total += c.weight;
  return { concepts, total };
}

/** A Chinese (or mixed) question in search form: one concept per content unit. */
export function chineseQueryUnits(text: string, stats: TermStats): QueryUnits {
  const concepts: Concept[] = [];
  for (const u of textUnits(text.replace(QUESTION_WORDS, ' '))) {
    if (u.startsWith('1:') && STOP_CHARS.has(u.slice(2))) continue;
    // Latin words absent from the corpus (English function words) can never match; skip them.
    if (u.startsWith('w:') && !stats.df.has(u)) continue;
    const weight = unitWeight(u, stats);
    concepts.push({ alts: [{ units: [u], weight }], weight });
  }
  return finish(concepts);
}

/**
 * An English question: one concept per translated word (any candidate matches it), plus kept
 * numbers and names. Candidates absent from the corpus are dropped: they can never match.
 */
export function translatedQueryUnits(
  groups: ReadonlyArray<{ candidates: readonly string[] }>,
  kept: readonly string[],
  stats: TermStats,
): QueryUnits {
  const concepts: Concept[] = [];
  for (const g of groups) {
    const alts: Alternative[] = [];
    for (const cand of g.candidates) {
      const units = [...textUnits(cand)].filter((u) => (cand.length === 1 ? u.startsWith('1:') : !u.startsWith('1:')));
      if (units.length === 0 || units.some((u) => !stats.df.has(u))) continue;
      // A whole word's weight: its rarest unit, scaled like a bigram (single characters count less).
      const weight = Math.max(...units.map((u) => unitWeight(u, stats))) * (cand.length === 1 ? 0.6 : 1);
      alts.push({ units, weight });
    }
    if (alts.length) concepts.push({ alts, weight: Math.max(...alts.map((a) => a.weight)) });
  }
  for (const k of kept) {
    for (const u of textUnits(k.toLowerCase())) {
      // Kept Latin words only count when the corpus prints them (names, numbers).
      if (u.startsWith('1:') || !stats.df.has(u)) continue;
      const weight = unitWeight(u, stats);
      concepts.push({ alts: [{ units: [u], weight }], weight });
    }
  }
  return finish(concepts);
}

/**
 * "What did X say?": reports quote officials with 指出 / 强调 / 要求…, rarely with 说 or 讲. For
 * ranking passages, such a question gains one concept matched by any verb of saying. Only ranking:
 * coverage for abstention keeps the question as asked, so a question about someone the reports
 * never quote does not look answered because some passage quotes someone else.
 */
const SAYING_QUESTION = /[说讲]了?些?什么|怎么[说讲]|[说讲]了?哪些/;
const SAYING_VERBS = ['指出', '强调', '要求', '表示', '提出', '认为'];

export function withSayingConcept(query: QueryUnits, question: string, stats: TermStats): QueryUnits {
  if (!SAYING_QUESTION.test(question)) return query;
  const alts: Alternative[] = [];
  for (const verb of SAYING_VERBS) {
    const unit = `2:${verb}`;
    if (stats.df.has(unit)) alts.push({ units: [unit], weight: unitWeight(unit, stats) });
  }
  if (!alts.length) return query;
  return finish([...query.concepts, { alts, weight: Math.max(...alts.map((a) => a.weight)) }]);
}

/** The summed weight of the concepts matched by `units` (each by its best present alternative). */
export function matchedWeight(query: QueryUnits, units: ReadonlySet<string>): number {
  let sum = 0;
  for (const c of query.concepts) {
    let best = 0;
    for (const a of c.alts) if (a.weight > best && a.units.every((u) => units.has(u))) best = a.weight;
    sum += best;
  }
  return sum;
}

/** How many of the question's concepts `units` match (each concept counted once, unweighted). */
export function matchedConcepts(query: QueryUnits, units: ReadonlySet<string>): number {
  let n = 0;
  for (const c of query.concepts) if (c.alts.some((a) => a.units.every((u) => units.has(u)))) n++;
  return n;
}

/** Scales each concept's alternatives by `factor(concept)` (used for per-article re-weighting). */
export function rescale(query: QueryUnits, factor: (c: Concept) => number): QueryUnits {
  const concepts = query.concepts.map((c) => {
    const f = factor(c);
    return { alts: c.alts.map((a) => ({ units: a.units, weight: a.weight * f })), weight: c.weight * f };
  });
  return { concepts, total: query.total };
}
