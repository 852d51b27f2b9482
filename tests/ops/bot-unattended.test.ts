/**
 * The bot run for real (`npm start` against the fake Discord): a report added while it was stopped is
 * answered after start; one added while it runs with the watch on is answered without a restart;
 * /reindex takes an attached report; `npm run health` passes while it runs and fails after SIGTERM;
 * every question is one log line, and `npm run stats` summarises the session.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.ts';
import { readStatus, type Status } from '../../src/ops/status.ts';
import type { QuestionLine } from '../../src/ops/question-log.ts';
import { FakeCdn } from '../fake-discord/cdn.ts';
import { FakeDiscord } from '../fake-discord/fake-discord.ts';
import { snowflake } from '../fake-discord/ids.ts';
import { buttonClick, MANAGE_GUILD, slashCommand, slashCommandWithFiles } from '../fake-discord/payloads.ts';
import { waitFor } from '../fake-discord/wait.ts';
import { isCallback, isEdit, waitForCall } from '../bot/harness.ts';
import { BAIYUN, cli, QINGLONG, reportsWithIndex, TIANHE } from './support.ts';

let dir: string;
let reports: string;
let fake: FakeDiscord;
let cdn: FakeCdn;
let env: Record<string, string>;
let bot: ChildProcess;
let output = '';
let exited: Promise<number | null>;
const statusFile = () => env.BAOXUN_STATUS_FILE!;
const questionLog = () => env.BAOXUN_QUESTION_LOG!;

beforeAll(async () => {
  ({ dir, reports } = await reportsWithIndex('unattended'));
  fake = await FakeDiscord.start();
  cdn = await FakeCdn.start();
  env = {
    DISCORD_TOKEN: 'fake-token-0123456789abcdef',
    DISCORD_APP_ID: fake.appId,
    DISCORD_API_BASE: fake.apiBase,
    BAOXUN_INDEX_DIR: path.join(dir, 'index'),
    BAOXUN_REPORTS_DIR: reports,
    BAOXUN_MODELS_DIR: path.join(dir, 'models'),
    BAOXUN_FEEDBACK_LOG: path.join(dir, 'feedback.jsonl'),
    BAOXUN_EMBEDDER: 'builtin',
    BAOXUN_STATUS_FILE: path.join(dir, 'status.json'),
    BAOXUN_STATUS_INTERVAL_SECONDS: '1',
    BAOXUN_QUESTION_LOG: path.join(dir, 'logs', 'questions.jsonl'),
    BAOXUN_LOG_QUESTIONS: '1',
    BAOXUN_WATCH: '1',
    BAOXUN_WATCH_DEBOUNCE_MS: '300',
    RATE_LIMIT_QUESTIONS: '1000',
    LOG_LEVEL: 'info',
  };
  // Added while the bot is stopped: the index does not have it.
  writeFileSync(path.join(reports, QINGLONG.file), QINGLONG.line);
  bot = spawn(process.execPath, ['--import', 'tsx', 'src/cli/start.ts'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  bot.stdout!.on('data', (d) => (output += d));
  bot.stderr!.on('data', (d) => (output += d));
  exited = new Promise((resolve) => bot.on('close', (code) => resolve(code)));
}, 120_000);

afterAll(async () => {
  if (bot.exitCode === null) bot.kill('SIGKILL');
  await fake?.close();
  await cdn?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The status once the bot is connected and its index is current (after `after`, an earlier build's time). */
function currentStatus(after?: string): Promise<Status> {
  return waitFor(
    'the bot connected with a current index',
    () => {
      const s = readStatus(statusFile());
      return s && s.gateway === 'ready' && s.reportsNewerThanIndex === false && s.lastBuild?.ok && s.lastBuild.at !== after ? s : undefined;
    },
    180_000,
  );
}

async function ask(question: string): Promise<{ text: string; components: Array<{ components: Array<{ custom_id: string }> }> }> {
  const { token } = slashCommand(fake, 'ask', { question }, { id: snowflake() });
  const edit = await waitForCall(fake, `the answer to ${question}`, isEdit(token));
  return {
    text: edit.body.embeds.map((e: { description?: string }) => e.description ?? '').join('\n'),
    components: edit.body.components ?? [],
  };
}

