/**
 * Which segmenter cuts BM25 terms. Indexes record it (`manifest.json`'s `segmenter`), because the
 * terms differ: an index cut by another segmenter is outdated and rebuilt, never searched with
 * terms it does not hold. Change a name whenever the terms its analysis gives change. A module of
 * its own, so reading a manifest loads no native segmenter.
 *
 * nodejieba stays the default: jieba-rs loads ~5x faster in a fifth of the memory and cuts faster,
 * but measured against it two held-out drcd-dev questions are answered instead of refused (README,
 * Evaluation, "Segmenter"). Switching is this one line; indexes then rebuild themselves.
 */
export type SegmenterName = 'nodejieba' | 'jieba-rs';

export const SEGMENTER: SegmenterName = 'nodejieba';

/** What indexes written before the segmenter was recorded were cut by. */
export const UNRECORDED_SEGMENTER: SegmenterName = 'nodejieba';
