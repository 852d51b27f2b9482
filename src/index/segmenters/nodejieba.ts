/**
 * nodejieba (cppjieba, MIT) with its bundled jieba dictionary: the analyser's segmenter until
 * 3 December 2026, its search mode with the HMM. One dictionary per process (cppjieba's trie):
 * `load()` costs ~1.15 s of CPU and ~245 MiB (measured, README), so it is loaded once.
 */
import { createRequire } from 'node:module';
import type * as Nodejieba from 'nodejieba';
import { wholeWordTag, type Segmenter } from './types.ts';

const require = createRequire(import.meta.url);

export function createNodejieba(): Segmenter {
  // Required when used, not imported: the default segmenter never loads this native module.
  const jieba = require('nodejieba') as typeof Nodejieba;
  jieba.load();
  return {
    addWords(words) {
      for (const { word, tag } of words) jieba.insertWord(word, tag);
    },
    cutForSearch: (text) => jieba.cutForSearch(text, true),
    cut: (text) => jieba.cut(text, false),
    tagOf: (word) => wholeWordTag(word, jieba.tag(word)),
  };
}