describe('the bot run unattended', () => {
  let firstBuild: string;

  it('answers a report added while it was stopped (updated in the background after start)', async () => {
    const s = await currentStatus();
    firstBuild = s.lastBuild!.at;
    expect(s.index.articles).toBeGreaterThanOrEqual(4);
    expect(output).toMatch(/start-up: the reports changed since the index was built: 1 new, 0 changed, 0 removed/);
    const a = await ask(QINGLONG.question);
    expect(a.text).toContain(QINGLONG.shows);
    // A vote on that answer, logged later against its question.
    const up = a.components.flatMap((r) => r.components.map((c) => c.custom_id)).find((id) => id.startsWith('feedback:up:'))!;
    const click = buttonClick(fake, up, { id: snowflake() });
    await waitForCall(fake, 'the vote acknowledged', isCallback(click.id));
  }, 240_000);

  it('npm run health: exit 0 with the status as JSON while it runs', async () => {
    const r = await cli('health.ts', [], env);
    expect(r.code).toBe(0);
    const h = JSON.parse(r.stdout) as Status & { healthy: boolean };
    expect(h).toMatchObject({ healthy: true, gateway: 'ready', reportsNewerThanIndex: false, pendingReportChanges: 0 });
    expect(Date.parse(h.index.builtAt)).toBeGreaterThan(0);
  });

  it('with the watch on, answers a report added while it runs, without a restart', async () => {
    writeFileSync(path.join(reports, TIANHE.file), TIANHE.line);
    const s = await currentStatus(firstBuild);
    firstBuild = s.lastBuild!.at;
    expect(output).toMatch(/watch: the reports changed: 1 new/);
    expect((await ask(TIANHE.question)).text).toContain(TIANHE.shows);
  }, 240_000);

  it('/reindex takes an attached report (and refuses a file of another kind), saves it and answers from it', async () => {
    const good = cdn.attach(BAIYUN.file, BAIYUN.line);
    const bad = cdn.attach('setup.exe', 'MZ not a report');
    const r = slashCommandWithFiles(fake, 'reindex', { report: good, report2: bad }, { id: snowflake() }, MANAGE_GUILD);
    const done = await waitForCall(fake, '/reindex done', (q) => isEdit(r.token)(q) && /swapped in|failed/.test(q.body.content));
    expect(done.body.content).toMatch(/swapped in/);
    expect(done.body.content).toContain(`added: ${BAIYUN.file}`);
    expect(done.body.content).toMatch(/not added: setup\.exe — .*unsupported file type/);
    expect(cdn.fetched).toEqual([new URL(good.url).pathname]);
    expect(readFileSync(path.join(reports, BAIYUN.file), 'utf8')).toBe(BAIYUN.line);
    expect(existsSync(path.join(reports, 'setup.exe'))).toBe(false);
    expect((await ask(BAIYUN.question)).text).toContain(BAIYUN.shows);
  }, 240_000);

  it('logs one line per question; npm run stats summarises the session', async () => {
    for (let i = 0; i < 2; i++) await ask('上海市地铁票价是多少？');
    const lines = readFileSync(questionLog(), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as QuestionLine | { type: 'feedback'; id: string; vote: string });
    const questions = lines.filter((l): l is QuestionLine => l.type === 'question');
    expect(questions.map((q) => q.outcome)).toEqual(['answered', 'answered', 'answered', 'refused', 'refused']);
    for (const q of questions) {
      expect(q).toMatchObject({ source: 'discord', guildId: fake.guildId, channelId: fake.channelIds[0] });
      expect(q.latencyMs).toBeGreaterThanOrEqual(0);
      expect(Date.parse(q.time)).toBeGreaterThan(0);
    }
    expect(questions[0]!.question).toBe(QINGLONG.question);
    expect(lines.find((l) => l.type === 'feedback')).toMatchObject({ id: questions[0]!.id, vote: 'up' });

    const stats = await cli('stats.ts', ['--json', '--since', '1h'], env);
    expect(stats.code).toBe(0);
    expect(JSON.parse(stats.stdout)).toMatchObject({
      questions: 5,
      answered: 3,
      refused: 2,
      refusalRate: 0.4,
      up: 1,
      down: 0,
      topUnanswered: [{ question: '上海市地铁票价是多少？', count: 2 }],
    });
    const text = await cli('stats.ts', [], env);
    expect(text.stdout).toMatch(/refusal rate 40\.0%/);
    expect(text.stdout).toMatch(/2× 上海市地铁票价是多少？/);

    // /stats: the same summary, for admins only, never public.
    const refused = slashCommand(fake, 'stats', {}, { id: snowflake() });
    const no = await waitForCall(fake, '/stats refused', isCallback(refused.id));
    expect(no.body.data.content).toMatch(/Manage Server/);
    const shown = slashCommand(fake, 'stats', {}, { id: snowflake() }, MANAGE_GUILD);
    const yes = await waitForCall(fake, '/stats shown', isCallback(shown.id));
    expect(yes.body.data.flags & 64).toBe(64); // ephemeral
    expect(yes.body.data.content).toMatch(/Questions from .+: 5\n/);
    expect(yes.body.data.content).toMatch(/refusal rate 40\.0%/);
    expect(yes.body.data.content).toMatch(/feedback: 1 👍, 0 👎/);
    expect(yes.body.data.content).toContain('2× 上海市地铁票价是多少？');
  }, 60_000);

  it('stops cleanly on SIGTERM; npm run health then exits 1', async () => {
    bot.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toMatch(/SIGTERM: shutting down/);
    const r = await cli('health.ts', [], env);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ healthy: false, gateway: 'stopped' });
    expect(output).not.toContain(env.DISCORD_TOKEN);
  }, 60_000);
});
