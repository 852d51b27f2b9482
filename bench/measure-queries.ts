/**
 * Everything measured over one loaded index: ask() latency and stage shares, the side-by-side
 * methods (HNSW, exact, BM25, MiniSearch) on the same questions, HNSW recall@10 at several ef
 * against exact search over the stored vectors, memory, and — when the questions carry gold
 * answers for this corpus — each method's hit rates.
 */
import type { ChunkHit, LexicalQuery, ReportIndex } from '../src/index/types.ts';
import type { Answer, ReportsService } from '../src/retrieval/types.ts';
import { containsGold, widthForm } from '../src/eval/metrics.ts';
import { ExactSearch } from './exact-search.ts';
import { MiniSearchPeer } from './minisearch-peer.ts';
import { hybridSearch } from '../src/retrieval/hybrid.ts';
import type { QuestionFilters } from '../src/retrieval/question/types.ts';
import { recallAtK } from './recall.ts';
import type { MethodName, MethodQuality, MethodSpeed, QueryMeasurement, RecallAtEf } from './result-types.ts';
import { stageShares, summarise } from './stats.ts';

export interface BenchQuestion {
  q: string;
  answers: string[];
}

/** A dense searcher at a given ef (the bench loads the HNSW graph itself to vary ef). */
export type DenseAtEf = (vector: Float32Array, k: number) => ChunkHit[];

export interface MeasureOptions {
  efValues: number[];
  /** Opens the index's HNSW graph searching with `ef`; called once per ef value. */
  openHnswAtEf?: (ef: number) => Promise<DenseAtEf>;
  /**
   * Turns a question into the text the methods search (the engine's question understanding), so
   * that every method alone gets the same query and only the search differs.
   */
  queryText?: (q: string) => string;
  /** What ask()'s BM25 search gets (an English question's words as concepts); `queryText` when absent. */
  lexicalQuery?: (q: string) => string | LexicalQuery;
  /** The question's filters (dates, meetings) as ask() parses them, for the fused search alone. */
  filtersOf?: (q: string) => QuestionFilters;
  /** Compute hit rates (the questions' answers are in this corpus). */
  scoreQuality: boolean;
  /**
   * Exact search and MiniSearch cost O(corpus) per query: at most this many questions go through
   * them (and so into recall); undefined means all. Quality runs need all.
   */
  maxSlowQueries?: number;
  /** MiniSearch is skipped on larger indexes (its build alone takes minutes at 100,000 chunks). */
  peerMaxChunks?: number;
}

const K = 10;
const mib = (bytes: number) => bytes / 2 ** 20;

function time<T>(fn: () => T): [T, number] {
  const t = performance.now();
  const r = fn();
  return [r, performance.now() - t];
}

async function timeAsync<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const r = await fn();
  return [r, performance.now() - t];
}

class HitCounter {
  first = 0;
  top3 = 0;
  n = 0;
  constructor(readonly texts: (hits: ChunkHit[]) => string[]) {}
  add(hits: ChunkHit[], answers: string[]): void {
    const texts = this.texts(hits);
    this.n++;
    if (containsGold(texts[0], answers, widthForm)) this.first++;
    if (texts.slice(0, 3).some((t) => containsGold(t, answers, widthForm))) this.top3++;
  }
  quality(method: MethodName): MethodQuality {
    return { method, firstHit: this.first / (this.n || 1), top3Hit: this.top3 / (this.n || 1) };
  }
}

/**
 * Runs the questions through ask() first (the end-to-end figures, memory after them), then
 * through each method alone. `rssAfterLoadMb` is passed in: the caller measures it right after load.
 */
