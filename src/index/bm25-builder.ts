/**
 * Builds a BM25 index while the analyser runs: each term becomes its id as it arrives (`TermIds`),
 * appended to one growing array of ids, so a build holds no list of term strings per chunk (at
 * 100,000 chunks, 32 million strings the garbage collector would otherwise trace and promote).
 * The index is the one `Bm25Index.build` makes from the same terms: same ids, same bytes.
 */
import type { TermSink } from './analyser.ts';
import { Bm25Index, DEFAULT_BM25, type Bm25Params } from './bm25.ts';
import { TermIds } from './term-ids.ts';

export class Bm25Builder implements TermSink {
  private readonly termIds = new TermIds();
  private ids = new Uint32Array(1 << 16);
  private length = 0;
  private docLengths = new Uint32Array(1 << 10);
  private docs = 0;
  private docStart = 0;

  word(term: string): void {
    this.push(this.termIds.ofString(term));
  }

  span(text: string, from: number, to: number): void {
    this.push(this.termIds.ofSpan(text, from, to));
  }

  /** Ends the current document: the terms since the last call are its terms. */
  endDocument(): void {
    if (this.docs === this.docLengths.length) this.docLengths = grow(this.docLengths);
    this.docLengths[this.docs++] = this.length - this.docStart;
    this.docStart = this.length;
  }

  build(params: Bm25Params = DEFAULT_BM25): Bm25Index {
    return Bm25Index.fromTokens(this.termIds.terms, this.ids.subarray(0, this.length), this.docLengths.slice(0, this.docs), params);
  }

  private push(id: number): void {
    if (this.length === this.ids.length) this.ids = grow(this.ids);
    this.ids[this.length++] = id;
  }
}

function grow(a: Uint32Array<ArrayBuffer>): Uint32Array<ArrayBuffer> {
  const out = new Uint32Array(a.length * 2);
  out.set(a);
  return out;
}
