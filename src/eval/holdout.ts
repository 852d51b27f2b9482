/**
 * Refusal measured at scale: whole articles are removed from a public set's corpus (every Nth title,
 * in an order fixed by a seed) and their questions become questions the reports cannot answer. The
 * rest stay answerable, so one run shows both sides of the answer/refuse trade-off.
 */
import { readFileSync } from 'node:fs';
import type { QaItem } from './qa-file.ts';

export interface HoldoutPlan {
  /** The corpus lines kept, as read (JSONL). */
  keptLines: string[];
  /** Ids of the documents removed. */
  removed: Set<string>;
  /** The questions: those about removed documents with no answers (kind `holdout`), the rest as given. */
  items: QaItem[];
}

/** FNV-1a over the seed and the text: a stable, seeded order of titles. */
function seededHash(seed: number, text: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * Titles (a document's `title`, else its `id`) ordered by their seeded hash; every `every`-th is
 * removed with all its documents (an article split into several documents goes as a whole).
 */
export function planHoldout(corpusJsonl: string, items: readonly QaItem[], every: number, seed = 1): HoldoutPlan {
  if (!Number.isInteger(every) || every < 2) throw new Error('--holdout needs a whole number of at least 2 (every Nth title is removed)');
  const lines = corpusJsonl.split('\n').filter((l) => l.trim());
  const docs = lines.map((line, i) => {
    try {
      const d = JSON.parse(line) as { id?: unknown; title?: unknown };
      return { line, id: String(d.id ?? i + 1), title: String(d.title ?? d.id ?? i + 1) };
    } catch {
      return { line, id: `#${i + 1}`, title: `#${i + 1}` };
    }
  });
  const titles = [...new Set(docs.map((d) => d.title))].sort((a, b) => seededHash(seed, a) - seededHash(seed, b) || a.localeCompare(b));
  const dropped = new Set(titles.filter((_, i) => i % every === every - 1));
  const removed = new Set(docs.filter((d) => dropped.has(d.title)).map((d) => d.id));
  return {
    keptLines: docs.filter((d) => !removed.has(d.id)).map((d) => d.line),
    removed,
    items: items.map((q) =>
      q.doc !== undefined && removed.has(q.doc) ? { ...q, answers: [], heldAnswers: q.answers, kind: 'holdout' } : q,
    ),
  };
}

/** `planHoldout` over a corpus file. */
export function planHoldoutFile(corpusFile: string, items: readonly QaItem[], every: number, seed?: number): HoldoutPlan {
  return planHoldout(readFileSync(corpusFile, 'utf8'), items, every, seed);
}
