/**
 * The reports engine: question → understanding → hybrid search → facts or passage answer →
 * citations, or an abstention with related articles. One immutable state per loaded index, so a
 * swap (after /reindex) is atomic: questions in flight finish on the state they started with.
 */
import type { Article } from '../corpus/types.ts';
import { splitSentences } from '../corpus/sentences.ts';
import { loadIndex } from '../index/load.ts';
import { toSearchForm } from '../index/text-normalise.ts';
import type { ReportIndex } from '../index/types.ts';
import { ABSTAIN_TEXT, abstainReason, DEFAULT_POLICY, type AbstainPolicy } from './abstain.ts';
import { DEFAULT_WEIGHTS, scorePassages, shortAnswer, type CandidateArticle, type SelectWeights } from './answer-select.ts';
import { segmentWords } from '../index/analyser.ts';
import { chooseSupports, makeCitation, type Support } from './citations.ts';
import { MAX_EXCERPT } from './excerpt.ts';
import { cueMatches, refineAnswerType } from './answer-cues.ts';
import { answerFromFacts, eventsOnDate, eventsText } from './facts.ts';
import { articleBm25 } from './article-bm25.ts';
import { DEFAULT_HYBRID, hybridSearch, type HybridOptions } from './hybrid.ts';
import { occursInReports, postingsTermStats } from './corpus-vocabulary.ts';
import { missingWords } from './missing-words.ts';
import { articlePassages, type Passage } from './passages.ts';
import { understand } from './question/index.ts';
import { loadLexicon } from './question/lexicon.ts';
import { translateQuestion } from './question/translate.ts';
import type { UnderstoodQuestion } from './question/types.ts';
import { chineseQueryUnits, contentText, discountStraddles, STRADDLE_WEIGHT, matchedWeight, translatedQueryUnits, withSayingConcept, type QueryUnits } from './query-units.ts';
import { buildTermStats, textUnits, type TermStats } from './term-stats.ts';
import type { Answer, ArticleSummary, Citation, MeetingInfo, ReportsService } from './types.ts';

export interface EngineOptions {
  modelsDir: string;
  hybrid?: Partial<HybridOptions>;
  select?: Partial<SelectWeights>;
  abstain?: Partial<AbstainPolicy>;
  /** Articles whose passages are scored for the answer. */
  candidates?: number;
  /** Articles taken from the fused list before re-ranking them by coverage. */
  pool?: number;
  /**
   * Weight of an article's coverage of the question (IDF-weighted character units of the whole
   * article) against its fused retrieval score, which only sees the article's best chunk. Measured
   * with BM25 ranking alone (built-in embedder), first excerpt cmrc / drcd / xquad: 0 → 0.3 gives
   * 0.903 / 0.946 / 0.724 → 0.902 / 0.947 / 0.733; 0.5 and 0.8 gain less.
   */
  articleCoverage?: number;
  /** Weight of the whole-article BM25 of the question (normalised over the pool) in article re-ranking. */
  articleBm25?: number;
  /** A neighbour scoring at least this share of the best passage joins its support (0 = never). */
  pairShare?: number;
  /** Answer who-questions from extracted people (default true). */
  facts?: boolean;
  /** Weight of question bigrams straddling two words when ranking passages (see query-units.ts). */
  straddleWeight?: number;
  /** Attach the best-scored passages with their features to each answer (`Answer.explain`). */
  explain?: boolean;
}

/** Everything derived from one loaded index. */
interface State {
  index: ReportIndex;
  /** An article's passages, computed on first use (only a question's few candidates need them). */
  passagesOf: (articleId: string) => Passage[];
  stats: TermStats;
  dated: boolean;
  withMeetings: boolean;
  /** Whether a question word (search form) occurs anywhere in the headlines and bodies. */
  occurs: (word: string) => boolean;
  /** The units of an article (headline and body), for re-ranking articles by coverage. */
  articleUnits: (articleId: string) => Set<string>;
  /** Mean article body length (characters), for whole-article BM25. */
  avgLength: number;
}

