/**
 * The BM25 analyser: jieba words (search mode) plus Han character unigrams and bigrams.
 *
 * Characters carry recall (OCR-split or unknown words still match); words add precision (names,
 * meeting titles) and, where a word coincides with a character n-gram, weight n-grams that are real
 * words over those straddling a word boundary (measured: +0.01 first-window hit on CMRC/DRCD over
 * characters alone). Input is brought to `toSearchForm` first, so callers may pass raw text.
 *
 * Words come from the dictionary alone, without jieba's HMM: its guessed words (names, 互道, 年的)
 * depend on the implementation (cppjieba's and jieba-rs's models differ, and cppjieba runs it
 * across punctuation), while the dictionary cut is the same in both (measured: 2 of 4,457
 * sentences differ); names the reports print come from the index's user dictionary instead, and
 * characters match the rest. Measured against nodejieba with its HMM (the analyser before): every
 * development set unchanged, the public sets within 0.001, held-out refusal on cmrc2018 up
 * (README, Evaluation).
 *
 * The segmenter (`segmenters/`) holds one process-wide dictionary, loaded on first use; an index's
 * user dictionary is added to it. Words therefore accumulate when several indexes are opened in one
 * process; that only keeps more names whole and never removes a token, because the character
 * n-grams do not depend on the segmentation.
 */
import { readFileSync } from 'node:fs';
import { toSearchForm } from '../text/search-form.ts';
import { hanRuns } from '../text/han.ts';
import { createJiebaRs } from './segmenters/jieba-rs.ts';
import type { DictionaryWord, Segmenter } from './segmenters/types.ts';

export type Analyser = (text: string) => string[];

let loaded: Segmenter | undefined;
const addedWords = new Set<string>();

/** The segmenter (the one `segmenters/identity.ts` names), its dictionary loaded on first use. */
function segmenter(): Segmenter {
  loaded ??= createJiebaRs();
  return loaded;
}

/** Parses jieba user-dictionary lines: `word [freq] [tag]`. */
export function parseUserDictionary(text: string): DictionaryWord[] {
  const out: DictionaryWord[] = [];
  for (const line of text.split('\n')) {
    const parts = line.trim().split(/\s+/).filter(Boolean);
    if (parts.length === 0) continue;
    const last = parts[parts.length - 1];
    const tag = parts.length > 1 && !/^\d+$/.test(last) ? last : 'x';
    out.push({ word: parts[0], tag });
  }
  return out;
}

/** Adds words to the segmenter's (process-wide) dictionary; each word once. */
export function addWords(words: Iterable<DictionaryWord>): void {
  const fresh: DictionaryWord[] = [];
  for (const w of words) {
    if (addedWords.has(w.word)) continue;
    addedWords.add(w.word);
    fresh.push(w);
  }
  segmenter().addWords(fresh);
}

/**
 * Latin letters and digits are cut by rule, not by the segmenter: a letter then letters and digits
 * (`gdp`, `iphone15`), or a digit then digits and points (`2021`, `8.1`). These are the rules
 * nodejieba (cppjieba) applied, so Latin and number terms stay as before; jieba-rs keeps other runs
 * whole (`2026-01`, `8.1%`, `5th`, `skdo_0228`) and its dictionary has words mixing Latin and Han (`4s店`).
 */
const LATIN_OR_NUMBER = /[a-z][a-z0-9]*|[0-9][0-9.]*/gi;
const HAS_LATIN_OR_DIGIT = /[a-z0-9]/i;

/** Each word, its Latin and digit runs cut as above; the pieces of a word concatenate to it. */
export function cutLatin(words: readonly string[]): string[] {
  const out: string[] = [];
  for (const word of words) {
    if (!HAS_LATIN_OR_DIGIT.test(word)) {
      out.push(word);
      continue;
    }
    let at = 0;
    for (const m of word.matchAll(LATIN_OR_NUMBER)) {
      if (m.index > at) out.push(word.slice(at, m.index));
      out.push(m[0]);
      at = m.index + m[0].length;
    }
    if (at < word.length) out.push(word.slice(at));
  }
  return out;
}

const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;

/** Analyses text already in search form. */
export function analyseSearchForm(text: string): string[] {
  const terms: string[] = [];
  for (const raw of cutLatin(segmenter().cutForSearch(text))) {
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
 * The words concatenate to the text.
 */
export function segmentWords(text: string): string[] {
  return cutLatin(segmenter().cut(text));
}

/** The analyser of an index: the segmenter with the index's user dictionary (when given). */
export function createAnalyser(userDictPath?: string): Analyser {
  segmenter();
  if (userDictPath) addWords(parseUserDictionary(readFileSync(userDictPath, 'utf8')));
  return (text) => analyseSearchForm(toSearchForm(text));
}
