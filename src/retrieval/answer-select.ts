/**
 * Choosing the answer: score the passages of the best-retrieved articles by how much of the
 * question they cover (IDF-weighted units), how much their neighbours cover (the answer often sits
 * next to the words that match the question), answer-type cues, and the article's retrieval rank;
 * then cut the short answer out of the winning passage.
 */
import { cueMatches, cueScore, type AnswerType } from './answer-cues.ts';
import type { Passage } from './passages.ts';
import { matchedWeight, rescale, type QueryUnits } from './query-units.ts';
import type { Unit, UnitLookup } from '../text/units.ts';

export interface CandidateArticle {
  articleId: string;
  passages: readonly Passage[];
  /** 0–1, from the article's place in the fused retrieval list (1 = first). */
  retrievalScore: number;
  /** People named in the article, for person cues. */
  people: readonly string[];
  /** Units of the headline: context for every passage (the subject a passage leaves implicit). */
  headlineUnits?: ReadonlySet<Unit>;
  /** Retrieved chunks of the article with their fused score relative to the best hit (0–1). */
  hits?: ReadonlyArray<{ start: number; end: number; score: number }>;
}

export interface ScoredPassage {
  articleId: string;
  passage: Passage;
  score: number;
  /** Share of the question's weight found in the passage alone. */
  coverage: number;
  /** Share found in the passage with its neighbours. */
  contextCoverage: number;
  cue: number;
}

export interface SelectWeights {
  coverage: number;
  context: number;
  cue: number;
  retrievalScore: number;
  /** Weight of the best retrieved chunk overlapping the passage (passage-level retrieval signal). */
  chunk: number;
  /** How much a unit's weight depends on its rarity among the article's own passages (0 = not at all). */
  local: number;
  /** Bonus of an article's first passage (its lead). */
  lead: number;
}

/**
 * Measured on the bench sets (built-in embedder, BM25 ranking): a stronger weight of the article's retrieval score keeps the
 * retrieval's article unless a passage elsewhere covers the question much better (weight 0.8 → 2:
 * right article first drcd-dev 0.949 → 0.955), and a milder local re-weighting (0.9 → 0.6) ranks
 * passages inside it better (first excerpt drcd-dev 0.944 → 0.945, xquad-en2zh-dev 0.722 → 0.724).
 * With that weight, the passage's own coverage matters more than its neighbours' and the (broad,
 * noisy) type cues less: context 0.4 → 0.3 and cue 0.12 → 0.06, first excerpt cmrc / drcd / xquad
 * 0.902 / 0.947 / 0.733 → 0.903 / 0.949 / 0.733.
 * A lead states the subject's key facts (where it is, what it belongs to, when it began: news
 * writing's inverted pyramid, an encyclopedia's definition), so the first passage gets a small bonus
 * that settles near-ties: answer or first cmrc / drcd / xquad at lead 0 → 0.02 went 0.906 / 0.949 /
 * 0.743 → 0.912 / 0.952 / 0.744 (0.01 and 0.03 gain less, 0.08 loses everywhere); false abstention
 * unchanged. Tried and dropped, flat or worse on these sets: length normalisation of coverage,
 * phrase (shared trigram) coverage, longest common substring, windowed coverage, the count of
 * characters new to the question, a category-suffix cue ("哪一门语言" → 梵语), pooled local weights.
 */
export const DEFAULT_WEIGHTS: SelectWeights = {
  coverage: 0.6,
  context: 0.3,
  cue: 0.06,
  retrievalScore: 2,
  chunk: 0,
  local: 0.6,
  lead: 0.02,
};

function unionUnits(...sets: Array<ReadonlySet<Unit> | undefined>): Set<Unit> {
  const out = new Set<Unit>();
  for (const s of sets) if (s) for (const u of s) out.add(u);
  return out;
}

/**
 * The question's units that `units` holds. Coverage only ever asks about the question's units, so
 * passages are reduced to these few before their neighbours' units are pooled: pooling whole
 * passages was over half of the select stage's CPU, most of it allocation (profiled on seed-dev).
 */
function questionUnitsIn(vocabulary: readonly Unit[], units: UnitLookup | undefined): ReadonlySet<Unit> | undefined {
  if (!units) return undefined;
  const out = new Set<Unit>();
  for (const u of vocabulary) if (units.has(u)) out.add(u);
  return out;
}

/**
 * Re-weights query units by their rarity among one article's passages: the article's subject
 * (named in the question and in every passage) says nothing about which passage answers.
 */
