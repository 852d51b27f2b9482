/** Names of loadIndex's steps that readers of its breakdown (the bench) single out. */

/** Loading the segmenter (its dictionary) and the index's user dictionary into it. */
export const SEGMENTER_STEP = 'segmenter: load and user dictionary';
