/**
 * `npm run index -- [--input PATH ...] [--out DIR] [--embedder auto|builtin|MODEL_ID] [--json] [--progress human|jsonl]`
 * Builds the search index of the reports. Progress goes to stderr (for people, or with
 * `--progress jsonl` one JSON line per step, for the bot's /reindex); the summary (or, with --json,
 * exactly one JSON object) to stdout. Exit codes: 0 built, 1 build failed, 2 bad arguments.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError } from './cli-args.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { setLogLevel } from '../log.ts';
import { buildIndex, type BuildProgress, type BuildSummary } from '../index/build.ts';
import { createEmbedder } from '../index/embedders/select.ts';
import { errorCode } from '../index/errors.ts';
import { formatProgressLine, progressLineDue } from './progress-lines.ts';

const USAGE = `Usage: npm run index -- [--input PATH ...] [--out DIR] [--embedder auto|builtin|MODEL_ID] [--full] [--json] [--progress human|jsonl]

  --input PATH     a report file or folder (.txt pages, .jsonl documents); repeatable. Default: the reports folder (BAOXUN_REPORTS_DIR)
  --out DIR        the index folder. Default: BAOXUN_INDEX_DIR
  --embedder SPEC  auto (an installed model, else built-in), builtin, or a model id. Default: BAOXUN_EMBEDDER
  --full           rebuild every segment from nothing (default: update — new and changed reports go into a new
                   segment, removed ones are marked deleted, then small segments are merged)
  --json           print exactly one JSON object (the summary) on stdout
  --progress MODE  human (default) or jsonl: one {"stage","done","total"} JSON line per step on stderr`;

function parse(argv: string[]) {
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        input: { type: 'string', multiple: true },
        out: { type: 'string' },
        embedder: { type: 'string' },
        json: { type: 'boolean', default: false },
        full: { type: 'boolean', default: false },
        progress: { type: 'string', default: 'human' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    });
    for (const [name, value] of [
      ['--out', values.out],
      ['--embedder', values.embedder],
    ] as const) {
      if (value !== undefined && value.trim() === '') throw new UsageError(`${name} needs a value`);
    }
    if (values.input?.some((p) => p.trim() === '')) throw new UsageError('--input needs a path');
    if (values.progress !== 'human' && values.progress !== 'jsonl') throw new UsageError('--progress must be human or jsonl');
    return values;
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError((err as Error).message);
  }
}

interface ProgressReporter {
  update(p: BuildProgress): void;
  done(): void;
}

/** Progress for a program reading stderr: a JSON line per stage change, stage end, and otherwise a few a second. */
function jsonlProgressReporter(): ProgressReporter {
  let last: { stage: string; done: number; at: number } | undefined;
  return {
    update(p) {
      const now = Date.now();
      if (!progressLineDue(last, p, now)) return;
      last = { stage: p.stage, done: p.done, at: now };
      process.stderr.write(formatProgressLine(p) + '\n');
    },
    done() {},
  };
}

