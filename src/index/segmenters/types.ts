/**
 * A Chinese word segmenter, as the analyser uses one: a process-wide dictionary that words can be
 * added to, a search-mode cut for BM25 terms and a dictionary-only cut for question words.
 * Implementations: `jieba-rs.ts`, `nodejieba.ts`; `choice.ts` says which one the analyser uses.
 */

/** A dictionary word with its jieba part-of-speech tag (`nr`, `nt`, `nz`, or `x` when unknown). */
export interface DictionaryWord {
  word: string;
  tag: string;
}

export interface Segmenter {
  /**
   * Adds words to the dictionary so that they segment as whole words, as nodejieba's `insertWord`
   * did: each gets the weight cppjieba gives an inserted word (the dictionary's median), replacing
   * the weight of a word already there.
   */
  addWords(words: readonly DictionaryWord[]): void;
  /** Search mode with the HMM: the words, then the dictionary words inside the longer ones. */
  cutForSearch(text: string): string[];
  /** Dictionary words only (no HMM: no guessed words); the pieces concatenate to `text`. */
  cut(text: string): string[];
}
