/**
 * A Chinese word segmenter, as the analyser uses one: a process-wide dictionary that words can be
 * added to, a search-mode cut for BM25 terms and a plain cut for question words, both by the
 * dictionary alone. Implementation: `jieba-rs.ts`; `identity.ts` names it for the manifest.
 */

/** A dictionary word with its jieba part-of-speech tag (`nr`, `nt`, `nz`, or `x` when unknown). */
export interface DictionaryWord {
  word: string;
  tag: string;
}

export interface Segmenter {
  /**
   * Adds words to the dictionary so that they segment as whole words, as nodejieba's `insertWord`
   * did (the segmenter before this one): each gets the weight cppjieba gives an inserted word (the
   * dictionary's median), replacing the weight of a word already there.
   */
  addWords(words: readonly DictionaryWord[]): void;
  /**
   * Search mode by the dictionary alone (no HMM): the words, then the dictionary words of two and
   * three characters inside the longer ones.
   */
  cutForSearch(text: string): string[];
  /** The words by the dictionary alone (no HMM: no guessed words); the pieces concatenate to `text`. */
  cut(text: string): string[];
}