/** Progress on stderr: a redrawn bar on a terminal, otherwise an occasional plain line. */
function progressReporter(): ProgressReporter {
  const tty = process.stderr.isTTY === true;
  let lastStage = '';
  let lastLine = 0;
  let lastPct = -1;
  let drawn = false;
  return {
    update(p) {
      if (p.stage !== lastStage) {
        if (drawn) process.stderr.write('\n');
        drawn = false;
        lastStage = p.stage;
        lastPct = -1;
        if (p.stage !== 'embed') process.stderr.write(`index: ${p.stage}…\n`);
      }
      if (p.stage !== 'embed' || p.total === 0) return;
      const pct = Math.floor((100 * p.done) / p.total);
      if (tty) {
        if (pct === lastPct) return;
        lastPct = pct;
        const width = 30;
        const fill = Math.round((width * p.done) / p.total);
        process.stderr.write(`\rembedding [${'#'.repeat(fill)}${'.'.repeat(width - fill)}] ${p.done}/${p.total} chunks ${pct}%`);
        drawn = true;
      } else {
        const now = Date.now();
        if (p.done === p.total || now - lastLine > 5000 || pct >= lastPct + 25) {
          process.stderr.write(`index: embedded ${p.done}/${p.total} chunks (${pct}%)\n`);
          lastLine = now;
          lastPct = pct;
        }
      }
    },
    done() {
      if (drawn) process.stderr.write('\n');
      drawn = false;
    },
  };
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function updateLine(u: BuildSummary['update']): string {
  const how =
    u.mode === 'full'
      ? 'Built in full'
      : u.mode === 'unchanged'
        ? 'Nothing changed'
        : `Updated: ${u.added} article(s) written, ${u.deleted} marked deleted`;
  const merged = u.merges.length
    ? `; ${u.merges.length} merge(s) (${u.merges.reduce((n, m) => n + m.droppedChunks, 0)} deleted chunk(s) dropped)`
    : '';
  return `${how}; ${u.segments} segment(s)${merged}.`;
}

function formatSummary(s: BuildSummary, note: string): string {
  const lines = [
    `Indexed ${s.articles} article(s) in ${s.chunks} chunk(s) from ${s.files} file(s) into ${s.outDir} in ${seconds(s.ms)}.`,
    `  ${note}`,
    `  Reused vectors: ${s.reused} of ${s.chunks} chunk(s) (unchanged articles from the previous index).`,
    `  ${updateLine(s.update)}`,
    `  Stages: ${Object.entries(s.stageMs)
      .map(([k, v]) => `${k} ${v} ms`)
      .join(', ')}.`,
  ];
  if (s.skipped.length) {
    lines.push(`  Skipped ${s.skipped.length} file(s):`);
    for (const f of s.skipped) lines.push(`    ${f.path}: ${f.reason}`);
  }
  const shown = s.articleList.slice(0, 20);
  lines.push('  Articles:');
  for (const a of shown) lines.push(`    ${a.date ?? '????-??-??'}  ${a.headline}  (${a.chunks} chunk(s))`);
  if (s.articleList.length > shown.length) lines.push(`    … and ${s.articleList.length - shown.length} more`);
  return lines.join('\n') + '\n';
}

async function main(argv: string[]): Promise<number> {
  let json = false;
  let debug = false;
  try {
    const args = parse(argv);
    json = args.json === true;
    if (args.help) {
      process.stdout.write(USAGE + '\n');
      return 0;
    }
    let config;
    try {
      config = loadConfig();
    } catch (err) {
      if (err instanceof ConfigError) throw new UsageError(err.message);
      throw err;
    }
    debug = config.logLevel === 'debug';
    setLogLevel(config.logLevel);
    const inputs = (args.input ?? [config.reportsDir]).map((p) => path.resolve(p));
    const outDir = path.resolve(args.out ?? config.indexDir);

    const { embedder, note } = await createEmbedder(args.embedder ?? config.embedder, { modelsDir: config.modelsDir });
    if (!json) process.stderr.write(`${note}\n`);

    // Ctrl-C stops at the next batch and leaves the previous index in place; a second one kills.
    const abort = new AbortController();
    const onInterrupt = () => {
      if (abort.signal.aborted) process.exit(130);
      process.stderr.write('\nindex: stopping (the previous index stays in place)…\n');
      abort.abort();
    };
    process.on('SIGINT', onInterrupt);
    process.on('SIGTERM', onInterrupt);
    if (args.progress === 'jsonl') {
      // Run by a program: if it goes away (it then sends SIGTERM), writing to its closed pipes must not
      // crash the build before it has stopped cleanly and released its lock.
      for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
    }
    const progress = args.progress === 'jsonl' ? jsonlProgressReporter() : progressReporter();
    let summary: BuildSummary;
    try {
      summary = await buildIndex({
        inputs,
        outDir,
        embedder,
        full: args.full === true,
        onProgress: (p) => progress.update(p),
        signal: abort.signal,
      });
    } finally {
      progress.done();
      process.off('SIGINT', onInterrupt);
      process.off('SIGTERM', onInterrupt);
    }

    if (json) {
      const { articleList, ...rest } = summary;
      process.stdout.write(
        JSON.stringify({
          ok: true,
          ...rest,
          articleCount: summary.articles,
          embedderNote: note,
          articles: articleList.map((a) => ({
            id: a.id,
            headline: a.headline,
            date: a.date ?? null,
            meeting: a.meeting ?? null,
            reporters: a.reporters,
            chunks: a.chunks,
          })),
        }) + '\n',
      );
    } else {
      process.stdout.write(formatSummary(summary, note));
    }
    return 0;
  } catch (err) {
    const usage = err instanceof UsageError;
    const message = (err as Error).message ?? String(err);
    const code = usage ? 'USAGE' : (errorCode(err) ?? 'FAILED');
    if (json) process.stdout.write(JSON.stringify({ ok: false, error: message, code }) + '\n');
    process.stderr.write(`index: ${message}\n`);
    if (usage) process.stderr.write(`${USAGE}\n`);
    else if (debug) process.stderr.write(`${(err as Error).stack ?? ''}\n`);
    else if (errorCode(err) === undefined) process.stderr.write('(Set LOG_LEVEL=debug for details.)\n');
    return usage ? 2 : 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
