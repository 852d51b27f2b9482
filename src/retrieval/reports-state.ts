/**
 * What the engine derives from one loaded index: passages cut on demand, term statistics and word
 * look-ups. Immutable once prepared, so swapping to a rebuilt index swaps one object.
 */
import { splitSentences } from '../text/sentences.ts';
import { toSearchForm } from '../text/search-form.ts';
import type { ReportIndex } from '../index/types.ts';
import type { Article } from '../corpus/types.ts';
import { articleNamesOf, bodyLength, nameKeysOf } from '../index/article-store.ts';
import { occursInReports, postingsTermStats } from './corpus-vocabulary.ts';
import { articlePassages, type Passage } from './passages.ts';
import { pinyinNameIndex, reportNames, type PinyinNameIndex } from './question/pinyin-names.ts';
import { buildTermStats, type TermStats } from './term-stats.ts';
import { textUnits, type Unit, type UnitLookup } from '../text/units.ts';

/** Everything derived from one loaded index. */
export interface ReportsState {
  index: ReportIndex;
  /** An article's passages, computed on first use (only a question's few candidates need them). */
  passagesOf: (articleId: string) => Passage[];
  stats: TermStats;
  dated: boolean;
  withMeetings: boolean;
  /** Whether a question word (search form) occurs anywhere in the headlines and bodies. */
  occurs: (word: string) => boolean;
  /** Whether an article (headline or body) has a unit, for coverage of the whole article. */
  articleUnits: (articleId: string) => UnitLookup;
  /** Mean article body length (characters), for whole-article BM25. */
  avgLength: number;
  /** The names the reports hold, by pinyin (built on the first English question). */
  pinyinNames: () => PinyinNameIndex;
}

/**
 * The names the articles hold by pinyin. A loaded index's articles give their names and the names'
 * keys from the index (worked out at build time): no record is read and pinyin-pro is not loaded.
 */
function namesByPinyin(articles: readonly Article[]): PinyinNameIndex {
  const keys = new Map<string, readonly string[]>();
  const held = reportNames(articles, (a) => {
    const names = articleNamesOf(a);
    for (const n of names) if (!keys.has(n)) keys.set(n, nameKeysOf(a, n));
    return names;
  });
  return pinyinNameIndex(held, (n) => keys.get(n)!);
}

/** Search-form units of raw text (a headline, a clause). */
export const unitsOf = (t: string): Set<Unit> => textUnits(toSearchForm(t));

/**
 * Articles whose passages stay cached. A question ranks a pool of 15 articles, so 256 held under 20
 * questions: on drcd-dev (1,000 articles) cutting passages again was 7.4 of 9.3 s of the select
 * stage's CPU over its 3,524 questions, against 0.3 s with 2,048 (mean ask 8.6 → 5.4 ms, profiled under
 * load). A passage holds its text and search form and looks units up in it, about 4 bytes a body
 * character: 2,048 articles of 1,500 characters are ~12 MB.
 */
const PASSAGE_CACHE = 2048;

/**
 * Cheap at any size: passages are cut per candidate article when a question needs them, and term
 * statistics and word look-ups come from the BM25 postings (measured at 100,000 articles: preparing
 * every article up front took 17.5 s and ~1.5 GB).
 */
export function prepareState(index: ReportIndex): ReportsState {
  const cache = new Map<string, Passage[]>();
  const passagesOf = (id: string): Passage[] => {
    let ps = cache.get(id);
    if (ps) {
      cache.delete(id);
    } else {
      const body = index.articleById.get(id)?.body ?? '';
      ps = articlePassages(body, splitSentences(body), toSearchForm);
      if (cache.size >= PASSAGE_CACHE) cache.delete(cache.keys().next().value!);
    }
    cache.set(id, ps);
    return ps;
  };
  // A view, not a pooled set: a question asks about its own few units, and pooling every unit of
  // the pool's articles per question cost more than the rest of ranking (profiled on seed-dev).
  const articleUnits = (id: string): UnitLookup => {
    const passages = passagesOf(id);
    const headline = unitsOf(index.articleById.get(id)?.headline ?? '');
    return { has: (u) => headline.has(u) || passages.some((p) => p.units.has(u)) };
  };
  const allUnits = (id: string): Set<Unit> => {
    const all = unitsOf(index.articleById.get(id)?.headline ?? '');
    for (const p of passagesOf(id)) for (const u of textUnits(p.norm)) all.add(u);
    return all;
  };
  const postings = index.lexicalPostings?.bind(index);
  let stats: TermStats;
  let occurs: (word: string) => boolean;
  if (postings) {
    stats = postingsTermStats(index, postings);
    occurs = (w) => occursInReports(index, postings, w);
  } else {
    // An index without postings (test doubles): count over every article, as small as it is.
    stats = buildTermStats(index.articles.map((a) => allUnits(a.id)));
    const corpusText = index.articles.map((a) => toSearchForm(`${a.headline}\n${a.body}`)).join('\n');
    occurs = (w) => corpusText.includes(w);
  }
  let names: PinyinNameIndex | undefined;
  return {
    index,
    passagesOf,
    stats,
    articleUnits,
    // bodyLength: a stored article's body is not read for it.
    avgLength: index.articles.reduce((n, a) => n + bodyLength(a), 0) / (index.articles.length || 1),
    dated: index.articles.some((a) => a.date !== undefined),
    withMeetings: index.articles.some((a) => a.meeting !== undefined),
    occurs,
    pinyinNames: () => (names ??= namesByPinyin(index.articles)),
  };
}

/** An article's headline and passages in search form: the text its ordinals, quoted names and the like are read from. */
export function articleSearchText(state: ReportsState, articleId: string): string {
  const headline = toSearchForm(state.index.articleById.get(articleId)?.headline ?? '');
  return [headline, ...state.passagesOf(articleId).map((p) => p.norm)].join('\n');
}
