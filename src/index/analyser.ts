/**
 * The BM25 analyser: jieba words (search mode) plus Han character unigrams and bigrams.
 *
 * Characters carry recall (OCR-split or unknown words still match); words add precision (names,
 * meeting titles) and, where a word coincides with a character n-gram, weight n-grams that are real
 * words over those straddling a word boundary (measured: +0.01 first-window hit on CMRC/DRCD over
 * characters alone). Input is brought to `toSearchForm` first, so callers may pass raw text.
 *
 * The segmenter (`segmenters/`) holds one process-wide dictionary, loaded on first use; an index's
 * user dictionary is added to it. Words therefore accumulate when several indexes are opened in one
 * process; that only keeps more names whole and never removes a token, because the character
 * n-grams do not depend on the segmentation.
 */
import { readFileSync } from 'node:fs';
import { toSearchForm } from '../text/search-form.ts';
import { HAN_RUNS } from '../text/han.ts';
import { SEGMENTER, type SegmenterName } from './segmenters/identity.ts';
import { createJiebaRs } from './segmenters/jieba-rs.ts';
import { createNodejieba } from './segmenters/nodejieba.ts';
import type { DictionaryWord, Segmenter } from './segmenters/types.ts';

export type Analyser = (text: string) => string[];

const SEGMENTERS: Record<SegmenterName, () => Segmenter> = { nodejieba: createNodejieba, 'jieba-rs': createJiebaRs };

let loaded: Segmenter | undefined;
const addedWords = new Set<string>();

/** The segmenter `segmenters/identity.ts` names, its dictionary loaded on first use. */
function segmenter(): Segmenter {
  loaded ??= SEGMENTERS[SEGMENTER]();
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

const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;

/** Receives the terms of a text, in order. */
export interface TermSink {
  /** A segmenter's word. */
  word(term: string): void;
  /** A Han character or bigram, `text.slice(from, to)`: given as a span so a sink can skip making the string. */
  span(text: string, from: number, to: number): void;
}

/** UTF-16 units of the code point at `at` (a surrogate pair is one code point, as `Array.from` counts). */
function codePointUnits(text: string, at: number, end: number): number {
  const c = text.charCodeAt(at);
  if (c < 0xd800 || c > 0xdbff || at + 1 >= end) return 1;
  const d = text.charCodeAt(at + 1);
  return d >= 0xdc00 && d <= 0xdfff ? 2 : 1;
}

/**
 * The terms of text already in search form, into `sink`: the segmenter's words (search mode), then
 * for each run of Han characters each character followed by its bigram with the next one.
 */
export function analyseTerms(text: string, sink: TermSink): void {
  for (const raw of segmenter().cutForSearch(text)) {
    const word = raw.trim();
    if (!word || !HAS_WORD_CHAR.test(word)) continue;
    sink.word(word);
  }
  for (const run of text.matchAll(HAN_RUNS)) {
    const end = run.index + run[0].length;
    for (let at = run.index; at < end;) {
      const next = at + codePointUnits(text, at, end);
      sink.span(text, at, next);
      if (next < end) sink.span(text, at, next + codePointUnits(text, next, end));
      at = next;
    }
  }
}

/** Analyses text already in search form. */
export function analyseSearchForm(text: string): string[] {
  const terms: string[] = [];
  analyseTerms(text, {
    word: (term) => terms.push(term),
    span: (source, from, to) => terms.push(source.slice(from, to)),
  });
  return terms;
}

/**
 * Words of text already in search form, by the dictionary alone (no HMM: a guessed fragment that
 * straddles two words, 内换 or 上仿, is neither a word the reports might miss nor a boundary to trust).
 * The words concatenate to the text.
 */
export function segmentWords(text: string): string[] {
  return segmenter().cut(text);
}

/** The dictionary's part-of-speech tag of a whole word (`nr`: a person's name), undefined when it is not one dictionary word. */
export function dictionaryTag(word: string): string | undefined {
  return segmenter().tagOf(word);
}

/** The analyser of an index: the segmenter with the index's user dictionary (when given). */
export function createAnalyser(userDictPath?: string): Analyser {
  segmenter();
  if (userDictPath) addWords(parseUserDictionary(readFileSync(userDictPath, 'utf8')));
  return (text) => analyseSearchForm(toSearchForm(text));
}
