/**
 * `npx tsx bench/ask-index.ts --index DIR`: asks the bench's latency questions against an index
 * built before (`npm run bench -- --keep-work`, or `npm run index`), several rounds in one process,
 * and prints ask latency, its stages, BM25 alone, and GC pauses; `--profile` adds what BM25 does per
 * question (terms, postings, candidates, documents scored). For measuring a change to searching
 * without building a large index again.
 */
import { PerformanceObserver } from 'node:perf_hooks';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { QA_SETS, checkDataDir, readQa } from './bench-data.ts';
import { readQaFile } from '../src/eval/qa-file.ts';
import { PROJECT_ROOT, latencyQuestions } from './run.ts';
import { lexicalQueryOf } from './service.ts';
import { summarise, stageShares, type LatencySummary } from './stats.ts';

export const USAGE = `Usage: npx tsx bench/ask-index.ts --index DIR [options]
  --index DIR        an index folder (required)
  --queries 100      latency questions (drawn from the QA sets as npm run bench draws them)
  --rounds 3         times each question is asked (the first round warms caches; all rounds are counted)
  --seed 20240601    the bench's sampling seed
  --data DIR         benchmark sets (default ../shared/bench from the project root)
  --qa FILE          ask this QA file's questions instead (e.g. a development set's, with its own index)
  --profile          per question: BM25 terms, postings, candidates and documents scored
  --search-thread on|off  search about half the segments on a second thread (default: as loadIndex decides)`;

