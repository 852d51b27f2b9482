/** What question understanding hands to retrieval and answer selection. */

export type QuestionScript = 'zh-Hans' | 'zh-Hant' | 'en' | 'mixed';

/** The part a person played, when the question asks who did something at a meeting or in a report. */
export type { PersonRole } from '../../text/vocabulary/roles.ts';
import type { PersonRole } from '../../text/vocabulary/roles.ts';

/** The shape of the expected answer, for the answer selector; 'title' is a named person's post (X是什么职务？). */
export type AnswerType = 'person' | 'title' | 'date' | 'year' | 'number' | 'place' | 'list' | 'span';

/** Restrictions stated in the question itself. */
export interface QuestionFilters {
  /** A full date, ISO "YYYY-MM-DD". */
  date?: string;
  /** A date without a year, "MM-DD" (also set when `date` is). */
  monthDay?: string;
  year?: number;
  /**
   * Every year the question names (1985年, 公元380年, in 1985), whatever the corpus: the answering
   * article must place one of them (time-placed.ts). Not 1950年代, 5678年前 or 民国38年.
   */
  years?: number[];
  /** Every month the question names without a day (9月份, 十月), which the answering article must place too. */
  months?: number[];
  /** A meeting name fragment, e.g. "安委会" from "在安委会上…". */
  meeting?: string;
  /** Not from the question's words: the article a follow-up's conversation is about (`AskScope`). */
  articleId?: string;
}

export interface QuestionIntent {
  answerType: AnswerType;
  role?: PersonRole;
  filters: QuestionFilters;
}

export interface UnderstoodQuestion {
  /** The question as validated (mentions and invisible characters removed), before normalisation. */
  original: string;
  /** Searchable text: the normalised Chinese question, or for English the translated terms and kept words. */
  text: string;
  script: QuestionScript;
  /** Numbers and Latin names kept verbatim from an English question. */
  kept: string[];
  /** Each English word or phrase with its Chinese candidates (empty for Chinese questions). */
  groups: Array<{ english: string; candidates: string[] }>;
  /** Chinese words inside an English question (a mixed one), searched as they are; absent when none. */
  han?: string[];
  /** Names of the reports an English question names in pinyin (Zhu Long → 朱龙); absent when none. */
  names?: string[];
  intent: QuestionIntent;
}