const unitsOf = (t: string) => textUnits(toSearchForm(t));

/** Articles whose passages stay cached: a question scores ≤ 6, so this spans many questions. */
const PASSAGE_CACHE = 256;

/**
 * Cheap at any size: passages are cut per candidate article when a question needs them, and term
 * statistics and word look-ups come from the BM25 postings (measured at 100,000 articles: preparing
 * every article up front took 17.5 s and ~1.5 GB).
 */
function prepare(index: ReportIndex): State {
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
  const articleUnits = (id: string): Set<string> => {
    const all = new Set<string>();
    for (const p of passagesOf(id)) for (const u of p.units) all.add(u);
    for (const u of unitsOf(index.articleById.get(id)?.headline ?? '')) all.add(u);
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
    stats = buildTermStats(index.articles.map((a) => articleUnits(a.id)));
    const corpusText = index.articles.map((a) => toSearchForm(`${a.headline}\n${a.body}`)).join('\n');
    occurs = (w) => corpusText.includes(w);
  }
  return {
    index,
    passagesOf,
    stats,
    articleUnits,
    avgLength: index.articles.reduce((n, a) => n + a.body.length, 0) / (index.articles.length || 1),
    dated: index.articles.some((a) => a.date !== undefined),
    withMeetings: index.articles.some((a) => a.meeting !== undefined),
    occurs,
  };
}

function queryFor(u: UnderstoodQuestion, stats: TermStats): QueryUnits {
  if (u.script !== 'en' && u.script !== 'mixed') return chineseQueryUnits(u.text, stats, segmentWords(u.text));
  const t = translateQuestion(u.original, loadLexicon());
  const english = translatedQueryUnits(t.groups, t.kept, stats);
  if (u.script === 'en') return english;
  const han = (u.original.match(/\p{Script=Han}+/gu) ?? []).join(' ');
  const chinese = chineseQueryUnits(toSearchForm(han), stats);
  return { concepts: [...chinese.concepts, ...english.concepts], total: chinese.total + english.total };
}

function firstSentence(body: string): string {
  const s = splitSentences(body)[0]?.text ?? body;
  const line = s.replace(/\s+/g, ' ').trim();
  return line.length > 120 ? line.slice(0, 119) + '…' : line;
}

/**
 * The built-in embedder hashes character n-grams, much like BM25's terms, but ranks far worse (gold
 * document first: dense 0.77 vs BM25 0.95 on drcd-dev), so it only breaks near-ties of BM25: measured
 * first excerpt cmrc / drcd / xquad at [0, 1] 0.906 / 0.9498 / 0.736, at [0.06, 1] 0.906 / 0.949 /
 * 0.743 with xquad false abstention 1.02% → 0.9% (an English question whose BM25 top article holds no
 * translated word). A real model keeps equal weight.
 */
const BUILTIN_DENSE_WEIGHTS: [number, number] = [0.06, 1];

const PAIR_SHARE = 0.6;
const ARTICLE_COVERAGE = 0.3;
/**
 * Whole-article BM25 in article re-ranking (normalised over the pool). Measured, first excerpt
 * cmrc / drcd / xquad: 0 → 0.2 gives 0.903 / 0.9486 / 0.733 → 0.903 / 0.9492 / 0.734; 0.3 and 0.5
 * help xquad more (0.739) but cost drcd.
 */
const ARTICLE_BM25_WEIGHT = 0.2;

const round = (ms: number) => Math.round(ms * 10) / 10;

export class ReportsEngine implements ReportsService {
  private state: State;

  private constructor(
    index: ReportIndex,
    private readonly opts: EngineOptions,
  ) {
    this.state = prepare(index);
  }

  static async open(indexDir: string, opts: EngineOptions): Promise<ReportsEngine> {
    const index = await loadIndex(indexDir, { modelsDir: opts.modelsDir });
    return new ReportsEngine(index, opts);
  }

  /** An engine over an already loaded index (tests, eval). */
  static fromIndex(index: ReportIndex, opts: EngineOptions): ReportsEngine {
    return new ReportsEngine(index, opts);
  }

