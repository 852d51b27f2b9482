/**
 * What the reports contain, answered from the BM25 index's postings instead of a copy of the
 * corpus: per-article document frequencies of character units (for term-stats' IDF), and whether a
 * question word occurs anywhere. Both were precomputed over every article at load (tens of seconds
 * and ~1.5 GB at 100,000 articles); each look-up here touches one or a few posting lists.
 */
import { chunkSearchText } from '../index/search-text.ts';
import type { ReportIndex } from '../index/types.ts';
import type { DocumentFrequencies, TermStats } from './term-stats.ts';
import { HAN_CHAR } from '../text/han.ts';
import { unitText, type Unit } from '../text/units.ts';

type Postings = (term: string) => Uint32Array | undefined;

/** Distinct-article counts stay cached per unit; question units repeat across questions. */
const DF_CACHE = 50_000;
/** Chunks holding all of a word's bigrams that are searched for the word itself, at most. */
const VERIFY_LIMIT = 200;

/** The BM25 term behind a unit: its text (the analyser indexes characters, bigrams and words bare). */
const termOf = unitText;

/**
 * Article ordinal of each chunk (article ids are unique). As built, chunks come article by article
 * in the articles' order, so both lists are followed side by side; an id is looked up in a map of
 * every article only where they part (do not rely on the order). At 100,000 articles the map alone
 * took 30–90 ms of every start.
 */
function chunkArticles(index: ReportIndex): Uint32Array {
  const { articles, chunks } = index;
  let ordinal: Map<string, number> | undefined;
  const lookUp = (id: string): number => {
    if (!ordinal) {
      ordinal = new Map();
      articles.forEach((a, i) => ordinal!.set(a.id, i));
    }
    return ordinal.get(id) ?? 0;
  };
  const out = new Uint32Array(chunks.length);
  let a = 0;
  for (let i = 0; i < chunks.length; i++) {
    const id = chunks[i].articleId;
    if (a < articles.length && articles[a].id === id) out[i] = a;
    else if (a + 1 < articles.length && articles[a + 1].id === id) out[i] = ++a;
    else out[i] = lookUp(id);
  }
  return out;
}

/** Per-article document frequencies of units, counted from the chunk postings on demand. */
export function postingsTermStats(index: ReportIndex, postings: Postings): TermStats {
  const articleOf = chunkArticles(index);
  // As built, every article's chunks are consecutive and in article order: then a posting list's
  // articles never decrease and counting changes is enough.
  let grouped = true;
  for (let i = 1; i < articleOf.length && grouped; i++) grouped = articleOf[i] >= articleOf[i - 1];
  const cache = new Map<string, number>();
  // Counted in the index's postings when it can (a common character's postings run to hundreds of
  // thousands at 1,000,000 chunks: copied into one list, they were most of understanding a question).
  const inPlace = grouped && index.lexicalGroupCount ? index.lexicalGroupCount.bind(index) : undefined;
  // When every article is one chunk (articles in chunk order, one each), the articles holding a unit
  // are its chunks: their count needs no walk of the postings at all.
  let oneEach = articleOf.length === index.articles.length;
  for (let i = 0; i < articleOf.length && oneEach; i++) oneEach = articleOf[i] === i;
  const chunkCount = oneEach && index.lexicalDocCount ? index.lexicalDocCount.bind(index) : undefined;
  const count = (unit: Unit): number => {
    let n = cache.get(unit);
    if (n !== undefined) return n;
    if (inPlace) {
      n = chunkCount ? chunkCount(termOf(unit)) : inPlace(termOf(unit), articleOf);
      if (cache.size >= DF_CACHE) cache.clear();
      cache.set(unit, n);
      return n;
    }
    const docs = postings(termOf(unit));
    n = 0;
    if (docs) {
      let last = -1;
      const seen = grouped ? undefined : new Set<number>();
      for (let i = 0; i < docs.length; i++) {
        const a = articleOf[docs[i]];
        if (a === last) continue;
        last = a;
        if (seen) {
          if (seen.has(a)) continue;
          seen.add(a);
        }
        n++;
      }
    }
    if (cache.size >= DF_CACHE) cache.clear();
    cache.set(unit, n);
    return n;
  };
  const df: DocumentFrequencies = {
    get: (unit) => {
      const n = count(unit);
      return n > 0 ? n : undefined;
    },
    has: (unit) => count(unit) > 0,
  };
  return { docs: index.articles.length, df };
}

/** Chunks in all of the (ascending) lists. */
function intersect(lists: Uint32Array[]): number[] {
  const sorted = [...lists].sort((a, b) => a.length - b.length);
  let out = Array.from(sorted[0]);
  for (const list of sorted.slice(1)) {
    const next: number[] = [];
    let j = 0;
    for (const d of out) {
      while (j < list.length && list[j] < d) j++;
      if (j < list.length && list[j] === d) next.push(d);
    }
    out = next;
    if (!out.length) break;
  }
  return out;
}

/** The runs a word is indexed by: Han runs (as their bigrams, or the lone character) and Latin letter and number runs (latin-runs.ts). */
const RUNS = /\p{Script=Han}+|[a-z][a-z0-9]*|[0-9][0-9.]*/gu;

/** BM25 terms that a chunk printing `word` must hold: the bigrams or characters of its Han runs, its Latin and number runs. */
function termsOf(word: string): string[] {
  const out: string[] = [];
  for (const [run] of word.matchAll(RUNS)) {
    const chars = Array.from(run);
    if (!HAN_CHAR.test(chars[0]) || chars.length === 1) out.push(run);
    else for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  }
  return out;
}

/**
 * Whether a word (search form) occurs in some chunk's search text (headline and text): a BM25
 * term occurs; otherwise every term a chunk printing it must hold (`termsOf`: 常务会议's bigrams,
 * t-92's letter and number runs, 梅·雷's characters) must be one, and the chunks holding them all
 * are searched for the word. Past VERIFY_LIMIT such chunks it counts as occurring (never seen to
 * matter: a word whose bigrams share hundreds of chunks is a common phrase).
 */
export function occursInReports(index: ReportIndex, postings: Postings, word: string): boolean {
  // Counted where the index can (its postings are not copied for a yes or no).
  if (index.lexicalDocCount ? index.lexicalDocCount(word) > 0 : postings(word)) return true;
  const pieces = termsOf(word);
  if (pieces.length === 0 || (pieces.length === 1 && pieces[0] === word)) return false;
  const lists: Uint32Array[] = [];
  for (const piece of pieces) {
    const p = postings(piece);
    if (!p) return false;
    lists.push(p);
  }
  const both = intersect(lists);
  for (let i = 0; i < both.length && i < VERIFY_LIMIT; i++) if (chunkSearchText(index.chunks[both[i]]).includes(word)) return true;
  return both.length > VERIFY_LIMIT;
}
