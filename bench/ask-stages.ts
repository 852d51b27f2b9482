/**
 * `npx tsx bench/ask-stages.ts --index DIR[,DIR...]`: where a question's time goes, stage by stage
 * (understand; retrieve: filters, embed, dense, BM25, fusion, ranking; select; decide; compose), for
 * several indexes of the same corpus in one process, question by question index after index, so a
 * one-segment and a ten-segment index compare under the same load. Wall time a stage, and CPU time
 * (the process's, every thread: with the search thread on, its walks count where they happen to run,
 * so `--search-thread off` gives each stage its own CPU). `--dump FILE` writes every answer (timings
 * left out) as JSON lines, one file per index and mode (FILE.0, FILE.1 …): for checking that a change
 * to searching leaves answers identical.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { QA_SETS, checkDataDir, readQa } from './bench-data.ts';
import { PROJECT_ROOT, latencyQuestions } from './run.ts';
import { summarise } from './stats.ts';
import { cpuMs } from './machine.ts';

export const USAGE = `Usage: npx tsx bench/ask-stages.ts --index DIR[,DIR...] [options]
  --index DIRS   index folders, comma-separated (measured alternately)
  --queries 100  the bench's latency questions
  --rounds 3     rounds (the first warms caches and is not counted)
  --seed 20240601  the bench's sampling seed
  --data DIR     benchmark sets (default ../shared/bench)
  --dump FILE    write each index's answers (no timings) to FILE.<i> as JSON lines
  --search-thread on|off  as loadIndex decides by default
  --modes overlap,half  each index loaded once per mode: overlap (the default: the search thread holds
                 two thirds of the chunks and walks them while BM25 runs) or half (half the chunks, dense
                 search then BM25, as before 4 December)`;

/** How the search thread shares a question's work. */
const MODES = {
  overlap: { threadShare: undefined, overlap: true },
  half: { threadShare: 0.5, overlap: false },
} as const;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      index: { type: 'string' },
      queries: { type: 'string', default: '100' },
      rounds: { type: 'string', default: '3' },
      seed: { type: 'string', default: '20240601' },
      data: { type: 'string', default: path.join(PROJECT_ROOT, '..', 'shared', 'bench') },
      dump: { type: 'string' },
      'search-thread': { type: 'string' },
      modes: { type: 'string', default: 'overlap' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || !values.index) {
    console.log(USAGE);
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  checkDataDir(values.data);
  const questions = latencyQuestions(
    QA_SETS.map((s) => readQa(values.data!, s)),
    Number(values.queries),
    Number(values.seed),
  ).map((q) => q.q);
  const rounds = Number(values.rounds);
  const { loadConfig } = await import('../src/config.ts');
  const { loadIndex } = await import('../src/index/load.ts');
  const { ReportsEngine } = await import('../src/retrieval/engine.ts');
  const { prepareState } = await import('../src/retrieval/reports-state.ts');
  const { retrievalProfileFor } = await import('../src/retrieval/profile.ts');
  const { understandStage } = await import('../src/retrieval/pipeline/understand.ts');
  const { selectStage } = await import('../src/retrieval/pipeline/select.ts');
  const { decideStage } = await import('../src/retrieval/pipeline/decide.ts');
  const { composeStage } = await import('../src/retrieval/pipeline/compose.ts');
  const { hybridSearch } = await import('../src/retrieval/hybrid.ts');
  const { rankArticles } = await import('../src/retrieval/article-ranking.ts');
  const { articlesNaming } = await import('../src/retrieval/question/pinyin-names.ts');
  const modelsDir = loadConfig().modelsDir;

  const modes = values.modes.split(',');
  if (modes.some((m) => !(m in MODES))) {
    console.error(USAGE);
    process.exitCode = 2;
    return;
  }
  const targets = [];
  for (const dir of values.index.split(','))
    for (const mode of modes) {
      const thread = values['search-thread'];
      const { threadShare, overlap } = MODES[mode as keyof typeof MODES];
      const index = await loadIndex(dir, { modelsDir, threadShare, searchThread: thread === undefined ? undefined : thread === 'on' });
      // Without overlap, hybrid search calls denseSearch and then BM25 (as before beginDenseSearch).
      if (!overlap) delete index.beginDenseSearch;
      const engine = ReportsEngine.fromIndex(index, { modelsDir });
      await engine.warmUp();
      const env = { state: prepareState(index), profile: retrievalProfileFor(index.embedder.id), facts: true };
      const searchCpu = { dense: 0, bm25: 0 };
      // The searches' own CPU: the index's methods, wrapped (the same calls, the same results).
      const charge = <T>(search: keyof typeof searchCpu, run: () => T): T => {
        const c = cpuMs();
        try {
          return run();
        } finally {
          searchCpu[search] += cpuMs() - c;
        }
      };
      const lexical = index.lexicalSearch.bind(index);
      index.lexicalSearch = (...a) => charge('bm25', () => lexical(...a));
      const dense = index.denseSearch.bind(index);
      index.denseSearch = (...a) => charge('dense', () => dense(...a));
      const begin = index.beginDenseSearch?.bind(index);
      if (begin)
        index.beginDenseSearch = (...a) => {
          const finish = charge('dense', () => begin(...a));
          return () => charge('dense', finish);
        };
      targets.push({
        dir,
        mode,
        index,
        engine,
        env,
        searchCpu,
        n: 0,
        ms: new Map<string, number[]>(),
        cpu: new Map<string, number>(),
        answers: [] as string[],
      });
    }
  const stageNames = ['understand', 'retrieve', 'dense', 'bm25', 'rank', 'select', 'decide', 'compose', 'total'];
  const cpu = cpuMs;
  // Question by question, every index (and mode) in turn: other load on the machine falls on all alike.
  for (let r = 0; r < rounds; r++)
    for (const q of questions)
      for (const t of targets) {
        const times: Record<string, number> = {};
        const searched = { ...t.searchCpu };
        const c0 = cpu();
        const t0 = performance.now();
        let understood;
        try {
          understood = understandStage(t.env, q);
        } catch {
          continue;
        }
        const t1 = performance.now();
        const c1 = cpu();
        const { state, profile } = t.env;
        const hybrid = await hybridSearch(
          state.index,
          { text: understood.searchText, filters: understood.question.intent.filters },
          { dated: state.dated, withMeetings: state.withMeetings },
          profile.hybrid,
        );
        const t2 = performance.now();
        const c2 = cpu();
        const candidates = articlesNaming(
          rankArticles(state, hybrid.hits, understood.query, profile.ranking),
          understood.question.names ?? [],
        );
        const t3 = performance.now();
        const c3 = cpu();
        const retrieved = { ...understood, hybrid, candidates, retrievedMs: t3 - t1 };
        const selected = selectStage(retrieved);
        const t4 = performance.now();
        const c4 = cpu();
        const decided = decideStage(selected);
        const t5 = performance.now();
        const c5 = cpu();
        const answer = composeStage(decided);
        const t6 = performance.now();
        const c6 = cpu();
        const h = hybrid.timings;
        times.understand = t1 - t0;
        times.dense = h.dense;
        times.bm25 = h.bm25;
        // retrieve: the whole hybrid search (filters, embedding, dense, BM25, fusion); dense and BM25 are parts of it.
        times.retrieve = t2 - t1;
        times.rank = t3 - t2;
        times.select = t4 - t3;
        times.decide = t5 - t4;
        times.compose = t6 - t5;
        times.total = t6 - t0;
        const cpus: Record<string, number> = {
          understand: c1 - c0,
          retrieve: c2 - c1,
          dense: t.searchCpu.dense - searched.dense,
          bm25: t.searchCpu.bm25 - searched.bm25,
          rank: c3 - c2,
          select: c4 - c3,
          decide: c5 - c4,
          compose: c6 - c5,
          total: c6 - c0,
        };
        if (r > 0) {
          for (const [k, v] of Object.entries(times)) (t.ms.get(k) ?? t.ms.set(k, []).get(k)!).push(v);
          for (const [k, v] of Object.entries(cpus)) t.cpu.set(k, (t.cpu.get(k) ?? 0) + v);
          t.n++;
        }
        if (r === rounds - 1) {
          const { timings_ms: _, ...rest } = answer;
          t.answers.push(JSON.stringify({ q, ...rest }));
        }
      }
  console.log(
    `| stage | ${targets.map((t) => `${path.basename(t.dir)}${modes.length > 1 ? ` (${t.mode})` : ''}: wall mean / p50 / p95, CPU mean ms`).join(' | ')} |`,
  );
  console.log(`|---|${targets.map(() => '---').join('|')}|`);
  for (const s of stageNames)
    console.log(
      `| ${s} | ${targets
        .map((t) => {
          const xs = t.ms.get(s) ?? [0];
          const m = summarise(xs);
          const c = t.cpu.get(s);
          return `${m.mean.toFixed(2)} / ${m.p50.toFixed(2)} / ${m.p95.toFixed(2)}, ${c === undefined ? '–' : (c / t.n).toFixed(2)}`;
        })
        .join(' | ')} |`,
    );
  if (values.dump) targets.forEach((t, i) => writeFileSync(`${values.dump}.${i}`, t.answers.join('\n') + '\n'));
}

await main();
