/** `npm start` without a token: one line saying so, then the local chat answers questions piped in. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.ts';
import { buildIndex } from '../../src/index/build.ts';
import { BuiltinEmbedder } from '../../src/index/embedders/builtin.ts';
import { FakeDiscord } from '../fake-discord/fake-discord.ts';
import { slashCommand } from '../fake-discord/payloads.ts';
import { snowflake } from '../fake-discord/ids.ts';
import { waitFor } from '../fake-discord/wait.ts';
import { isEdit, waitForCall } from './harness.ts';

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'baoxun-start-'));
  await buildIndex({
    inputs: [path.join(PROJECT_ROOT, 'data', 'reports')],
    outDir: path.join(dir, 'index'),
    embedder: new BuiltinEmbedder(),
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function start(env: Record<string, string>, opts: { detached?: boolean } = {}) {
  return spawn('npx', ['tsx', 'src/cli/start.ts'], {
    cwd: PROJECT_ROOT,
    // Its own process group, so the whole npx → tsx → node chain can be stopped together.
    detached: opts.detached ?? false,
    // An empty DISCORD_TOKEN wins over any developer .env (loadEnvFile never overrides).
    env: {
      ...process.env,
      DISCORD_TOKEN: '',
      BAOXUN_INDEX_DIR: path.join(dir, 'index'),
      BAOXUN_MODELS_DIR: path.join(dir, 'models'),
      BAOXUN_EMBEDDER: 'builtin',
      BAOXUN_STATUS_FILE: path.join(dir, 'status.json'),
      BAOXUN_QUESTION_LOG: path.join(dir, 'questions.jsonl'),
      ...env,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

function run(stdin: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = start({});
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

describe('npm start without a token', () => {
  it('says so in one line and answers questions piped into it, exiting at EOF', async () => {
    const r = await run('谁主持了冬春季疫情防控工作动员会？\n\nWho chaired the epidemic prevention meeting?\n');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/No DISCORD_TOKEN/);
    expect(r.stdout.match(/王新亭/g)!.length).toBeGreaterThanOrEqual(2);
    expect(r.stdout).toMatch(/\[1\] .+ · 2021-01-12/);
    expect(r.stdout).not.toContain('\x1b['); // no terminal styling into a pipe
  });
});

describe('the local chat is one conversation', () => {
  it('resolves a follow-up against the last answer, says how it read it, and forgets it after /new', async () => {
    const r = await run('信访工作会议是谁主持的？\n他要求什么？\n/new\n他要求什么？\n');
    expect(r.code).toBe(0);
    const understood = r.stdout.match(/理解为 \/ Understood as：.*/g) ?? [];
    expect(understood).toEqual(['理解为 / Understood as：张红军要求什么？']);
    expect(r.stdout).toContain('迅速传达贯彻');
    expect(r.stdout).toContain('New conversation');
  });
});

describe('npm start with a token', () => {
  it('connects to Discord (here the fake) and answers, never logging the token', async () => {
    const fake = await FakeDiscord.start();
    const token = 'secret-token-abcdefghijklmnop';
    const child = start(
      { DISCORD_TOKEN: token, DISCORD_APP_ID: fake.appId, DISCORD_API_BASE: fake.apiBase, LOG_LEVEL: 'debug' },
      { detached: true },
    );
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const exited = new Promise((resolve) => child.on('close', resolve));
    try {
      await waitFor('the bot to identify', () => fake.gatewayReceived.some((p) => p.op === 2), 40_000);
      await waitFor('the bot to be ready', () => /logged in as/.test(output), 20_000);
      const { token: itoken } = slashCommand(fake, 'ask', { question: '谁主持了冬春季疫情防控工作动员会？' }, { id: snowflake() });
      const edit = await waitForCall(fake, 'answer', isEdit(itoken));
      expect(edit.body.embeds[0].description).toContain('王新亭');
      expect(fake.requests.find((r) => r.path === '/gateway/bot')!.authorization).toBe(`Bot ${token}`);
    } finally {
      process.kill(-child.pid!, 'SIGTERM');
      await exited;
      await fake.close();
    }
    expect(output).not.toContain(token);
  });
});
