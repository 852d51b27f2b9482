/**
 * The peer a user might pick instead of our BM25: MiniSearch (a dev dependency of the bench only),
 * fed the same chunks and the same tokens (the index's analyser), with MiniSearch's own scoring
 * (BM25+ with its defaults) and without prefix or fuzzy matching, so only the engine differs.
 */
import MiniSearch from 'minisearch';
import type { ChunkHit } from '../src/index/types.ts';

export class MiniSearchPeer {
  private readonly engine: MiniSearch<{ id: number; text: string }>;

  constructor(texts: readonly string[], analyse: (text: string) => string[]) {
    this.engine = new MiniSearch<{ id: number; text: string }>({
      fields: ['text'],
      tokenize: (text) => analyse(text),
      // The analyser's terms are final (already folded); MiniSearch would lower-case them again.
      processTerm: (term) => term,
      searchOptions: { combineWith: 'OR', prefix: false, fuzzy: false },
    });
    this.engine.addAll(texts.map((text, id) => ({ id, text })));
  }

  search(query: string, k: number): ChunkHit[] {
    return this.engine
      .search(query)
      .slice(0, k)
      .map((r) => ({ chunk: r.id as number, score: r.score }));
  }
}
