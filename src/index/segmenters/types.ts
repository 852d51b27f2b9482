/**
 * A Chinese word segmenter, as the analyser uses one: a process-wide dictionary that words can be
 * added to, a search-mode cut for BM25 terms and a dictionary-only cut for question words.
 * Implementations: `nodejieba.ts` (the default) and `jieba-rs.ts`; `identity.ts` names the one in
 * use, which indexes record.
 */

/** A dictionary word with its jieba part-of-speech tag (`nr`, `nt`, `nz`, or `x` when unknown). */
export interface DictionaryWord {
  word: string;
  tag: string;
}

export interface Segmenter {
  /**
   * Adds words to the dictionary so that they segment as whole words: each gets the weight
   * nodejieba's `insertWord` gives (cppjieba's default user-word weight, the dictionary's median),
   * replacing the weight of a word already there.
   */
  addWords(words: readonly DictionaryWord[]): void;
  /**
   * Search mode: the words, then the dictionary words of two and three characters inside the
   * longer ones. Whether the HMM guesses unknown words is the implementation's measured choice.
   */
  cutForSearch(text: string): string[];
  /** The words by the dictionary alone (no HMM: no guessed words); the pieces concatenate to `text`. */
  cut(text: string): string[];
  /** The dictionary's part-of-speech tag of a whole word (`nr` a person's name); undefined when the dictionary cuts it. */
  tagOf(word: string): string | undefined;
}

/** A whole word's tag from a tagger's output: its one token, when that token is the word. */
export function wholeWordTag(word: string, tagged: ReadonlyArray<{ word: string; tag: string }>): string | undefined {
  return tagged.length === 1 && tagged[0].word === word ? tagged[0].tag : undefined;
}
