/** What a question gets back: the contract shared by the CLI and the Discord bot. */

export interface Citation {
  /** 1-based number shown to the reader as [n]. */
  n: number;
  articleId: string;
  chunkId: string;
  headline: string;
  date?: string;
  meeting?: string;
  /** For an article printed on a page of a multi-page file (an e-paper PDF): the file and the page. */
  source?: string;
  page?: number;
  /** At most 200 characters around the supporting sentence. */
  excerpt: string;
  /** [start, end) ranges inside `excerpt` of the words that answer, for bold rendering. */
  highlights: Array<[number, number]>;
  score: number;
}

/** The refusal when the reports do not say. */
export const NONE_TEXT = "报道中没有找到这个问题的答案。/ The reports don't say.";
/** The refusal when passages come close to the question without answering it. */
export const CLOSEST_TEXT = '报道中没有直接的答案，最接近的报道如下。/ No direct answer in the reports; the closest reports are below.';

/**
 * What the reports give: an answer; no direct answer but close passages ("closest"); nothing
 * ("none"). Both refusals set `abstained`.
 */
export type Outcome = 'answer' | 'closest' | 'none';

export interface Answer {
  question: string;
  /** The short answer (at most ~120 characters), or the refusal sentence. */
  answer: string;
  abstained: boolean;
  outcome: Outcome;
  /** Up to 3 supporting citations; empty when abstained. */
  citations: Citation[];
  /** When abstained: up to 3 nearest articles, listed as related, not as support. */
  related: Citation[];
  timings_ms: Record<string, number>;
  /**
   * The question as understood, when a follow-up was resolved against its conversation
   * (src/retrieval/conversation/): 他提出了哪些要求？ → 王新亭提出了哪些要求？
   */
  understoodAs?: string;
  /** The abstention signals, for evaluation and debugging. */
  support?: {
    /** Share (0–1) of the question's weight found around the best passage. */
    coverage: number;
    /** Question words found nowhere in the reports. */
    missing: string[];
    /** Why it was refused (see src/retrieval/pipeline/decide.ts). */
    reason?: string;
  };
  /** With the engine's `explain` option: the decision's evidence and the best-scored passages (for developers). */
  explain?: {
    evidence: object;
    passages: Array<{
      articleId: string;
      passage: string;
      score: number;
      coverage: number;
      context: number;
      cue: number;
      retrievalScore: number;
    }>;
  };
}

/** Where a follow-up's answer must come from, known from its conversation rather than its words. */
export interface AskScope {
  /** The article the conversation is about: only it may answer (while it is in the index). */
  articleId?: string;
}

/** A question that cannot be asked (empty, too long, garbage); the message is for the user. */
export class QuestionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QuestionError';
  }
}

export interface ArticleSummary {
  id: string;
  headline: string;
  date?: string;
  meeting?: string;
  /** The first sentence, trimmed to one line. */
  lead: string;
}

export interface MeetingInfo {
  name: string;
  date?: string;
  articleId: string;
  headline: string;
  chaired: string[];
  attended: string[];
  /** Present without a vote (列席). */
  observed: string[];
  /** The meeting's key points, each a citation into the article. */
  keyPoints: Citation[];
}

/**
 * Everything a front end (CLI, Discord) may ask of the reports. Implemented by
 * `ReportsEngine` (src/retrieval/engine.ts); front ends depend on this interface only.
 */
export interface ReportsService {
  /** Throws QuestionError for questions that cannot be asked. */
  ask(question: string, scope?: AskScope): Promise<Answer>;
  /** ISO dates that have reports, newest first. */
  dates(): string[];
  articlesOn(date: string): ArticleSummary[];
  meetings(): Array<{ name: string; date?: string }>;
  /** By exact or substring name match; undefined when none. */
  meeting(name: string): MeetingInfo | undefined;
  article(id: string): import('../corpus/types.ts').Article | undefined;
}
