/**
 * Chinese near-synonyms (data/lexicon/zh-synonyms.json, derived from CC-CEDICT by
 * scripts/build-synonyms.ts): a question worded differently from the report (电影院 for 影院,
 * 加快 for 加速) still finds it. Loaded once, lazily.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../config.ts';

export const SYNONYMS_FORMAT = 1;
export const DEFAULT_SYNONYMS_PATH = path.join(PROJECT_ROOT, 'data', 'lexicon', 'zh-synonyms.json');

/** On disk: simplified word → space-separated near-synonyms, most similar first. */
export interface SynonymsFile {
  format: number;
  source: string;
  entries: Record<string, string>;
}

export interface Synonyms {
  /** The near-synonyms of a simplified word, most similar first (empty when none). */
  of(word: string): readonly string[];
  readonly size: number;
}

const NONE: readonly string[] = [];

export function synonymsFromEntries(entries: Record<string, string | readonly string[]>): Synonyms {
  const map = new Map<string, string | readonly string[]>(Object.entries(entries));
  return {
    of(word) {
      const v = map.get(word);
      if (v === undefined) return NONE;
      if (typeof v !== 'string') return v;
      const split = v.split(' ').filter(Boolean);
      map.set(word, split);
      return split;
    },
    size: map.size,
  };
}

const cache = new Map<string, Synonyms>();

/** Loads a synonyms file once per path; later calls return the cached one. */
export function loadSynonyms(file: string = DEFAULT_SYNONYMS_PATH): Synonyms {
  const resolved = path.resolve(file);
  const cached = cache.get(resolved);
  if (cached) return cached;
  const parsed = JSON.parse(readFileSync(resolved, 'utf8')) as SynonymsFile;
  if (parsed.format !== SYNONYMS_FORMAT || typeof parsed.entries !== 'object') {
    throw new Error(`${resolved}: not a synonyms file of format ${SYNONYMS_FORMAT}; rebuild with npm run lexicon:synonyms`);
  }
  const synonyms = synonymsFromEntries(parsed.entries);
  cache.set(resolved, synonyms);
  return synonyms;
}
