/**
 * jieba-rs (Rust, MIT) through `@node-rs/jieba` (napi-rs, a prebuilt binary per platform), with
 * the jieba dictionary it bundles (jieba's MIT dictionary: nodejieba's, plus ~60 Latin-mixed words
 * such as `4S店`, with 吉林 and without 张力, 张华). Measured against nodejieba (README): the
 * dictionary loads in ~0.2 s of CPU and ~50 MiB (nodejieba: ~1.15 s and ~245 MiB), and the
 * search-mode cut takes about half the CPU time.
 *
 * Its search mode goes by the dictionary alone: its HMM guesses other words than cppjieba's (the
 * models differ, and cppjieba runs it across punctuation), and measured with its HMM xquad and
 * held-out cmrc2018 fell, without it they hold (README). The dictionary cut is cppjieba's (2 of
 * 4,457 sentences differ). Latin and digit runs are cut as cppjieba cuts them (`latin-runs.ts`).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as NodeRsJieba from '@node-rs/jieba';
import { cutLatin } from './latin-runs.ts';
import { wholeWordTag, type DictionaryWord, type Segmenter } from './types.ts';

const require = createRequire(import.meta.url);

/**
 * The frequency an added word gets: the median frequency of the bundled dictionary (checked by a
 * test). nodejieba's `insertWord` gave the median weight (cppjieba's default user-word weight,
 * `WordWeightMedian`), and a weight is log(frequency / total), so this is the same weight.
 */
export const ADDED_WORD_FREQUENCY = 3;

/** A dictionary line (`word freq tag`): jieba-rs reads a line without a frequency as frequency 0, never chosen. */
function dictionaryLines(words: readonly DictionaryWord[]): string {
  return words.map(({ word, tag }) => `${word} ${ADDED_WORD_FREQUENCY} ${tag}\n`).join('');
}

export function createJiebaRs(): Segmenter {
  // Required when used, not imported: where its prebuilt binary is missing, only using it fails.
  const { Jieba } = require('@node-rs/jieba') as typeof NodeRsJieba;
  // The dictionary file itself, not `@node-rs/jieba/dict`, which also reads and keeps the 6 MB IDF
  // table that keyword extraction needs (measured: 12 MiB less RSS).
  const jieba = Jieba.withDict(readFileSync(require.resolve('@node-rs/jieba/dict.txt')));
  return {
    addWords(words) {
      if (words.length) jieba.loadDict(Buffer.from(dictionaryLines(words), 'utf8'));
    },
    cutForSearch: (text) => cutLatin(jieba.cutForSearch(text, false)),
    cut: (text) => cutLatin(jieba.cut(text, false)),
    tagOf: (word) => wholeWordTag(word, jieba.tag(word, false)),
  };
}
