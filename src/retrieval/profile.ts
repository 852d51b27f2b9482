/**
 * The retrieval profile: every tuning constant of a question's path, per embedder family, in one
 * place. The built-in embedder is lexical and weak alone, so BM25 leads and the dense list only
 * breaks near-ties; a real embedding model gets equal weight. Measured figures are with the
 * constants where they are defined.
 */
import { DEFAULT_ARTICLE_RANKING, type ArticleRanking } from './article-ranking.ts';
import { DEFAULT_WEIGHTS, type SelectWeights } from './answer-select.ts';
import { DEFAULT_DECIDE, type DecidePolicy } from './pipeline/decide.ts';
import { DEFAULT_HYBRID, type HybridOptions } from './hybrid.ts';
import { STRADDLE_WEIGHT } from './query-units.ts';

export interface RetrievalProfile {
  /** A short name for notes and `--explain`. */
  family: string;
  hybrid: HybridOptions;
  ranking: ArticleRanking;
  select: SelectWeights;
  /** A neighbour scoring at least this share of the best passage joins its support (0 = never). */
  neighbourShare: number;
  /** Weight of question bigrams straddling two words when ranking passages (see query-units.ts). */
  straddleWeight: number;
  decide: DecidePolicy;
}

/**
 * The built-in embedder hashes character n-grams, much like BM25's terms, but ranks far worse (gold
 * document first: dense 0.77 vs BM25 0.95 on drcd-dev), so it only breaks near-ties of BM25: measured
 * first excerpt cmrc / drcd / xquad at [0, 1] 0.906 / 0.9498 / 0.736, at [0.06, 1] 0.906 / 0.949 /
 * 0.743 with xquad false abstention 1.02% → 0.9% (an English question whose BM25 top article holds no
 * translated word).
 */
const BUILTIN_DENSE_WEIGHTS: [number, number] = [0.06, 1];

/**
 * A neighbour joins the best passage's support at 0.6 of its score (measured: cmrc2018-trial first
 * excerpt 0.903 → 0.906 against no pairing, others equal).
 */
const NEIGHBOUR_SHARE = 0.6;

const TRANSFORMER: RetrievalProfile = {
  family: 'transformer',
  hybrid: DEFAULT_HYBRID,
  ranking: DEFAULT_ARTICLE_RANKING,
  select: DEFAULT_WEIGHTS,
  neighbourShare: NEIGHBOUR_SHARE,
  straddleWeight: STRADDLE_WEIGHT,
  decide: DEFAULT_DECIDE,
};

const BUILTIN: RetrievalProfile = { ...TRANSFORMER, family: 'builtin', hybrid: { ...DEFAULT_HYBRID, weights: BUILTIN_DENSE_WEIGHTS } };

/** The profile for an index built with `embedderId` (e.g. `builtin-ngram-v1`, `Xenova/bge-small-zh-v1.5`). */
export function retrievalProfileFor(embedderId: string): RetrievalProfile {
  return embedderId.startsWith('builtin') ? BUILTIN : TRANSFORMER;
}

/** Overrides for measuring alternatives (`eval --engine-options`), each part merged over the profile's. */
export interface ProfileOverrides {
  hybrid?: Partial<HybridOptions>;
  ranking?: Partial<ArticleRanking>;
  select?: Partial<SelectWeights>;
  neighbourShare?: number;
  straddleWeight?: number;
  decide?: Partial<DecidePolicy>;
}

export function withOverrides(p: RetrievalProfile, o: ProfileOverrides): RetrievalProfile {
  return {
    family: p.family,
    hybrid: { ...p.hybrid, ...o.hybrid },
    ranking: { ...p.ranking, ...o.ranking },
    select: { ...p.select, ...o.select },
    neighbourShare: o.neighbourShare ?? p.neighbourShare,
    straddleWeight: o.straddleWeight ?? p.straddleWeight,
    decide: { ...p.decide, ...o.decide },
  };
}