export function localWeights(query: QueryUnits, passages: readonly Passage[], strength: number): QueryUnits {
  if (strength <= 0 || passages.length < 2) return query;
  const n = passages.length;
  const maxIdf = Math.log(1 + (n - 0.5) / 1.5);
  return rescale(query, (c) => {
    let pf = 0;
    for (const p of passages) if (c.alts.some((a) => a.units.every((u) => p.units.has(u)))) pf++;
    const localIdf = pf === 0 ? 1 : Math.log(1 + (n - pf + 0.5) / (pf + 0.5)) / maxIdf;
    return 1 - strength + strength * Math.min(1, localIdf);
  });
}

/** Every passage of the candidates, scored, best first. */
export function scorePassages(
  query: QueryUnits,
  questionText: string,
  answerType: AnswerType,
  candidates: readonly CandidateArticle[],
  weights: SelectWeights = DEFAULT_WEIGHTS,
): ScoredPassage[] {
  const out: ScoredPassage[] = [];
  const total = query.total || 1;
  const vocabulary = [...new Set(query.concepts.flatMap((c) => c.alts.flatMap((a) => a.units)))];
  for (const c of candidates) {
    const ps = c.passages;
    const local = localWeights(query, ps, weights.local);
    const asked = ps.map((p) => questionUnitsIn(vocabulary, p.units)!);
    const headline = questionUnitsIn(vocabulary, c.headlineUnits);
    for (let i = 0; i < ps.length; i++) {
      const p = ps[i];
      const head = p.introducedBy !== undefined ? asked[p.introducedBy] : undefined;
      const own = matchedWeight(local, unionUnits(asked[i], headline, head)) / total;
      const ctx = matchedWeight(local, unionUnits(asked[i - 1], asked[i], asked[i + 1], headline)) / total;
      // An item of an enumeration (一是…) is what a list question asks for.
      const cue = answerType === 'list' && p.introducedBy !== undefined ? 1 : cueScore(answerType, p.norm, questionText, c.people);
      let hit = 0;
      if (weights.chunk > 0 && c.hits) for (const h of c.hits) if (h.start < p.end && p.start < h.end && h.score > hit) hit = h.score;
      const lead = i === 0 ? weights.lead : 0;
      const score =
        weights.coverage * own +
        weights.context * ctx +
        weights.cue * cue +
        weights.retrievalScore * c.retrievalScore +
        weights.chunk * hit +
        lead;
      out.push({ articleId: c.articleId, passage: p, score, coverage: own, contextCoverage: ctx, cue });
    }
  }
  return out.sort((a, b) => b.score - a.score);
}

/** Longest short answer. */
export const MAX_ANSWER = 120;
const CLAUSE_SPLIT = /(?<=[，,；;：:。！？!?])/;

export interface ShortAnswer {
  text: string;
  /** Offsets in the article body. */
  start: number;
  end: number;
}

/**
 * The short answer from a passage: the whole passage when it fits, else the run of clauses around
 * the best-matching clause (plus the clause after it, where answers to "X 的关键是什么" sit), ≤ MAX_ANSWER.
 */
export function shortAnswer(
  passage: Passage,
  query: QueryUnits,
  answerType: AnswerType,
  questionText: string,
  unitsOf: (text: string) => Set<Unit>,
): ShortAnswer {
  const text = passage.text.trim();
  const lead = passage.text.indexOf(text);
  if (text.length <= MAX_ANSWER) return { text, start: passage.start + lead, end: passage.start + lead + text.length };
  const clauses = text.split(CLAUSE_SPLIT).filter(Boolean);
  let best = 0;
  let bestScore = -1;
  for (let i = 0; i < clauses.length; i++) {
    const s = matchedWeight(query, unitsOf(clauses[i])) + (cueMatches(answerType, clauses[i], questionText).length ? query.total * 0.1 : 0);
    if (s > bestScore) {
      bestScore = s;
      best = i;
    }
  }
  let from = best;
  let to = best + 1;
  const len = () => clauses.slice(from, to).join('').length;
  while (true) {
    const grewRight = to < clauses.length && len() + clauses[to].length <= MAX_ANSWER;
    if (grewRight) to++;
    const grewLeft = from > 0 && len() + clauses[from - 1].length <= MAX_ANSWER;
    if (grewLeft) from--;
    if (!grewRight && !grewLeft) break;
  }
  let answer = clauses.slice(from, to).join('');
  if (answer.length > MAX_ANSWER) answer = answer.slice(0, MAX_ANSWER);
  const offset = clauses.slice(0, from).join('').length;
  return { text: answer, start: passage.start + lead + offset, end: passage.start + lead + offset + answer.length };
}
