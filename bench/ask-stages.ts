/**
 * `npx tsx bench/ask-stages.ts --index DIR[,DIR...]`: where a question's time goes, stage by stage
 * (understand; retrieve: filters, embed, dense, BM25, fusion, ranking; select; decide; compose), for
 * several indexes of the same corpus in one process, round after round alternating, so a one-segment
 * and a ten-segment index compare under the same load. `--dump FILE` writes every answer (timings
 * left out) as JSON lines, one file per index (FILE.0, FILE.1 …): for checking that a change to
 * searching leaves answers identical.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { QA_SETS, checkDataDir, readQa } from './bench-data.ts';
import { PROJECT_ROOT, latencyQuestions } from './run.ts';
import { summarise } from './stats.ts';

export const USAGE = `Usage: npx tsx bench/ask-stages.ts --index DIR[,DIR...] [options]
  --index DIRS   index folders, comma-separated (measured alternately)
  --queries 100  the bench's latency questions
  --rounds 3     rounds (the first warms caches and is not counted)
  --seed 20240601  the bench's sampling seed
  --data DIR     benchmark sets (default ../shared/bench)
  --dump FILE    write each index's answers (no timings) to FILE.<i> as JSON lines`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      index: { type: 'string' },
      queries: { type: 'string', default: '100' },
      rounds: { type: 'string', default: '3' },
      seed: { type: 'string', default: '20240601' },
      data: { type: 'string', default: path.join(PROJECT_ROOT, '..', 'shared', 'bench') },
      dump: { type: 'string' },
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

  const targets = [];
  for (const dir of values.index.split(',')) {
    const index = await loadIndex(dir, { modelsDir });
    const engine = ReportsEngine.fromIndex(index, { modelsDir });
    await engine.warmUp();
    const env = { state: prepareState(index), profile: retrievalProfileFor(index.embedder.id), facts: true };
    targets.push({ dir, index, engine, env, ms: new Map<string, number[]>(), answers: [] as string[] });
  }
  const stageNames = ['understand', 'filters+embed', 'dense', 'bm25', 'fuse', 'rank', 'select', 'decide', 'compose', 'total'];
  for (let r = 0; r < rounds; r++)
    for (const t of targets)
      for (const q of questions) {
        const times: Record<string, number> = {};
        const t0 = performance.now();
        let understood;
        try {
          understood = understandStage(t.env, q);
        } catch {
          continue;
        }
        const t1 = performance.now();
        const { state, profile } = t.env;
        const hybrid = await hybridSearch(
          state.index,
          { text: understood.searchText, filters: understood.question.intent.filters },
          { dated: state.dated, withMeetings: state.withMeetings },
          profile.hybrid,
        );
        const t2 = performance.now();
        const candidates = articlesNaming(rankArticles(state, hybrid.hits, understood.query, profile.ranking), understood.question.names ?? []);
        const t3 = performance.now();
        const retrieved = { ...understood, hybrid, candidates, retrievedMs: t3 - t1 };
        const selected = selectStage(retrieved);
        const t4 = performance.now();
        const decided = decideStage(selected);
        const t5 = performance.now();
        const answer = composeStage(decided);
        const t6 = performance.now();
        const h = hybrid.timings;
        times.understand = t1 - t0;
        times.dense = h.dense;
        times.bm25 = h.bm25;
        times.fuse = h.fuse;
        times['filters+embed'] = t2 - t1 - h.dense - h.bm25 - h.fuse;
        times.rank = t3 - t2;
        times.select = t4 - t3;
        times.decide = t5 - t4;
        times.compose = t6 - t5;
        times.total = t6 - t0;
        if (r > 0) for (const [k, v] of Object.entries(times)) (t.ms.get(k) ?? t.ms.set(k, []).get(k)!).push(v);
        if (r === rounds - 1) {
          const { timings_ms: _, ...rest } = answer;
          t.answers.push(JSON.stringify({ q, ...rest }));
        }
      }
  console.log(`| stage | ${targets.map((t) => `${path.basename(t.dir)} mean / p50 / p95 ms`).join(' | ')} |`);
  console.log(`|---|${targets.map(() => '---').join('|')}|`);
  for (const s of stageNames)
    console.log(
      `| ${s} | ${targets
        .map((t) => {
          const xs = t.ms.get(s) ?? [0];
          const m = summarise(xs);
          return `${m.mean.toFixed(2)} / ${m.p50.toFixed(2)} / ${m.p95.toFixed(2)}`;
        })
        .join(' | ')} |`,
    );
  if (values.dump) targets.forEach((t, i) => writeFileSync(`${values.dump}.${i}`, t.answers.join('\n') + '\n'));
}

await main();