  get index(): ReportIndex {
    return this.state.index;
  }

  /**
   * Pays one-time costs before the first real question: the English lexicon (~0.5 s) and the first
   * search (JIT, analyser). For long-running front ends and benchmarks; a one-shot CLI skips it.
   */
  async warmUp(): Promise<void> {
    loadLexicon();
    await this.ask('warm up 预热').catch(() => undefined);
  }

  /** Replaces the index atomically; questions already running keep the old one. */
  swap(index: ReportIndex): void {
    this.state = prepare(index);
  }

  /** Loads the index folder again (after a rebuild) and swaps to it. */
  async reload(): Promise<void> {
    const index = await loadIndex(this.state.index.dir, { modelsDir: this.opts.modelsDir });
    this.swap(index);
  }

  async ask(question: string): Promise<Answer> {
    const state = this.state;
    const { index } = state;
    const t0 = performance.now();
    const u = understand(question);
    const query = queryFor(u, state.stats);
    const tNorm = performance.now();

    const hybrid = await hybridSearch(
      index,
      // Question words are not content: left out of the search text (measured +0.001 on drcd-dev).
      { text: u.script !== 'en' ? contentText(u.text) || u.text : u.text, filters: u.intent.filters },
      { dated: state.dated, withMeetings: state.withMeetings },
      { ...DEFAULT_HYBRID, ...(index.embedder.id.startsWith('builtin') ? { weights: BUILTIN_DENSE_WEIGHTS } : {}), ...this.opts.hybrid },
    );
    const tAnswer = performance.now();

    // Distinct articles in fused order, re-ranked with how much of the question each article covers
    // as a whole (character units match where the BM25 words and the n-gram vectors miss).
    const fusedOf = new Map<string, number>();
    const top = hybrid.hits[0]?.score || 1;
    for (const h of hybrid.hits) {
      const id = index.chunks[h.chunk].articleId;
      if (!fusedOf.has(id)) fusedOf.set(id, h.score / top);
      if (fusedOf.size >= (this.opts.pool ?? 15)) break;
    }
    const hitsOf = new Map<string, Array<{ start: number; end: number; score: number }>>();
    for (const h of hybrid.hits) {
      const c = index.chunks[h.chunk];
      const list = hitsOf.get(c.articleId) ?? [];
      list.push({ start: c.start, end: c.end, score: h.score / top });
      hitsOf.set(c.articleId, list);
    }
    const wCover = this.opts.articleCoverage ?? ARTICLE_COVERAGE;
    const wBm25 = this.opts.articleBm25 ?? ARTICLE_BM25_WEIGHT;
    const docScores = new Map<string, number>();
    if (wBm25 > 0) {
      for (const id of fusedOf.keys()) {
        const a = index.articleById.get(id);
        const texts = [toSearchForm(a?.headline ?? ''), ...state.passagesOf(id).map((p) => p.norm)];
        docScores.set(id, articleBm25(query, texts, a?.body.length ?? 0, state.avgLength));
      }
    }
    const docTop = Math.max(0, ...docScores.values()) || 1;
    const ranked = [...fusedOf].map(([id, fused]) => {
      const cover = wCover > 0 && query.total > 0 ? matchedWeight(query, state.articleUnits(id)) / query.total : 0;
      return { id, score: fused + wCover * cover + (wBm25 * (docScores.get(id) ?? 0)) / docTop };
    });
    ranked.sort((a, b) => b.score - a.score);
    const bestScore = ranked[0]?.score || 1;
    const candidates: Array<CandidateArticle & { article: Article }> = ranked.slice(0, this.opts.candidates ?? 6).map(({ id, score }) => {
      const article = index.articleById.get(id)!;
      return {
        articleId: id,
        article,
        passages: state.passagesOf(id),
        prior: score / bestScore,
        people: article.people.map((p) => p.name),
        headlineUnits: unitsOf(article.headline),
        hits: hitsOf.get(id) ?? [],
      };
    });

    const answerType = refineAnswerType(u.intent.answerType, u.text);
    const questionText = toSearchForm(u.original);
    const rankQuery = u.script === 'en' ? query : withSayingConcept(discountStraddles(query, this.opts.straddleWeight ?? STRADDLE_WEIGHT), u.text, state.stats);
    const scored = scorePassages(rankQuery, questionText, answerType, candidates, { ...DEFAULT_WEIGHTS, ...this.opts.select });
    const fact =
      this.opts.facts !== false && answerType === 'person'
        ? answerFromFacts(u.intent.role, query, candidates, unitsOf)
        : undefined;

    const best = scored[0];
    let coverage = 0;
    if (best) {
      const ps = state.passagesOf(best.articleId);
      const i = best.passage.index;
      const ctx = new Set<string>();
      for (const p of [ps[i - 1], ps[i], ps[i + 1]]) if (p) for (const x of p.units) ctx.add(x);
      for (const x of unitsOf(index.articleById.get(best.articleId)?.headline ?? '')) ctx.add(x);
      coverage = query.total > 0 ? matchedWeight(query, ctx) / query.total : 0;
    }
    const missing = u.script === 'en' ? [] : missingWords(u.text, state.occurs);
    const reason = abstainReason(
      {
        filterSatisfied: hybrid.filterSatisfied,
        coverage,
        missing: missing.length,
        english: u.script === 'en',
        factAnswered: fact !== undefined,
        hasCandidate: best !== undefined,
      },
      { ...DEFAULT_POLICY, ...this.opts.abstain },
    );

    const bodyOf = (id: string) => index.articleById.get(id)?.body ?? '';
    const events = eventsOnDate(questionText, u.intent.filters, index.articles);
    let answer: Answer;
    if (events.length) {
      // Meetings by date: each article of the day cited by its lead sentence.
      const citations = events.slice(0, 3).map((a, i) => {
        const lead = splitSentences(a.body)[0];
        const support: Support = { articleId: a.id, start: lead?.start ?? 0, end: lead?.end ?? 0, score: 1 };
        return makeCitation(i + 1, a, support, a.meeting ? [a.meeting] : [], index.chunks);
      });
      answer = { question: u.original, answer: eventsText(events), abstained: false, citations, related: [], timings_ms: {} };
    } else if (reason) {
      const related: Citation[] = candidates.slice(0, 3).map((c, i) => {
        const p = scored.find((s) => s.articleId === c.articleId)?.passage ?? c.passages[0];
        const support: Support = { articleId: c.articleId, start: p?.start ?? 0, end: p?.end ?? 0, score: c.prior };
        return makeCitation(i + 1, c.article, support, [], index.chunks);
      });
      answer = { question: u.original, answer: ABSTAIN_TEXT, abstained: true, citations: [], related, timings_ms: {} };
    } else {
      let text: string;
      let highlight: string[];
      const ranked: Support[] = scored.map((s) => ({ articleId: s.articleId, start: s.passage.start, end: s.passage.end, score: s.score }));
      const share = this.opts.pairShare ?? PAIR_SHARE;
      if (share > 0 && ranked.length) {
        // The best passage's support takes in a neighbour that scores nearly as well, so the
        // excerpt shows both (measured: first excerpt +0.004 drcd-dev, +0.010 cmrc2018-trial).
        const b = scored[0];
        // Compared without the article prior, which both share: with prior 2 it made every neighbour
        // "near" (measured at share 0.6: cmrc2018-trial first excerpt 0.903 → 0.906, others equal).
        const base = (this.opts.select?.prior ?? DEFAULT_WEIGHTS.prior) * (candidates.find((x) => x.articleId === b.articleId)?.prior ?? 0);
        const n = scored.find((s) => s.articleId === b.articleId && Math.abs(s.passage.index - b.passage.index) === 1 && s.score - base >= share * (b.score - base));
        if (n) {
          const start = Math.min(b.passage.start, n.passage.start);
          const end = Math.max(b.passage.end, n.passage.end);
          if (end - start <= MAX_EXCERPT) ranked[0] = { ...ranked[0], start, end };
        }
      }
      if (fact) {
        text = fact.text;
        highlight = fact.names;
        ranked.unshift({ articleId: fact.articleId, start: fact.passage.start, end: fact.passage.end, score: best ? Math.max(best.score, fact.score) : fact.score });
      } else {
        const short = shortAnswer(best.passage, query, answerType, questionText, unitsOf);
        text = short.text;
        const cues = cueMatches(answerType, short.text, u.original, candidates.find((c) => c.articleId === best.articleId)?.people);
        highlight = cues.length ? cues : [short.text];
      }
      const supports = chooseSupports(ranked, bodyOf);
      const citations = supports.map((s, i) =>
        makeCitation(i + 1, index.articleById.get(s.articleId)!, s, i === 0 ? highlight : highlight.filter((h) => h.length < 20), index.chunks),
      );
      answer = { question: u.original, answer: text, abstained: false, citations, related: [], timings_ms: {} };
    }
    answer.support = { coverage: Math.round(coverage * 1000) / 1000, missing };
    if (this.opts.explain) {
      const r = (x: number) => Math.round(x * 1000) / 1000;
      const priorOf = new Map(candidates.map((c) => [c.articleId, c.prior]));
      answer.explain = scored.slice(0, 8).map((s) => ({
        articleId: s.articleId,
        passage: s.passage.text,
        score: r(s.score),
        coverage: r(s.coverage),
        context: r(s.contextCoverage),
        cue: s.cue,
        prior: r(priorOf.get(s.articleId) ?? 0),
      }));
    }
    const tEnd = performance.now();
    answer.timings_ms = {
      normalise: round(tNorm - t0),
      embed: round(hybrid.timings.embed),
      dense: round(hybrid.timings.dense),
      bm25: round(hybrid.timings.bm25),
      fuse: round(hybrid.timings.fuse),
      answer: round(tEnd - tAnswer),
      total: round(tEnd - t0),
    };
    return answer;
  }

