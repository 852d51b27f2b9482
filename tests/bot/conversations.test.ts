/**
 * Conversations end to end: the real discord.js client and bot against the fake Discord, answering
 * from the real engine over data/reports. A thread under an ask channel, a forum post, a reply to
 * the bot's answer (to a mention or to /ask) and answer-in-thread mode each carry a follow-up that
 * refers to the last answer.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.ts';
import { buildIndex } from '../../src/index/build.ts';
import { BuiltinEmbedder } from '../../src/index/embedders/builtin.ts';
import { ReportsEngine } from '../../src/retrieval/engine.ts';
import type { RecordedRequest } from '../fake-discord/fake-discord.ts';
import { snowflake } from '../fake-discord/ids.ts';
import { channelMessage, slashCommand, threadCreate } from '../fake-discord/payloads.ts';
import { isEdit, startHarness, waitForCall, type Harness } from './harness.ts';

let dir: string;
let engine: ReportsEngine;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'baoxun-conv-'));
  await buildIndex({
    inputs: [path.join(PROJECT_ROOT, 'data', 'reports')],
    outDir: path.join(dir, 'index'),
    embedder: new BuiltinEmbedder(),
  });
  engine = await ReportsEngine.open(path.join(dir, 'index'), { modelsDir: path.join(dir, 'models') });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const newUser = () => ({ id: snowflake() });
const UNDERSTOOD = /理解为 \/ Understood as：/;

/** The bot's message in `channelId` (a reply to `questionId` when given), once it is sent. */
function botPost(h: Harness, channelId: string, what: string, questionId?: string): Promise<RecordedRequest> {
  return waitForCall(
    h.fake,
    what,
    (r) =>
      r.method === 'POST' &&
      r.path === `/channels/${channelId}/messages` &&
      (questionId === undefined || r.body?.message_reference?.message_id === questionId),
  );
}

const text = (r: RecordedRequest): string =>
  (r.body.embeds ?? []).map((e: { description?: string }) => e.description ?? '').join('\n') + (r.body.content ?? '');

function expectNoPings(h: Harness): void {
  // Every message the bot sent (creating a thread sends no message).
  const sent = h.fake.requests.filter(
    (r) => (r.method === 'POST' || r.method === 'PATCH') && /\/messages$/.test(r.path) && r.body && typeof r.body === 'object',
  );
  expect(sent.length).toBeGreaterThan(0);
  for (const r of sent) expect(r.body.allowed_mentions?.parse).toEqual([]);
}

