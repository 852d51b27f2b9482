/**
 * End to end: the real discord.js client and the real bot against the fake Discord, answering from
 * the real engine over an index of data/reports built into a temp folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, parseConfig } from '../../src/config.ts';
import type { Reindex } from '../../src/bot/context.ts';
import { buildIndex } from '../../src/index/build.ts';
import { BuiltinEmbedder } from '../../src/index/embedders/builtin.ts';
import { openReports } from '../../src/cli/open-reports.ts';
import { MANAGE_GUILD, autocomplete, channelMessage, slashCommand } from '../fake-discord/payloads.ts';
import { snowflake } from '../fake-discord/ids.ts';
import { waitFor } from '../fake-discord/wait.ts';
import type { RecordedRequest } from '../fake-discord/fake-discord.ts';
import { isCallback, isEdit, startHarness, waitForCall, type Harness } from './harness.ts';

let h: Harness;
let dir: string;
/** Holds the reindex in the middle of its work until released, to ask questions meanwhile. */
let releaseReindex: () => void = () => undefined;
let reindexCalls = 0;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'baoxun-e2e-'));
  const env = {
    BAOXUN_INDEX_DIR: path.join(dir, 'index'),
    BAOXUN_REPORTS_DIR: path.join(PROJECT_ROOT, 'data', 'reports'),
    BAOXUN_MODELS_DIR: path.join(dir, 'models'),
    BAOXUN_EMBEDDER: 'builtin',
  };
  await buildIndex({ inputs: [env.BAOXUN_REPORTS_DIR], outDir: env.BAOXUN_INDEX_DIR, embedder: new BuiltinEmbedder() });
  const { engine, reindex } = await openReports(parseConfig(env));
  const held: Reindex = async (onProgress) => {
    reindexCalls++;
    onProgress('starting');
    await new Promise<void>((resolve) => (releaseReindex = resolve));
    await reindex(onProgress);
  };
  h = await startHarness(engine, {
    reindex: held,
    feedbackLog: path.join(dir, 'feedback.jsonl'),
    env: { ...env, RATE_LIMIT_QUESTIONS: '3', RATE_LIMIT_WINDOW_SECONDS: '3600' },
  });
});