const fmt = (s: LatencySummary) =>
  `${s.p50.toFixed(1)} / ${s.p95.toFixed(1)} / ${s.p99.toFixed(1)} (max ${s.max.toFixed(1)}, mean ${s.mean.toFixed(1)})`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      index: { type: 'string' },
      queries: { type: 'string', default: '100' },
      rounds: { type: 'string', default: '3' },
      seed: { type: 'string', default: '20240601' },
      data: { type: 'string', default: path.join(PROJECT_ROOT, '..', 'shared', 'bench') },
      profile: { type: 'boolean', default: false },
      'search-thread': { type: 'string' },
      qa: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const queries = Number(values.queries);
  const rounds = Number(values.rounds);
  if (!values.index || !(queries > 0) || !(rounds > 0)) {
    console.error(USAGE);
    process.exitCode = 2;
    return;
  }
  const questions = values.qa
    ? readQaFile(values.qa).map((item) => ({ q: item.q }))
    : (checkDataDir(values.data),
      latencyQuestions(
        QA_SETS.map((s) => readQa(values.data!, s)),
        queries,
        Number(values.seed),
      ));
  const { loadConfig } = await import('../src/config.ts');
  const { loadIndex } = await import('../src/index/load.ts');
  const { ReportsEngine } = await import('../src/retrieval/engine.ts');
  const modelsDir = loadConfig().modelsDir;
  const t0 = performance.now();
  const thread = values['search-thread'];
  const index = await loadIndex(values.index, { modelsDir, searchThread: thread === undefined ? undefined : thread === 'on' });
  const service = await ReportsEngine.fromIndex(index, { modelsDir });
  const loaded = performance.now();
  // As the bot and the chat do before their first question (src/cli/open-reports.ts): the lexicon,
  // synonyms and script converters load once, not in some question's time.
  await service.warmUp();
  console.log(
    `index ${values.index}: ${index.chunks.length} chunks, loaded in ${((loaded - t0) / 1000).toFixed(1)} s, warmed up in ${((performance.now() - loaded) / 1000).toFixed(1)} s`,
  );

  let gcMs = 0;
  let gcCount = 0;
  let gcMax = 0;
  const gc = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      gcMs += e.duration;
      gcCount++;
      gcMax = Math.max(gcMax, e.duration);
    }
  });
  const askMs: number[] = [];
  const timings: Array<Record<string, number>> = [];
  gc.observe({ entryTypes: ['gc'] });
  for (let r = 0; r < rounds; r++)
    for (const { q } of questions) {
      const t = performance.now();
      try {
        const answer = await service.ask(q);
        askMs.push(performance.now() - t);
        timings.push(answer.timings_ms);
      } catch {
        // A refused question is not timed, as in the bench.
      }
    }
  // GC entries arrive on a later turn of the event loop.
  await new Promise((resolve) => setTimeout(resolve, 200));
  gc.disconnect();
  const asked = askMs.length;
  console.log(`ask over ${asked} answers (${questions.length} questions x ${rounds} rounds): p50 / p95 / p99 ms ${fmt(summarise(askMs))}`);
  console.log(
    `GC during the asks: ${gcCount} pauses, ${gcMs.toFixed(0)} ms in all (${(gcMs / asked).toFixed(2)} ms a question), longest ${gcMax.toFixed(1)} ms`,
  );
  console.log('stage | mean ms | share');
  for (const [stage, { meanMs, share }] of Object.entries(stageShares(timings)).sort((a, b) => b[1].meanMs - a[1].meanMs))
    console.log(`${stage} | ${meanMs.toFixed(2)} | ${(share * 100).toFixed(1)}%`);

  // BM25 alone on the text ask() searches, with the depth hybrid search asks for.
  const texts = questions.map((q) => lexicalQueryOf(q.q));
  const bm25Ms: number[] = [];
  for (let r = 0; r < rounds; r++)
    for (const text of texts) {
      const t = performance.now();
      index.lexicalSearch(text, 30);
      bm25Ms.push(performance.now() - t);
    }
  console.log(`BM25 alone (k 30, no filter): p50 / p95 / p99 ms ${fmt(summarise(bm25Ms))}`);

  if (values.profile) {
    console.log(
      "\nBM25 per question (slowest 15 of the last round): ms | terms (common) | postings | finders' postings | candidates | scored (+ sampled for the floor)",
    );
    const rows = texts.map((text) => {
      const stats = { terms: 0, commonTerms: 0, postings: 0, candidates: 0, scored: 0, sampled: 0 };
      const t = performance.now();
      index.lexicalSearch(text, 30, undefined, stats);
      const ms = performance.now() - t;
      // What scoring every candidate walks: the postings of every term in at most 10% of the chunks.
      const terms = [
        ...new Set(typeof text === 'string' ? index.analyse(text) : [text.text, ...text.groups.flat()].flatMap(index.analyse)),
      ];
      const dfs = terms.map((term) => index.lexicalPostings?.(term)?.length ?? 0).filter((df) => df > 0);
      const common = Math.max(1000, index.chunks.length * 0.1);
      const finders = dfs.filter((df) => df <= common);
      const walked = (finders.length ? finders : [Math.min(...dfs)]).reduce((s, x) => s + x, 0);
      return { text, ms, stats, walked };
    });
    for (const r of rows.sort((a, b) => b.ms - a.ms).slice(0, 15))
      console.log(
        `${r.ms.toFixed(1)} | ${r.stats.terms} (${r.stats.commonTerms}) | ${r.stats.postings} | ${r.walked} | ${r.stats.candidates} | ${r.stats.scored} (+${r.stats.sampled}) | ${(typeof r.text === 'string' ? r.text : [...r.text.groups.map((g) => g[0]), r.text.text].join(' ')).slice(0, 30)}`,
      );
    const sum = (f: (r: (typeof rows)[number]) => number) => rows.reduce((s, r) => s + f(r), 0) / rows.length;
    console.log(
      `mean: ${sum((r) => r.ms).toFixed(2)} ms | ${sum((r) => r.stats.terms).toFixed(1)} terms | ${sum((r) => r.stats.postings).toFixed(0)} postings | ${sum((r) => r.walked).toFixed(0)} finders' postings | ${sum((r) => r.stats.candidates).toFixed(0)} candidates | ${sum((r) => r.stats.scored).toFixed(0)} scored (+${sum((r) => r.stats.sampled).toFixed(0)} sampled)`,
    );
  }
  const mem = process.memoryUsage();
  console.log(`RSS ${(mem.rss / 2 ** 20).toFixed(0)} MiB, heap ${(mem.heapUsed / 2 ** 20).toFixed(0)} MiB`);
}

await main();
