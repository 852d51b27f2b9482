/** What a question gets back: the contract shared by the CLI and the Discord bot. */

export interface Citation {
  /** 1-based number shown to the reader as [n]. */
  n: number;
  articleId: string;
  chunkId: string;
  headline: string;
  date?: string;
  meeting?: string;
  /** At most 200 characters around the supporting sentence. */
  excerpt: string;
  /** [start, end) ranges inside `excerpt` of the words that answer, for bold rendering. */
  highlights: Array<[number, number]>;
  score: number;
}

export interface Answer {
  question: string;
  /** The short answer (at most ~120 characters), or the plain abstention sentence. */
  answer: string;
  abstained: boolean;
  /** Up to 3 supporting citations; empty when abstained. */
  citations: Citation[];
  /** When abstained: up to 3 nearest articles, listed as related, not as support. */
  related: Citation[];
  timings_ms: Record<string, number>;
}
