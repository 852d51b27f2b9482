/**
 * The BM25 analyser: jieba words (search mode) plus Han character unigrams and bigrams.
 *
 * Characters carry recall (OCR-split or unknown words still match); words add precision (names,
 * meeting titles) and, where a word coincides with a character n-gram, weight n-grams that are real
 * words over those straddling a word boundary (measured: +0.01 first-window hit on CMRC/DRCD over
 * characters alone). Input is brought to `toSearchForm` first, so callers may pass raw text.
 *
 * nodejieba holds one process-wide dictionary (reloading costs ~1 s), so it is loaded once and an
 * index's user dictionary is added with `insertWord`. Words therefore accumulate when several
 * indexes are opened in one process; that only keeps more names whole and never removes a token,
 * because the character n-grams do not depend on the segmentation.
 */
import { readFileSync } from 'node:fs';
import jieba from 'nodejieba';
import { toSearchForm } from '../text/search-form.ts';
import { hanRuns } from '../text/han.ts';

export type Analyser = (text: string) => string[];

let jiebaLoaded = false;
const insertedWords = new Set<string>();

function ensureJieba(): void {
  if (!jiebaLoaded) {
    jieba.load();
    jiebaLoaded = true;
  }
}

/** Parses jieba user-dictionary lines: `word [freq] [tag]`. */
export function parseUserDictionary(text: string): Array<{ word: string; tag: string }> {
  const out: Array<{ word: string; tag: string }> = [];
  for (const line of text.split('\n')) {
    const parts = line.trim().split(/\s+/).filter(Boolean);
    if (parts.length === 0) continue;
    const last = parts[parts.length - 1];
    const tag = parts.length > 1 && !/^\d+$/.test(last) ? last : 'x';
    out.push({ word: parts[0], tag });
  }
  return out;
}

/** Adds words to jieba's (process-wide) dictionary; each word once. */
export function addWords(words: Iterable<{ word: string; tag: string }>): void {
  ensureJieba();
  for (const { word, tag } of words) {
    if (insertedWords.has(word)) continue;
    jieba.insertWord(word, tag);
    insertedWords.add(word);
  }
}

const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;

/** Analyses text already in search form. */
export function analyseSearchForm(text: string): string[] {
  ensureJieba();
  const terms: string[] = [];
  for (const raw of jieba.cutForSearch(text, true)) {
    const word = raw.trim();
    if (!word || !HAS_WORD_CHAR.test(word)) continue;
    terms.push(word);
  }
  for (const run of hanRuns(text)) {
    const chars = Array.from(run);
    for (let i = 0; i < chars.length; i++) {
      terms.push(chars[i]);
      if (i + 1 < chars.length) terms.push(chars[i] + chars[i + 1]);
    }
  }
  return terms;
}

/**
 * Words of text already in search form, by the dictionary alone (no HMM: a guessed fragment that
 * straddles two words, 内换 or 上仿, is neither a word the reports might miss nor a boundary to trust).
 */
export function segmentWords(text: string): string[] {
  ensureJieba();
  return jieba.cut(text, false);
}

/** The analyser of an index: jieba with the index's user dictionary (when given). */
export function createAnalyser(userDictPath?: string): Analyser {
  ensureJieba();
  if (userDictPath) addWords(parseUserDictionary(readFileSync(userDictPath, 'utf8')));
  return (text) => analyseSearchForm(toSearchForm(text));
}
