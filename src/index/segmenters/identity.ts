/**
 * Which segmenter cuts BM25 terms. Indexes record it (`manifest.json`'s `segmenter`), because the
 * terms differ: an index cut by another segmenter is outdated and rebuilt, never searched with
 * terms it does not hold. Change a name whenever the terms its analysis gives change. A module of
 * its own, so reading a manifest loads no native segmenter.
 *
 * jieba-rs is the default: it loads ~5x faster in a fifth of the memory (1.15 s / 244 MiB for
 * nodejieba, 0.24 s / 48 MiB) and cuts faster, which the start-up and the add-one-report memory of
 * issue 15 need; answers measured within a question of nodejieba's on every set (README, Evaluation,
 * "Segmenter"). Switching is this one line; indexes then rebuild themselves.
 */
export type SegmenterName = 'nodejieba' | 'jieba-rs';

export const SEGMENTER: SegmenterName = 'jieba-rs';

/** What indexes written before the segmenter was recorded were cut by. */
export const UNRECORDED_SEGMENTER: SegmenterName = 'nodejieba';
