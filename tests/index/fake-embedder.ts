/** A tiny deterministic embedder for index tests: hashed character bigrams, counting what it embeds. */
import type { EmbedKind, Embedder } from '../../src/index/types.ts';

export class FakeEmbedder implements Embedder {
  readonly id: string;
  readonly dim = 32;
  /** Texts embedded so far (passages and queries). */
  embedded: string[] = [];
  /** Throw on the call after this many successful calls (simulates a crash mid-build). */
  failAfterCalls = Infinity;
  private calls = 0;

  constructor(id = 'fake-bigram-32') {
    this.id = id;
  }

  async embed(texts: string[], _kind: EmbedKind): Promise<Float32Array[]> {
    if (this.calls++ >= this.failAfterCalls) throw new Error('embedder crashed');
    this.embedded.push(...texts);
    return texts.map((t) => embedOne(t, this.dim));
  }
}

export function embedOne(text: string, dim: number): Float32Array {
  const v = new Float32Array(dim);
  const chars = Array.from(text);
  for (let i = 0; i + 1 < chars.length; i++) {
    let h = 2166136261;
    for (const c of chars[i] + chars[i + 1]) h = Math.imul(h ^ c.codePointAt(0)!, 16777619);
    v[(h >>> 0) % dim] += 1;
  }
  const norm = Math.hypot(...v) || 1;
  return v.map((x) => x / norm);
}