export async function measureQueries(
  index: ReportIndex,
  service: ReportsService,
  questions: readonly BenchQuestion[],
  rssAfterLoadMb: number,
  opts: MeasureOptions,
): Promise<Omit<QueryMeasurement, 'coldStart'>> {
  const chunkText = (hits: ChunkHit[]) => hits.map((h) => index.chunks[h.chunk]?.text ?? '');
  const chunkIndexById = new Map(index.chunks.map((c, i) => [c.id, i]));

  // 1. End to end.
  const askMs: number[] = [];
  const askCpu: number[] = [];
  const timings: Array<Record<string, number>> = [];
  const answers: Array<Answer | undefined> = [];
  let errors = 0;
  for (const { q } of questions) {
    try {
      const cpu0 = process.cpuUsage();
      const [answer, t] = await timeAsync(() => service.ask(q));
      const cpu = process.cpuUsage(cpu0);
      askMs.push(t);
      askCpu.push((cpu.user + cpu.system) / 1000);
      timings.push(answer.timings_ms);
      answers.push(answer);
    } catch {
      // A refused question (QuestionError) is not timed: the bench measures answering.
      errors++;
      answers.push(undefined);
    }
  }
  const memAfter = process.memoryUsage();

  // 2. Each method alone. Query vectors are computed once and reused (the embed cost is in ask's stages).
  const texts = questions.map((x) => (opts.queryText ? opts.queryText(x.q) : x.q));
  const vectors = await index.embedder.embed(texts, 'query');
  const lexical = questions.map((x, i) => (opts.lexicalQuery ? opts.lexicalQuery(x.q) : texts[i]));

  const methods: MethodSpeed[] = [{ method: 'hybrid (ask)', latency: summarise(askMs) }];
  const hitsBy: Partial<Record<MethodName, ChunkHit[][]>> = {};

  const slow = Math.min(questions.length, opts.maxSlowQueries ?? questions.length);
  const runMethod = (method: MethodName, count: number, search: (i: number) => ChunkHit[], setupMs?: number) => {
    const ms: number[] = [];
    const all: ChunkHit[][] = [];
    for (let i = 0; i < count; i++) {
      const [hits, t] = time(() => search(i));
      ms.push(t);
      all.push(hits);
    }
    methods.push({ method, latency: summarise(ms), setupMs });
    hitsBy[method] = all;
  };

  const corpusFlags = {
    dated: index.articles.some((a) => a.date !== undefined),
    withMeetings: index.articles.some((a) => a.meeting !== undefined),
  };
  const filters = questions.map((x) => opts.filtersOf?.(x.q) ?? {});
  // hybridSearch is async (the embedder is); timed like ask, one question at a time.
  {
    const ms: number[] = [];
    const all: ChunkHit[][] = [];
    for (let i = 0; i < questions.length; i++) {
      const [r, t] = await timeAsync(() => hybridSearch(index, { text: texts[i], filters: filters[i], lexical: lexical[i] }, corpusFlags));
      ms.push(t);
      all.push(r.hits.slice(0, K).map((h) => ({ chunk: h.chunk, score: h.score })));
    }
    methods.push({ method: 'hybrid (fusion)', latency: summarise(ms) });
    hitsBy['hybrid (fusion)'] = all;
  }
  runMethod('HNSW (dense)', questions.length, (i) => index.denseSearch(vectors[i], K));
  const [exact, exactSetup] = time(() => new ExactSearch(index.chunks.length, index.embedder.dim, (i) => index.vector(i)));
  runMethod('exact (dense)', slow, (i) => exact.search(vectors[i], K), exactSetup);
  runMethod('BM25', questions.length, (i) => index.lexicalSearch(lexical[i], K));
  let skipped: string | undefined;
  if (opts.peerMaxChunks === undefined || index.chunks.length <= opts.peerMaxChunks) {
    const [mini, miniSetup] = time(
      () =>
        new MiniSearchPeer(
          index.chunks.map((c) => c.text),
          (t) => index.analyse(t),
        ),
    );
    runMethod('MiniSearch', slow, (i) => mini.search(texts[i], K), miniSetup);
  } else {
    skipped = `MiniSearch not run above ${opts.peerMaxChunks} chunks (--peer-max-chunks)`;
  }
  const exactHits = hitsBy['exact (dense)']!;
  const exactMs = methods.find((m) => m.method === 'exact (dense)')!.latency;

  // 3. Recall at each ef against the exact hits already computed.
  const recall: RecallAtEf[] = [];
  if (opts.openHnswAtEf) {
    const nq = slow;
    for (const ef of opts.efValues) {
      const dense = await opts.openHnswAtEf(ef);
      const ms: number[] = [];
      let sum = 0;
      for (let i = 0; i < nq; i++) {
        const [hits, t] = time(() => dense(vectors[i], K));
        ms.push(t);
        sum += recallAtK(hits, exactHits[i], K);
      }
      const hnsw = summarise(ms);
      recall.push({ ef, recallAt10: sum / (nq || 1), hnsw, speedup: exactMs.p50 / hnsw.p50, speedupMean: exactMs.mean / hnsw.mean });
    }
  }

  // 4. Quality, when the corpus is the questions' own.
  let quality: MethodQuality[] | undefined;
  if (opts.scoreQuality) {
    quality = [];
    let excerpt = 0;
    let short = 0;
    let abstained = 0;
    const askHits = new HitCounter(chunkText);
    answers.forEach((a, i) => {
      const gold = questions[i].answers;
      if (!a) {
        askHits.add([], gold);
        return;
      }
      if (a.abstained) abstained++;
      if (containsGold(a.citations[0]?.excerpt, gold, widthForm)) excerpt++;
      if (!a.abstained && containsGold(a.answer, gold, widthForm)) short++;
      const hits = a.citations.map((c) => ({ chunk: chunkIndexById.get(c.chunkId) ?? -1, score: c.score }));
      askHits.add(hits, gold);
    });
    const n = questions.length || 1;
    quality.push({ ...askHits.quality('hybrid (ask)'), excerptHit: excerpt / n, answerHit: short / n, abstained: abstained / n });
    for (const m of ['hybrid (fusion)', 'HNSW (dense)', 'exact (dense)', 'BM25', 'MiniSearch'] as const) {
      const counter = new HitCounter(chunkText);
      const hits = hitsBy[m];
      if (!hits) continue;
      hits.forEach((hits, i) => counter.add(hits, questions[i].answers));
      quality.push(counter.quality(m));
    }
  }

  return {
    chunks: index.chunks.length,
    hnswParams: index.manifest.hnsw,
    articles: index.articles.length,
    questions: questions.length,
    ask: { latency: summarise(askMs), cpu: summarise(askCpu), stages: stageShares(timings), errors },
    skipped,
    methods,
    recall,
    exact: exactMs,
    memory: { rssAfterLoadMb, rssAfterQuestionsMb: mib(memAfter.rss), heapAfterQuestionsMb: mib(memAfter.heapUsed) },
    quality,
  };
}
