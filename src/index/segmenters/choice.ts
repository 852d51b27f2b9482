/**
 * Which segmenter cuts BM25 terms. Indexes record it (`manifest.json`'s `segmenter`), because the
 * terms differ: an index cut by another segmenter is outdated and rebuilt, never searched with
 * terms it does not hold. A module of its own, so reading a manifest loads no native segmenter.
 */
export type SegmenterName = 'jieba-rs' | 'nodejieba';

export const SEGMENTER: SegmenterName = 'jieba-rs';

/** What indexes written before the segmenter was recorded were cut by. */
export const UNRECORDED_SEGMENTER: SegmenterName = 'nodejieba';
