/**
 * Refusal measured at scale: whole articles are removed from a public set's corpus (every Nth title,
 * in an order fixed by a seed) and their questions become questions the reports cannot answer. The
 * rest stay answerable, so one run shows both sides of the answer/refuse trade-off. A folder of
 * reports (real-dev) is held out the same way, a report file at a time, for the questions that name
 * their file (`article`).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
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

/** The names removed: ordered by their seeded hash, every `every`-th. */
function heldOutNames(names: Iterable<string>, every: number, seed: number): Set<string> {
  if (!Number.isInteger(every) || every < 2)
    throw new Error('--holdout needs a whole number of at least 2 (every Nth title or report file is removed)');
  const ordered = [...new Set(names)].sort((a, b) => seededHash(seed, a) - seededHash(seed, b) || a.localeCompare(b));
  return new Set(ordered.filter((_, i) => i % every === every - 1));
}

/** A question about a removed document: no answers now, its gold kept to report answers found elsewhere. */
const heldOut = (q: QaItem): QaItem => ({ ...q, answers: [], heldAnswers: q.answers, kind: 'holdout' });

/**
 * Titles (a document's `title`, else its `id`) ordered by their seeded hash; every `every`-th is
 * removed with all its documents (an article split into several documents goes as a whole).
 */
export function planHoldout(corpusJsonl: string, items: readonly QaItem[], every: number, seed = 1): HoldoutPlan {
  const lines = corpusJsonl.split('\n').filter((l) => l.trim());
  const docs = lines.map((line, i) => {
    try {
      const d = JSON.parse(line) as { id?: unknown; title?: unknown };
      return { line, id: String(d.id ?? i + 1), title: String(d.title ?? d.id ?? i + 1) };
    } catch {
      return { line, id: `#${i + 1}`, title: `#${i + 1}` };
    }
  });
  const dropped = heldOutNames(
    docs.map((d) => d.title),
    every,
    seed,
  );
  const removed = new Set(docs.filter((d) => dropped.has(d.title)).map((d) => d.id));
  return {
    keptLines: docs.filter((d) => !removed.has(d.id)).map((d) => d.line),
    removed,
    items: items.map((q) => (q.doc !== undefined && removed.has(q.doc) ? heldOut(q) : q)),
  };
}

export interface FolderHoldoutPlan {
  /** The report files kept (as given). */
  keptFiles: string[];
  /** The report files removed (as given). */
  removed: Set<string>;
  /** Answerable questions naming a removed file (`article`, its path relative to the folder) become held-out; the rest as given. */
  items: QaItem[];
}

/**
 * A folder of reports held out a file at a time: `files` are absolute, ordered by the seeded hash of
 * their path relative to `folder`; every `every`-th is removed. Questions without answers stay as
 * they are (a negative names the report it imitates, not one that answers it).
 */
export function planHoldoutFolder(
  folder: string,
  files: readonly string[],
  items: readonly QaItem[],
  every: number,
  seed = 1,
): FolderHoldoutPlan {
  const relative = new Map(files.map((f) => [path.relative(folder, f).split(path.sep).join('/'), f]));
  const dropped = heldOutNames(relative.keys(), every, seed);
  return {
    keptFiles: [...relative].filter(([r]) => !dropped.has(r)).map(([, f]) => f),
    removed: new Set([...dropped].map((r) => relative.get(r)!)),
    items: items.map((q) => (q.article !== undefined && q.answers.length && dropped.has(q.article) ? heldOut(q) : q)),
  };
}

/** `planHoldout` over a corpus file. */
export function planHoldoutFile(corpusFile: string, items: readonly QaItem[], every: number, seed?: number): HoldoutPlan {
  return planHoldout(readFileSync(corpusFile, 'utf8'), items, every, seed);
}