  dates(): string[] {
    const set = new Set<string>();
    for (const a of this.state.index.articles) if (a.date) set.add(a.date);
    return [...set].sort().reverse();
  }

  articlesOn(date: string): ArticleSummary[] {
    return this.state.index.articles
      .filter((a) => a.date === date)
      .map((a) => ({ id: a.id, headline: a.headline, ...(a.date ? { date: a.date } : {}), ...(a.meeting ? { meeting: a.meeting } : {}), lead: firstSentence(a.body) }));
  }

  meetings(): Array<{ name: string; date?: string }> {
    const out: Array<{ name: string; date?: string }> = [];
    for (const a of this.state.index.articles) if (a.meeting) out.push({ name: a.meeting, ...(a.date ? { date: a.date } : {}) });
    return out.sort((x, y) => (y.date ?? '').localeCompare(x.date ?? ''));
  }

  meeting(name: string): MeetingInfo | undefined {
    const wanted = toSearchForm(name.trim());
    if (!wanted) return undefined;
    const withMeeting = this.state.index.articles.filter((a) => a.meeting);
    const article =
      withMeeting.find((a) => toSearchForm(a.meeting!) === wanted) ?? withMeeting.find((a) => toSearchForm(a.meeting!).includes(wanted));
    if (!article) return undefined;
    const names = (role: string) => article.people.filter((p) => p.roles.includes(role as never)).map((p) => p.name);
    const passages = this.state.passagesOf(article.id);
    const keyPoints = passages
      .filter((p) => /强调|要求|指出|提出|部署/.test(p.text))
      .slice(0, 5)
      .map((p, i) => makeCitation(i + 1, article, { articleId: article.id, start: p.start, end: p.end, score: 1 }, [], this.state.index.chunks));
    return {
      name: article.meeting!,
      ...(article.date ? { date: article.date } : {}),
      articleId: article.id,
      headline: article.headline,
      chaired: names('chaired'),
      attended: names('attended'),
      keyPoints,
    };
  }

  article(id: string): Article | undefined {
    return this.state.index.articleById.get(id);
  }
}
