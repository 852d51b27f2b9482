/** The bot's plumbing through the fake Discord, with a stub ReportsService (fast; no index needed). */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonClick, channelMessage, slashCommand } from '../fake-discord/payloads.ts';
import { snowflake } from '../fake-discord/ids.ts';
import { waitFor } from '../fake-discord/wait.ts';
import { callsFor, isCallback, isEdit, isFollowUp, startHarness, waitForCall, type Harness } from './harness.ts';
import { StubReports } from './stub-reports.ts';

let h: Harness;
let dir: string;
const reports = new StubReports();

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'baoxun-bot-'));
  h = await startHarness(reports, { feedbackLog: path.join(dir, 'fb', 'feedback.jsonl'), env: { RATE_LIMIT_QUESTIONS: '3', RATE_LIMIT_WINDOW_SECONDS: '3600' } });
});
afterAll(async () => {
  await h?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('bot with a stub service', () => {
  it('defers /ask, then edits in the answer with buttons; feedback goes to the log', async () => {
    const user = { id: snowflake() };
    const { id, token } = slashCommand(h.fake, 'ask', { question: '谁主持了会议？' }, user);
    const cb = await waitForCall(h.fake, 'defer', isCallback(id));
    expect(cb.body.type).toBe(5); // DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE
    expect(cb.authorization).toBeUndefined();
    const edit = await waitForCall(h.fake, 'edit', isEdit(token));
    expect(edit.body.embeds[0].description).toContain('[1] 高新区召开会议1 · 2021-01-12');
    expect(edit.body.allowed_mentions.parse).toEqual([]);
    const ids = edit.body.components.flatMap((row: { components: Array<{ custom_id: string }> }) => row.components.map((c) => c.custom_id));
    const up = ids.find((c: string) => c.startsWith('feedback:up:'));
    expect(ids).toContain('open:a1');

    const click = buttonClick(h.fake, up, user);
    await waitForCall(h.fake, 'feedback ack', isCallback(click.id));
    const line = await waitFor('feedback line', () => {
      try {
        return readFileSync(path.join(dir, 'fb', 'feedback.jsonl'), 'utf8');
      } catch {
        return undefined;
      }
    });
    const rec = JSON.parse(line.trim());
    expect(rec).toMatchObject({ vote: 'up', user: user.id, question: '谁主持了会议？', citations: [{ articleId: 'a1' }] });

    const open = buttonClick(h.fake, 'open:a1', user);
    const shown = await waitForCall(h.fake, 'full text', isCallback(open.id));
    expect(shown.body.data.embeds[0].description).toContain('本报讯');
    expect(shown.body.data.flags & 64).toBe(64); // ephemeral
  });

  it('turns an unexpected failure into a short ephemeral message and keeps going', async () => {
    const user = { id: snowflake() };
    reports.failNextAsk = true;
    const bad = slashCommand(h.fake, 'ask', { question: '会失败的问题' }, user);
    const follow = await waitForCall(h.fake, 'error follow-up', isFollowUp(bad.token));
    expect(follow.body.content).toContain('出错了');
    expect(follow.body.flags & 64).toBe(64);
    const good = slashCommand(h.fake, 'ask', { question: '谁主持了会议？' }, user);
    await waitForCall(h.fake, 'edit after failure', isEdit(good.token));
  });

  it('replies to mentions and ask-channel messages, ignores bots and other chatter', async () => {
    const user = { id: snowflake() };
    const before = h.fake.requests.length;
    channelMessage(h.fake, '随便聊聊', user); // not addressed to the bot
    channelMessage(h.fake, '谁主持了会议？', { id: snowflake(), bot: true }, { mentionBot: true });
    const m1 = channelMessage(h.fake, '谁主持了会议？ @everyone', user, { mentionBot: true });
    const r1 = await waitForCall(h.fake, 'mention reply', (r) => r.method === 'POST' && r.body?.message_reference?.message_id === m1);
    expect(r1.path).toBe(`/channels/${h.fake.channelIds[0]}/messages`);
    expect(r1.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(reports.asked).toContain('谁主持了会议？ @everyone');
    const m2 = channelMessage(h.fake, '会议在哪天？', user, { channelId: h.askChannel });
    await waitForCall(h.fake, 'ask-channel reply', (r) => r.method === 'POST' && r.body?.message_reference?.message_id === m2);
    const replies = h.fake.requests.slice(before).filter((r) => r.path.endsWith('/messages') && r.method === 'POST');
    expect(replies.length).toBe(2);
  });

  it('holds the rate limit per user', async () => {
    const user = { id: snowflake() };
    const tokens = [1, 2, 3, 4].map(() => slashCommand(h.fake, 'ask', { question: '谁主持了会议？' }, user));
    const refused = await waitForCall(h.fake, 'refusal', (r) => isCallback(tokens[3]!.id)(r));
    expect(refused.body.type).toBe(4);
    expect(refused.body.data.content).toContain('Too many questions');
    expect(refused.body.data.flags & 64).toBe(64);
    for (const t of tokens.slice(0, 3)) await waitForCall(h.fake, 'answer', isEdit(t.token));
    expect(callsFor(h.fake, tokens[3]!.token).length).toBe(1);
  });
});
