/**
 * nodejieba (cppjieba, MIT) with its bundled jieba dictionary: the analyser's segmenter so far, its
 * search mode with the HMM. One dictionary per process (cppjieba's trie): `load()` costs ~1.15 s
 * of CPU and ~245 MiB (measured, README), so it is loaded once.
 */
import jieba from 'nodejieba';
import type { Segmenter } from './types.ts';

export function createNodejieba(): Segmenter {
  jieba.load();
  return {
    addWords(words) {
      for (const { word, tag } of words) jieba.insertWord(word, tag);
    },
    cutForSearch: (text) => jieba.cutForSearch(text, true),
    cut: (text) => jieba.cut(text, false),
  };
}
