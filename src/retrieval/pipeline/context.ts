/**
 * The context a question carries through the pipeline (understand → retrieve → select → decide →
 * compose). Each stage takes the previous stage's context and returns it with its own part added;
 * no stage re-derives another's work.
 */
import type { Article } from '../../corpus/types.ts';
import type { AnswerType } from '../answer-cues.ts';
import type { ScoredPassage } from '../answer-select.ts';
import type { Candidate } from '../article-ranking.ts';
import type { StructuredAnswer } from '../structured-answers.ts';
import type { HybridResult } from '../hybrid.ts';
import type { RetrievalProfile } from '../profile.ts';
import type { QueryUnits } from '../query-units.ts';
import type { UnderstoodQuestion } from '../question/types.ts';
import type { Decision } from './decide.ts';
import type { ReportsState } from '../reports-state.ts';

/** What every stage may read: the loaded reports and the profile's constants. */
export interface StageEnv {
  state: ReportsState;
  profile: RetrievalProfile;
  /** Answer who-questions from extracted people (default true). */
  facts: boolean;
}

export interface Understood {
  env: StageEnv;
  started: number;
  question: UnderstoodQuestion;
  /** The question as weighted concepts, as asked: what coverage is measured against. */
  query: QueryUnits;
  /** The same, adjusted for ranking passages (straddling bigrams discounted, saying verbs added). */
  rankQuery: QueryUnits;
  answerType: AnswerType;
  /** The question as asked, in search form (for answer-type cues). */
  questionText: string;
  /** What the lexical and dense searches get: content words without question words. */
  searchText: string;
  /** The meeting the question names (区委常委会, 市长碰头会), when it names one. */
  meeting?: string;
  /** Content words of the question that occur nowhere in the reports (Chinese questions). */
  missing: string[];
  /** A meeting the question names by words no report prints (防汛会议, the flood control meeting). */
  absentMeeting?: string;
  /**
   * What the question names that no report prints, whatever else matches (missing-words.ts): a place
   * (上海市), a person (王建国), a Latin term (POWER6), a dotted name (梅·雷 of 海梅·雷耶斯).
   */
  absentNames: string[];
  understoodMs: number;
}

export interface Retrieved extends Understood {
  hybrid: HybridResult;
  /** Candidate articles, best first, with their passages and retrieval score (relative to the best). */
  candidates: Candidate[];
  retrievedMs: number;
}

export interface Selected extends Retrieved {
  /**
   * Every candidate retrieval found: `candidates` keeps only those select did not pass over (other
   * ordinals, years not placed), while a rival story is any of these.
   */
  retrieved: readonly Candidate[];
  /** Every passage of the candidates, scored, best first. */
  scored: ScoredPassage[];
  best?: ScoredPassage;
  bestArticle?: Article;
  /** Share of the question's weight around the best passage (its neighbours and headline included). */
  coverage: number;
  /** The question's year met only by a year written in the answering report, not by its date. */
  yearOnlyWritten: boolean;
  /** The years and months the question names, when the answering article places none of them (time-placed.ts). */
  unplacedTime?: string;
  /** Whether a structured fact may answer (a who-question about a meeting the reports name). */
  useFacts: boolean;
  fact?: StructuredAnswer;
  /** The articles of the day the question names, when it asks what happened that day. */
  events: Article[];
  /**
   * Per candidate article, the question's ordinals or reporting periods it prints only with other
   * numbers (第4次 asked, 第3次 printed); candidates without any are preferred (see select.ts).
   */
  ordinalConflicts: ReadonlyMap<string, string[]>;
}

export interface Decided extends Selected {
  decision: Decision;
}
