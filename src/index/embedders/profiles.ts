/**
 * How each family of embedding models wants its input prefixed and its output pooled. Getting this
 * wrong silently degrades retrieval, so it lives in one table.
 */
import type { EmbedKind } from '../types.ts';

export interface ModelProfile {
  /** A short name for notes and logs. */
  family: string;
  pooling: 'mean' | 'cls';
  queryPrefix: string;
  passagePrefix: string;
}

/** First match wins; matched against the lower-cased model id. */
const PROFILES: { pattern: RegExp; profile: ModelProfile }[] = [
  // E5 (incl. multilingual-e5): trained with these prefixes on both sides, mean pooling.
  {
    pattern: /(^|[/-])(multilingual-)?e5-/,
    profile: { family: 'e5', pooling: 'mean', queryPrefix: 'query: ', passagePrefix: 'passage: ' },
  },
  // BGE Chinese: CLS pooling; the instruction goes on short queries only.
  {
    pattern: /bge-.*zh|bge-.*chinese/,
    profile: { family: 'bge-zh', pooling: 'cls', queryPrefix: '为这个句子生成表示以用于检索相关文章：', passagePrefix: '' },
  },
  // BGE English / multilingual v1.5 family.
  {
    pattern: /bge-/,
    profile: { family: 'bge', pooling: 'cls', queryPrefix: 'Represent this sentence for searching relevant passages: ', passagePrefix: '' },
  },
];

/** Sentence-transformers style models (MiniLM, mpnet, gte, text2vec…): mean pooling, no prefix. */
const DEFAULT_PROFILE: ModelProfile = { family: 'default', pooling: 'mean', queryPrefix: '', passagePrefix: '' };

export function profileFor(modelId: string): ModelProfile {
  const id = modelId.toLowerCase();
  return PROFILES.find((p) => p.pattern.test(id))?.profile ?? DEFAULT_PROFILE;
}

/** The text the model actually sees. */
export function prefixed(profile: ModelProfile, text: string, kind: EmbedKind): string {
  return (kind === 'query' ? profile.queryPrefix : profile.passagePrefix) + text;
}
