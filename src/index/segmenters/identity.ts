/**
 * Which segmenter cuts BM25 terms. Indexes record it (`manifest.json`'s `segmenter`), because the
 * terms differ: an index cut by another segmenter is outdated and rebuilt, never searched with
 * terms it does not hold. Change the name whenever the terms an analysis gives change. A module of
 * its own, so reading a manifest loads no native segmenter.
 */
export const SEGMENTER = 'jieba-rs';

/** What indexes written before the segmenter was recorded were cut by (nodejieba, with its HMM). */
export const UNRECORDED_SEGMENTER = 'nodejieba';
