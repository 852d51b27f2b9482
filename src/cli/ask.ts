/**
 * `npm run ask -- [--index DIR] [--json] "问题"` — one question, answered with citations.
 * `npm run ask -- [--index DIR] --batch FILE` — JSONL `{"id","q","conversation"?}` a line in, one JSON answer a
 * line out; lines sharing a `conversation` value are one conversation (follow-ups resolved in file order).
 * Exit codes: 0 answered (or abstained), 2 a question that cannot be asked, 1 a missing or broken index.
 */
import { readFileSync } from 'node:fs';
import { parseCliArgs } from './cli-args.ts';
import { loadCliConfig } from './cli-config.ts';
import { ReportsEngine } from '../retrieval/engine.ts';
import { askInConversation } from '../retrieval/conversation/ask.ts';
import { ConversationStore } from '../retrieval/conversation/store.ts';
import { checkQuestion } from '../retrieval/question/index.ts';
import { renderAnswerText } from '../retrieval/render-text.ts';
import { QuestionError, type Answer, type Citation } from '../retrieval/types.ts';
import { runMain } from './run-main.ts';
import { updateBeforeAnswering } from './open-reports.ts';

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

const USAGE = 'Usage: npm run ask -- [--index DIR] [--json] "问题"  |  npm run ask -- [--index DIR] --batch FILE';

/** The `--json` shape: exactly these fields. */
export function answerJson(a: Answer, id?: string): Record<string, unknown> {
  const cite = (c: Citation) => ({
    n: c.n,
    articleId: c.articleId,
    headline: c.headline,
    date: c.date ?? null,
    meeting: c.meeting ?? null,
    ...(c.page !== undefined ? { source: c.source ?? null, page: c.page } : {}),
    excerpt: c.excerpt,
    score: c.score,
  });
  return {
    ...(id !== undefined ? { id } : {}),
    question: a.question,
    answer: a.answer,
    abstained: a.abstained,
    outcome: a.outcome,
    // A follow-up in a batch conversation: the question as understood (absent when read as asked).
    ...(a.understoodAs ? { understoodAs: a.understoodAs } : {}),
    citations: a.citations.map(cite),
    // With a refusal: the nearest reports, not support ("closest": passages near the question).
    related: a.related.map(cite),
    timings_ms: a.timings_ms,
  };
}

async function runBatch(engine: ReportsEngine, file: string): Promise<number> {
  const lines = readFileSync(file, 'utf8').split('\n');
  // Lines sharing a "conversation" value are one conversation, in file order.
  const store = new ConversationStore();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line.trim()) continue;
    let id = `line-${i + 1}`;
    try {
      const v = JSON.parse(line) as { id?: unknown; q?: unknown; conversation?: unknown };
      if (v.id !== undefined) id = String(v.id);
      if (typeof v.q !== 'string') throw new QuestionError('缺少问题字段 "q"。/ The line has no "q" string.');
      const conversation = v.conversation !== undefined && v.conversation !== null ? { store, key: String(v.conversation) } : undefined;
      const a = await askInConversation(engine, v.q, conversation);
      process.stdout.write(JSON.stringify(answerJson(a, id)) + '\n');
    } catch (err) {
      const message = err instanceof SyntaxError ? 'not valid JSON' : (err as Error).message;
      process.stdout.write(JSON.stringify({ id, error: message }) + '\n');
    }
  }
  return 0;
}

/** Set once the arguments are read: failures then go to stdout as one JSON object too. */
let jsonOut = false;

async function main(): Promise<number> {
  const args = parseCliArgs(
    {
      allowPositionals: true,
      options: {
        index: { type: 'string' },
        json: { type: 'boolean', default: false },
        batch: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    },
    USAGE,
  );
  if (args.exit !== undefined) return args.exit;
  const { values, positionals } = args.parsed;
  jsonOut = values.json || values.batch !== undefined;
  const config = loadCliConfig();
  if (!config) return 2;
  const indexDir = values.index ?? config.indexDir;
  if (!values.batch) {
    if (positionals.length === 0) {
      process.stderr.write(`${USAGE}\n`);
      return 2;
    }
    // Reject bad questions before paying for the index. Control characters in a command-line
    // question mean a mangled paste or binary input: refused here rather than silently stripped.
    if (CONTROL.test(positionals.join(' '))) {
      process.stderr.write('问题里有控制字符。/ The question contains control characters.\n');
      return 2;
    }
    try {
      checkQuestion(positionals.join(' '));
    } catch (err) {
      if (err instanceof QuestionError) {
        process.stderr.write(`${err.message}\n`);
        return 2;
      }
      throw err;
    }
  }
  // The configured index is brought up to date with the reports first; an index named by --index is taken as it is.
  if (values.index === undefined) await updateBeforeAnswering(config);
  const engine = await ReportsEngine.open(indexDir, { modelsDir: config.modelsDir });
  if (values.batch) return runBatch(engine, values.batch);
  try {
    const a = await engine.ask(positionals.join(' '));
    process.stdout.write((values.json ? JSON.stringify(answerJson(a)) : renderAnswerText(a)) + '\n');
    return 0;
  } catch (err) {
    if (err instanceof QuestionError) {
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
    throw err;
  }
}

runMain('ask', main, { json: () => jsonOut });