afterAll(async () => {
  await h?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const newUser = () => ({ id: snowflake() });

async function ask(question: string, user = newUser()): Promise<RecordedRequest> {
  const { id, token } = slashCommand(h.fake, 'ask', { question }, user);
  const defer = await waitForCall(h.fake, `defer of ${question}`, isCallback(id));
  expect(defer.body.type).toBe(5);
  return waitForCall(h.fake, `answer to ${question}`, isEdit(token));
}

describe('the bot end to end', () => {
  it('answers /ask with a deferred reply, then an edit with the answer and citations', async () => {
    const edit = await ask('谁主持了冬春季疫情防控工作动员会？');
    expect(edit.path).toMatch(/\/messages\/%40original$/);
    const embed = edit.body.embeds[0];
    expect(embed.title).toBe('谁主持了冬春季疫情防控工作动员会？');
    expect(embed.description).toContain('王新亭');
    expect(embed.description).toMatch(/\*\*\[1\] .+ · 2021-01-12\*\*/);
    expect(embed.description).toContain('> ');
    expect(edit.body.allowed_mentions.parse).toEqual([]);
    const ids = edit.body.components.flatMap((r: { components: Array<{ custom_id: string }> }) => r.components.map((c) => c.custom_id));
    expect(ids.some((i: string) => i.startsWith('open:'))).toBe(true);
    expect(ids.some((i: string) => i.startsWith('feedback:down:'))).toBe(true);
  });

  it('answers a traditional-Chinese and an English question', async () => {
    for (const q of ['高新區管委會主任是誰？', 'Who chaired the epidemic prevention meeting?']) {
      const edit = await ask(q);
      expect(edit.body.embeds[0].title).toBe(q);
      expect(edit.body.embeds[0].description.length).toBeGreaterThan(5);
    }
  });

  it('replies to a mention in a channel and to a message in an ask channel', async () => {
    const user = newUser();
    const m1 = channelMessage(h.fake, '谁主持了冬春季疫情防控工作动员会？', user, { mentionBot: true });
    const r1 = await waitForCall(h.fake, 'reply to mention', (r) => r.body?.message_reference?.message_id === m1);
    expect(r1.body.embeds[0].description).toContain('王新亭');
    const m2 = channelMessage(h.fake, '信访工作会议是哪天开的？', user, { channelId: h.askChannel });
    const r2 = await waitForCall(h.fake, 'reply in ask channel', (r) => r.body?.message_reference?.message_id === m2);
    expect(r2.path).toBe(`/channels/${h.askChannel}/messages`);
    expect(r2.body.embeds[0].description.length).toBeGreaterThan(5);
  });

  it('autocompletes and answers /date', async () => {
    const ac = autocomplete(h.fake, 'date', 'date', '2021-01', newUser());
    const choices = (await waitForCall(h.fake, 'date choices', isCallback(ac.id))).body.data.choices;
    expect(choices).toContainEqual({ name: '2021-01-12', value: '2021-01-12' });
    const d = slashCommand(h.fake, 'date', { date: '2021-01-12' }, newUser());
    const reply = await waitForCall(h.fake, '/date reply', isCallback(d.id));
    const text = reply.body.data.embeds[0].description;
    expect(text).toContain('冬春季新冠肺炎疫情防控工作动员会');
    expect(text).toContain('信访工作');
  });

  it('autocompletes and answers /meeting', async () => {
    const ac = autocomplete(h.fake, 'meeting', 'name', '疫情', newUser());
    const choices = (await waitForCall(h.fake, 'meeting choices', isCallback(ac.id))).body.data.choices;
    expect(choices.length).toBe(1);
    expect(choices[0].value).toContain('疫情防控工作动员会');
    expect(choices[0].name.length).toBeLessThanOrEqual(100);
    const m = slashCommand(h.fake, 'meeting', { name: choices[0].value }, newUser());
    const embed = (await waitForCall(h.fake, '/meeting reply', isCallback(m.id))).body.data.embeds[0];
    expect(embed.title).toContain('疫情防控工作动员会');
    expect(embed.fields.find((f: { name: string }) => f.name.startsWith('主持')).value).toContain('王新亭');
    expect(embed.fields[0].value).toBe('2021-01-12');
  });

  it('refuses /reindex without Manage Server; with it, rebuilds in the background while questions are answered', async () => {
    const refused = slashCommand(h.fake, 'reindex', {}, newUser(), 0n);
    const no = await waitForCall(h.fake, 'refusal', isCallback(refused.id));
    expect(no.body.data.flags & 64).toBe(64);
    expect(reindexCalls).toBe(0);

    const admin = newUser();
    const r = slashCommand(h.fake, 'reindex', {}, admin, MANAGE_GUILD);
    const started = await waitForCall(h.fake, 'reindex started', isCallback(r.id));
    expect(started.body.data.content).toContain('Rebuilding');
    await waitFor('reindex running', () => reindexCalls === 1);
    // A second one is refused while the first runs.
    const second = slashCommand(h.fake, 'reindex', {}, admin, MANAGE_GUILD);
    expect((await waitForCall(h.fake, 'second refused', isCallback(second.id))).body.data.content).toContain('already running');
    // Questions are answered from the old index meanwhile.
    const during = await ask('谁主持了冬春季疫情防控工作动员会？');
    expect(during.body.embeds[0].description).toContain('王新亭');
    releaseReindex();
    const done = await waitForCall(h.fake, 'reindex done', (q) => isEdit(r.token)(q) && /swapped in/.test(q.body.content));
    expect(done.body.allowed_mentions.parse).toEqual([]);
    const progress = h.fake.requests.filter((q) => isEdit(r.token)(q)).map((q) => q.body.content);
    expect(progress.some((c) => /Rebuilding the index… /.test(c))).toBe(true);
    expect((await ask('谁主持了冬春季疫情防控工作动员会？')).body.embeds[0].description).toContain('王新亭');
  });

  it('returns @everyone inert: allowed_mentions parse [] on every message the bot sends', async () => {
    const user = newUser();
    const edit = await ask('@everyone 谁主持了冬春季疫情防控工作动员会？', user);
    expect(edit.body.allowed_mentions.parse).toEqual([]);
    const m = channelMessage(h.fake, '@everyone <@&123456789012345678> 谁主持了会议？', user, { mentionBot: true });
    await waitForCall(h.fake, 'reply', (r) => r.body?.message_reference?.message_id === m);
    const sent = h.fake.requests.filter((r) => r.method !== 'GET' && !r.path.startsWith('/applications'));
    const messages = sent
      .map((r) => (r.path.startsWith('/interactions/') ? r.body?.data : r.body))
      .filter((b) => b && (b.content || b.embeds));
    expect(messages.length).toBeGreaterThan(10);
    for (const b of messages) expect(b.allowed_mentions?.parse).toEqual([]);
  });

  it('holds the per-user rate limit', async () => {
    const user = newUser();
    for (let i = 0; i < 3; i++) await ask('谁主持了信访工作会议？', user);
    const over = slashCommand(h.fake, 'ask', { question: '谁主持了信访工作会议？' }, user);
    const refusal = await waitForCall(h.fake, 'rate limited', isCallback(over.id));
    expect(refusal.body.type).toBe(4);
    expect(refusal.body.data.content).toContain('Too many questions');
    await ask('谁主持了信访工作会议？'); // another user is not affected
  });

  it('goes on answering after a REST 500 and a 429', async () => {
    h.fake.failNext('PATCH', /messages\/(%40|@)original$/, 4, 500);
    const failed = slashCommand(h.fake, 'ask', { question: '谁主持了冬春季疫情防控工作动员会？' }, newUser());
    await waitForCall(
      h.fake,
      'ephemeral error',
      (r) => r.method === 'POST' && r.path.endsWith(`/${failed.token}`) && /Something went wrong/.test(r.body.content),
    );
    h.fake.failNext('POST', /^\/interactions\/\d+\/[^/]+\/callback$/, 1, 429);
    expect((await ask('谁主持了冬春季疫情防控工作动员会？')).body.embeds[0].description).toContain('王新亭');
  });
});
