/**
 * Composes corpora of any size from the sentences of the real benchmark corpora, deterministic by
 * seed. Each generated document is one chunk long, so N documents index as about N chunks.
 *
 * A document follows a run of sentences of one source document (topic coherence, like a real
 * window), skipping some and splicing in sentences of other documents of the same set, so that
 * even at 100,000 documents nearly every window is distinct (exact duplicates would make recall
 * against exact search ambiguous).
 */
import { writeFileSync } from 'node:fs';
import { randomInt, seededRandom } from './prng.ts';
import type { SourceDoc } from './bench-data.ts';

export interface GeneratedDoc {
  id: string;
  title: string;
  text: string;
}

export interface GeneratorOptions {
  seed: number;
  /** A document ends at the sentence that brings it to at least minChars, never beyond maxChars. */
  minChars: number;
  maxChars: number;
  /** Chance that a sentence is replaced by one from another document of the same set (besides one certain splice). */
  spliceRate: number;
  /** Chance that a sentence of the run is skipped. */
  skipRate: number;
}

export const DEFAULT_GENERATOR_OPTIONS: GeneratorOptions = { seed: 20240601, minChars: 120, maxChars: 190, spliceRate: 0.2, skipRate: 0.2 };

/** Splits text after Chinese / Western sentence ends and at line breaks, keeping the terminators. */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  const re = /[^。！？!?；;\n]*(?:[。！？!?；;]+[」』”’）)]*|\n|$)/g;
  for (const m of text.matchAll(re)) {
    const s = m[0].trim();
    if (s) out.push(s);
    if (m[0] === '') break;
  }
  return out;
}

/** Sentences longer than `max` are cut into pieces, so every piece fits in one document. */
function fitSentences(sentences: string[], max: number): string[] {
  return sentences.flatMap((s) => {
    const pieces: string[] = [];
    for (let i = 0; i < s.length; i += max) pieces.push(s.slice(i, i + max));
    return pieces;
  });
}

interface SentencePool {
  docs: Array<{ title: string; sentences: string[] }>;
  /** Every sentence as [doc, sentence], so a uniform pick favours longer documents as real text does. */
  all: Array<[number, number]>;
}

function poolOf(sets: SourceDoc[][], maxChars: number): SentencePool[] {
  return sets.map((docs) => {
    const pool: SentencePool = { docs: [], all: [] };
    for (const d of docs) {
      const sentences = fitSentences(splitSentences(d.text), maxChars);
      if (sentences.length === 0) continue;
      const di = pool.docs.length;
      pool.docs.push({ title: d.title, sentences });
      sentences.forEach((_, si) => pool.all.push([di, si]));
    }
    return pool;
  });
}

/** `count` documents composed from `sets` (each an array of source documents). Pure and deterministic. */
export function generateCorpus(sets: SourceDoc[][], count: number, options: Partial<GeneratorOptions> = {}): GeneratedDoc[] {
  const o = { ...DEFAULT_GENERATOR_OPTIONS, ...options };
  const random = seededRandom(o.seed);
  const pools = poolOf(sets, o.maxChars).filter((p) => p.all.length > 0);
  if (pools.length === 0) throw new Error('No sentences to compose a corpus from.');
  const totalSentences = pools.reduce((n, p) => n + p.all.length, 0);
  const docs: GeneratedDoc[] = [];

  for (let i = 0; i < count; i++) {
    // Pick the set in proportion to its size, then a starting sentence in it.
    let r = randomInt(random, totalSentences);
    let pool = pools[0];
    for (const p of pools) {
      if (r < p.all.length) {
        pool = p;
        break;
      }
      r -= p.all.length;
    }
    const [di, start] = pool.all[r];
    const primary = pool.docs[di];
    let text = '';
    let si = start;
    // One splice always happens early: without it a start sentence would too often yield the same window.
    const spliceAt = 1 + randomInt(random, 2);
    // Bounded: a run longer than a few laps of its document means the sentences are tiny; stop anyway.
    for (let steps = 0; steps < primary.sentences.length * 4 + 8 && (text.length < o.minChars || steps <= spliceAt); steps++) {
      let sentence = primary.sentences[si % primary.sentences.length];
      si++;
      if (steps > 0 && random() < o.skipRate) continue;
      if (steps === spliceAt || random() < o.spliceRate) {
        const [odi, osi] = pool.all[randomInt(random, pool.all.length)];
        sentence = pool.docs[odi].sentences[osi];
      }
      if (text.length + sentence.length > o.maxChars) {
        // Fill up with the sentence's head, cut after a comma when that still reaches minChars.
        const head = sentence.slice(0, o.maxChars - text.length);
        const comma = Math.max(head.lastIndexOf('，'), head.lastIndexOf(','));
        text += comma >= 0 && text.length + comma + 1 >= o.minChars ? head.slice(0, comma + 1) : head;
        break;
      }
      text += sentence;
    }
    docs.push({ id: `gen-${String(i).padStart(7, '0')}`, title: primary.title, text });
  }
  return docs;
}

/** Writes documents in the corpus JSONL format the indexer reads ({id, title, text} a line). */
export function writeCorpusJsonl(file: string, docs: readonly GeneratedDoc[]): void {
  writeFileSync(file, docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
}