describe('conversations in threads, forum posts and reply chains', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(engine, { feedbackLog: path.join(dir, 'feedback.jsonl') });
  });
  afterAll(async () => h?.stop());

  it('answers every message of a thread under an ask channel, and a follow-up there refers to the last answer', async () => {
    const user = newUser();
    const thread = threadCreate(h.fake, h.askChannel, '信访', user);
    const q1 = channelMessage(h.fake, '信访工作会议是谁主持的？', user, { channelId: thread });
    expect(text(await botPost(h, thread, 'the first answer in the thread', q1))).toContain('张红军');
    const q2 = channelMessage(h.fake, '他要求什么？', user, { channelId: thread });
    const follow = text(await botPost(h, thread, 'the follow-up answer', q2));
    expect(follow).toMatch(/理解为 \/ Understood as：张红军要求什么？/);
    expect(follow).toContain('迅速传达贯彻');
  });

  it('answers a forum post and its follow-up', async () => {
    const user = newUser();
    const post = snowflake();
    threadCreate(h.fake, h.askForum, '疫情防控', user, { id: post });
    // A forum post's first message has the post's id.
    channelMessage(h.fake, '谁主持了冬春季疫情防控工作动员会？', user, { channelId: post, id: post });
    expect(text(await botPost(h, post, 'the answer to the post', post))).toContain('王新亭');
    const q2 = channelMessage(h.fake, '还有谁参加了？', user, { channelId: post });
    const follow = text(await botPost(h, post, 'the follow-up in the post', q2));
    expect(follow).toMatch(/理解为 \/ Understood as：哪些人出席了冬春季新冠肺炎疫情防控工作动员会/);
    expect(follow).toContain('张静伟');
  });

  it("continues the conversation when someone replies to the bot's answer, without a mention", async () => {
    const user = newUser();
    const plain = h.fake.channelIds[0]!;
    const q1 = channelMessage(h.fake, '信访工作会议是谁主持的？', user, { channelId: plain, mentionBot: true });
    const answer = await botPost(h, plain, 'the answer to the mention', q1);
    expect(text(answer)).toContain('张红军');
    const q2 = channelMessage(h.fake, '他要求什么？', user, { channelId: plain, replyTo: answer.response.id });
    const follow = text(await botPost(h, plain, 'the answer to the reply', q2));
    expect(follow).toMatch(/理解为 \/ Understood as：张红军要求什么？/);
    // A new mention (not a reply) starts a new conversation: nothing is borrowed.
    const q3 = channelMessage(h.fake, '他要求什么？', user, { channelId: plain, mentionBot: true });
    expect(text(await botPost(h, plain, 'the answer to a fresh mention', q3))).not.toMatch(UNDERSTOOD);
  });

  it('continues an /ask conversation when someone replies to its answer', async () => {
    const user = newUser();
    const { token } = slashCommand(h.fake, 'ask', { question: '信访工作会议是谁主持的？' }, user);
    const edit = await waitForCall(h.fake, 'the /ask answer', isEdit(token));
    expect(text(edit)).toContain('张红军');
    const plain = h.fake.channelIds[0]!;
    const q2 = channelMessage(h.fake, '他要求什么？', user, { channelId: plain, replyTo: edit.response.id });
    expect(text(await botPost(h, plain, 'the answer to the reply', q2))).toMatch(/理解为 \/ Understood as：张红军要求什么？/);
  });

  it('answers a mention in a thread outside the ask channels; the thread is its conversation', async () => {
    const user = newUser();
    const thread = threadCreate(h.fake, h.fake.channelIds[0]!, '闲聊', user);
    const ignored = channelMessage(h.fake, '信访工作会议是谁主持的？', user, { channelId: thread });
    const q1 = channelMessage(h.fake, '信访工作会议是谁主持的？', user, { channelId: thread, mentionBot: true });
    expect(text(await botPost(h, thread, 'the answer to the mention in a thread', q1))).toContain('张红军');
    const q2 = channelMessage(h.fake, '他要求什么？', user, { channelId: thread, mentionBot: true });
    expect(text(await botPost(h, thread, 'the follow-up mention', q2))).toMatch(/张红军要求什么？/);
    // Without a mention, a message in a thread outside the ask channels is not a question.
    expect(h.fake.requests.some((r) => r.body?.message_reference?.message_id === ignored)).toBe(false);
    expectNoPings(h);
  });
});

describe('BAOXUN_ANSWER_IN_THREAD=1', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(engine, { feedbackLog: path.join(dir, 'feedback-thread.jsonl'), env: { BAOXUN_ANSWER_IN_THREAD: '1' } });
  });
  afterAll(async () => h?.stop());

  it('answers a question of an ask channel in a new public thread, where a follow-up needs no mention', async () => {
    const user = newUser();
    const q1 = channelMessage(h.fake, '信访工作会议是谁主持的？', user, { channelId: h.askChannel });
    const started = await waitForCall(
      h.fake,
      'the thread to be started',
      (r) => r.method === 'POST' && r.path === `/channels/${h.askChannel}/messages/${q1}/threads`,
    );
    expect(started.body.name).toBe('信访工作会议是谁主持的？');
    const thread = started.response.id as string;
    expect(text(await botPost(h, thread, 'the answer in the thread'))).toContain('张红军');
    const q2 = channelMessage(h.fake, '他要求什么？', user, { channelId: thread });
    const follow = await waitForCall(
      h.fake,
      'the follow-up answer in the thread',
      (r) => r.method === 'POST' && r.path === `/channels/${thread}/messages` && UNDERSTOOD.test(text(r)),
    );
    expect(text(follow)).toContain('迅速传达贯彻');
    // The follow-up is answered in the thread, not in a thread of its own.
    expect(h.fake.requests.some((r) => r.path.includes(`/messages/${q2}/threads`))).toBe(false);
    expectNoPings(h);
  });
});
