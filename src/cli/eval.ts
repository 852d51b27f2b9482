/**
 * `npm run eval -- --corpus X.corpus.jsonl --qa X.qa.jsonl [--limit N] [--embedder builtin] [--json]`
 * `npm run eval -- --index DIR --qa X.qa.jsonl`
 * Builds a temporary index of the corpus (or opens an existing one), asks every question with the
 * index loaded once, and prints a markdown table (overall and by `kind`).
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadCliConfig } from './cli-config.ts';
import { containsGold, summarise, type QuestionOutcome } from '../eval/metrics.ts';
import { readQaFile } from '../eval/qa-file.ts';
import { evaluateDialogues, readDialogues, renderDialogueTable, summariseDialogues, type DialogueSummary } from '../eval/dialogues.ts';
import { precisionCurve, renderCurve } from '../eval/curve.ts';
import { planHoldoutFile, planHoldoutFolder } from '../eval/holdout.ts';
import { listReportFiles } from '../corpus/report-files.ts';
import { evaluate } from '../eval/run.ts';
import { renderTable } from '../eval/table.ts';
import { buildIndex } from '../index/build.ts';
import { createEmbedder } from '../index/embedders/select.ts';
import { log } from '../log.ts';
import { ReportsEngine, type EngineOptions } from '../retrieval/engine.ts';
import { runMain } from './run-main.ts';

const USAGE =
  'Usage: npm run eval -- (--corpus FILE | --index DIR) --qa FILE [--limit N] [--embedder builtin] [--json] [--show-misses [--explain]] [--curve]\n' +
  '       npm run eval -- --corpus SET.corpus.jsonl --qa SET.qa.jsonl --holdout N [--seed S]   (every Nth title removed: its questions must be refused)\n' +
  '       npm run eval -- --corpus REPORTS_DIR --qa QA.jsonl --holdout N [--seed S]   (every Nth report file removed: questions naming it as "article" must be refused)\n' +
  '       npm run eval -- (--corpus FILE | --index DIR) --dialogues FILE [--show-misses]   (follow-up questions, one conversation a line)';

/** Set once the arguments are read: failures then go to stdout as one JSON object too. */
let jsonOut = false;

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        corpus: { type: 'string' },
        index: { type: 'string' },
        qa: { type: 'string' },
        /** Dialogues (conversations of two or three turns): follow-ups scored instead of single questions. */
        dialogues: { type: 'string' },
        limit: { type: 'string' },
        embedder: { type: 'string' },
        json: { type: 'boolean', default: false },
        'show-misses': { type: 'boolean', default: false },
        /** With --show-misses: each miss's best-scored passages and their features. */
        explain: { type: 'boolean', default: false },
        label: { type: 'string' },
        /** Engine options as JSON (fusion, weights, abstention threshold): for measuring alternatives. */
        'engine-options': { type: 'string' },
        /** Writes each question's outcome (with its coverage) as JSONL, for threshold analysis. */
        dump: { type: 'string' },
        /** Removes every Nth title of a JSONL corpus; questions about them count as unanswerable. */
        holdout: { type: 'string' },
        seed: { type: 'string' },
        help: { type: 'boolean', default: false },
        /** Prints the answered-precision / coverage curve after the table. */
        curve: { type: 'boolean', default: false },
      },
    }).values;
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  jsonOut = args.json === true;
  const config = loadCliConfig();
  if (!config) return 2;
  const corpusIsFolder = args.corpus !== undefined && statSync(args.corpus, { throwIfNoEntry: false })?.isDirectory() === true;
  if (
    (!args.qa && !args.dialogues) ||
    (!args.corpus && !args.index) ||
    (args.holdout && !args.corpus?.endsWith('.jsonl') && !corpusIsFolder)
  ) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const limit = args.limit ? Number(args.limit) : Infinity;
  if (!(limit > 0)) {
    process.stderr.write(`--limit must be a positive number\n${USAGE}\n`);
    return 2;
  }
  const dialogues = args.dialogues ? readDialogues(args.dialogues).slice(0, limit) : undefined;
  let items = args.qa ? readQaFile(args.qa).slice(0, limit) : [];
  let tmp: string | undefined;
  let indexDir = args.index;
  let corpus = args.corpus;
  let inputs = corpus ? [corpus] : [];
  try {
    if (corpus) {
      tmp = mkdtempSync(path.join(os.tmpdir(), 'baoxun-eval-'));
      indexDir = path.join(tmp, 'index');
      const seed = args.seed ? Number(args.seed) : undefined;
      if (args.holdout && corpusIsFolder) {
        const folder = path.resolve(corpus);
        const plan = planHoldoutFolder(folder, Object.keys(await listReportFiles([folder])), items, Number(args.holdout), seed);
        items = plan.items;
        inputs = plan.keptFiles;
        log.info(
          `Held out ${plan.removed.size} report files: ${items.filter((q) => q.kind === 'holdout').length} of ${items.length} questions are about them.`,
        );
      } else if (args.holdout) {
        const plan = planHoldoutFile(corpus, items, Number(args.holdout), seed);
        items = plan.items;
        corpus = path.join(tmp, 'holdout.corpus.jsonl');
        inputs = [corpus];
        writeFileSync(corpus, plan.keptLines.join('\n') + '\n');
        log.info(
          `Held out ${plan.removed.size} documents: ${items.filter((q) => q.kind === 'holdout').length} of ${items.length} questions are about them.`,
        );
      }
      const { embedder, note } = await createEmbedder(args.embedder ?? 'builtin', { modelsDir: config.modelsDir });
      log.info(note);
      const built = await buildIndex({ inputs, outDir: indexDir, embedder });
      log.info(`Built a temporary index: ${built.articles} articles, ${built.chunks} chunks in ${built.ms} ms.`);
    }
    const extra = args['engine-options'] ? (JSON.parse(args['engine-options']) as Partial<EngineOptions>) : {};
    const engine = await ReportsEngine.open(indexDir!, { ...extra, modelsDir: config.modelsDir, explain: args.explain });
    // Latency is measured per question, so one-time loading is paid before the first.
    await engine.warmUp();
    if (dialogues) {
      const turns = await evaluateDialogues(engine, dialogues);
      if (args['show-misses']) {
        for (const t of turns) {
          if (t.turn > 1 && !t.answered)
            process.stderr.write(
              `MISS ${t.dialogue}#${t.turn} ${t.q} → ${t.understoodAs ?? '(as asked)'} | answer: ${t.answer} | [1] ${t.first}\n`,
            );
          if (t.alone?.gold) process.stderr.write(`ALONE GOLD ${t.dialogue}#${t.turn} ${t.q} | answer: ${t.alone.answer}\n`);
        }
      }
      const label = args.label ?? path.basename(args.dialogues!).replace(/\.jsonl$/, '');
      const rows: Array<[string, DialogueSummary]> = [[label, summariseDialogues(turns)]];
      const kinds = new Map<string, typeof turns>();
      for (const t of turns) if (t.kind) kinds.set(t.kind, [...(kinds.get(t.kind) ?? []), t]);
      for (const [k, ts] of [...kinds].sort()) rows.push([`${label} · ${k}`, summariseDialogues(ts)]);
      if (args.json) process.stdout.write(JSON.stringify(Object.fromEntries(rows)) + '\n');
      else process.stdout.write(renderDialogueTable(rows) + '\n');
      if (args.dump) writeFileSync(args.dump, turns.map((t) => JSON.stringify(t)).join('\n') + '\n');
      return 0;
    }
    const evidence: unknown[] = [];
    const outcomes = await evaluate(engine, items, (item, o, a) => {
      evidence.push(a?.explain?.evidence);
      if (args['show-misses'] && item.answers.length && !(o.inAnswer || o.inFirst)) {
        process.stderr.write(
          `MISS ${item.id} ${item.q} | gold: ${item.answers[0]} | answer: ${a?.answer ?? o.error} | [1] ${a?.citations[0]?.excerpt ?? ''}\n`,
        );
        if (a?.explain) process.stderr.write(`  evidence ${JSON.stringify(a.explain.evidence)}\n`);
        for (const e of a?.explain?.passages ?? []) {
          const mark = `${e.articleId === item.doc ? '*' : ' '}${containsGold(e.passage, item.answers) ? 'G' : ' '}`;
          process.stderr.write(
            `  ${mark} ${e.score} cov ${e.coverage} ctx ${e.context} cue ${e.cue} retrieval ${e.retrievalScore} | ${e.articleId} ${e.passage.slice(0, 80)}\n`,
          );
        }
      }
      if (args['show-misses'] && !item.answers.length && !o.abstained)
        process.stderr.write(`NOT ABSTAINED ${item.id} ${item.q} | ${a?.answer}\n`);
    });
    if (args.dump)
      writeFileSync(
        args.dump,
        outcomes.map((o, i) => JSON.stringify({ id: items[i].id, ...o, ...(evidence[i] ? { evidence: evidence[i] } : {}) })).join('\n') +
          '\n',
      );
    const label = args.label ?? path.basename(args.qa!).replace(/\.jsonl$/, '');
    const rows: Array<[string, ReturnType<typeof summarise>]> = [[label, summarise(outcomes)]];
    const kinds = new Map<string, QuestionOutcome[]>();
    for (const o of outcomes) if (o.kind) kinds.set(o.kind, [...(kinds.get(o.kind) ?? []), o]);
    for (const [k, os] of [...kinds].sort()) rows.push([`${label} · ${k}`, summarise(os)]);
    if (args.json) process.stdout.write(JSON.stringify(Object.fromEntries(rows)) + '\n');
    else process.stdout.write(renderTable(rows) + '\n');
    const held = outcomes.filter((o) => o.heldGold !== undefined);
    if (held.length && !args.json) {
      const n = held.filter((o) => o.heldGold).length;
      process.stdout.write(
        `\nHeld-out questions answered anyway with their own gold (printed by another article too): ${n} of ${held.length}.\n`,
      );
    }
    if (args.curve && !args.json) process.stdout.write('\n' + renderCurve(label, precisionCurve(outcomes)) + '\n');
    return 0;
  } finally {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
}

runMain('eval', main, { json: () => jsonOut });
