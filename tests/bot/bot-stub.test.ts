/** The bot's plumbing through the fake Discord, with a stub ReportsService (fast; no index needed). */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MANAGE_GUILD, autocomplete, buttonClick, channelMessage, slashCommand } from '../fake-discord/payloads.ts';
import { snowflake } from '../fake-discord/ids.ts';
import { waitFor } from '../fake-discord/wait.ts';
import { callsFor, isCallback, isEdit, isFollowUp, startHarness, waitForCall, type Harness } from './harness.ts';
import { StubReports } from './stub-reports.ts';

let h: Harness;
let dir: string;
const reports = new StubReports();

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'baoxun-bot-'));
  h = await startHarness(reports, {
    feedbackLog: path.join(dir, 'fb', 'feedback.jsonl'),
    env: { RATE_LIMIT_QUESTIONS: '3', RATE_LIMIT_WINDOW_SECONDS: '3600' },
  });
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
    expect(r1.body.embeds[0].title).toBe('谁主持了会议？ @everyone'); // comes back, inert
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

  it('autocompletes dates and meetings and answers /date and /meeting', async () => {
    const user = { id: snowflake() };
    const ac = autocomplete(h.fake, 'date', 'date', '2021', user);
    const choices = await waitForCall(h.fake, 'date choices', isCallback(ac.id));
    expect(choices.body).toEqual({ type: 8, data: { choices: [{ name: '2021-01-12', value: '2021-01-12' }] } });
    const mc = autocomplete(h.fake, 'meeting', 'name', '安委会', user);
    const mChoices = await waitForCall(h.fake, 'meeting choices', isCallback(mc.id));
    expect(mChoices.body.data.choices[0]).toEqual({ name: '安委会第一次全体会议 · 2021-01-12', value: '安委会第一次全体会议' });

    const d = slashCommand(h.fake, 'date', { date: '2021-01-12' }, user);
    const dr = await waitForCall(h.fake, '/date reply', isCallback(d.id));
    expect(dr.body.data.embeds[0].description).toContain('高新区召开会议1');
    const m = slashCommand(h.fake, 'meeting', { name: '安委会' }, user);
    const mr = await waitForCall(h.fake, '/meeting reply', isCallback(m.id));
    expect(mr.body.data.embeds[0].fields[1].value).toBe('王新亭');
    const none = slashCommand(h.fake, 'meeting', { name: '不存在的会' }, user);
    expect((await waitForCall(h.fake, 'no meeting', isCallback(none.id))).body.data.flags & 64).toBe(64);
  });

  it('pages an article in place with the ◀ ▶ buttons', async () => {
    const user = { id: snowflake() };
    const a = slashCommand(h.fake, 'article', { id: 'a1' }, user);
    const r = await waitForCall(h.fake, '/article reply', isCallback(a.id));
    expect(r.body.data.embeds[0].title).toBe('高新区召开安全生产会议');
    const p = buttonClick(h.fake, 'page:0:a1', user);
    const upd = await waitForCall(h.fake, 'page update', isCallback(p.id));
    expect(upd.body.type).toBe(7); // UPDATE_MESSAGE
  });

  it('shows a QuestionError to the user as it is', async () => {
    const q = slashCommand(h.fake, 'ask', { question: '   ' }, { id: snowflake() });
    const f = await waitForCall(h.fake, 'question error', isFollowUp(q.token));
    expect(f.body.content).toContain('问题是空的');
  });

  it('survives REST 500s and 429s and a dropped gateway, and goes on answering', async () => {
    const user = { id: snowflake() };
    // Every attempt at the edit fails (the REST client retries 500s 3 times), then the next question works.
    h.fake.failNext('PATCH', /messages\/(%40|@)original$/, 4, 500);
    const failed = slashCommand(h.fake, 'ask', { question: '谁主持了会议？' }, user);
    await waitFor('four 500s', () => h.fake.requests.filter((r) => r.status === 500 && r.path.includes(failed.token)).length === 4);
    await waitForCall(h.fake, 'error follow-up after 500s', isFollowUp(failed.token));
    // A 429 is waited out and retried.
    h.fake.failNext('POST', /^\/channels\/\d+\/messages$/, 1, 429);
    const m = channelMessage(h.fake, '谁主持了会议？', user, { mentionBot: true });
    await waitForCall(h.fake, 'reply after 429', (r) => r.body?.message_reference?.message_id === m);
    expect(h.fake.requests.some((r) => r.status === 429)).toBe(true);
    // A dropped gateway resumes.
    h.fake.dropConnections();
    await waitFor('resume', () => h.fake.gatewayReceived.some((p) => p.op === 6) && h.fake.connected === 1);
    const again = slashCommand(h.fake, 'ask', { question: '谁主持了会议？' }, user);
    await waitForCall(h.fake, 'answer after everything', isEdit(again.token));
  });

  it('refuses /reindex without Manage Server, and reports the lack of a reindex job', async () => {
    const user = { id: snowflake() };
    const r = slashCommand(h.fake, 'reindex', {}, user, 0n);
    const refused = await waitForCall(h.fake, 'refusal', isCallback(r.id));
    expect(refused.body.data.content).toContain('Manage Server');
    expect(refused.body.data.flags & 64).toBe(64);
    const ok = slashCommand(h.fake, 'reindex', {}, user, MANAGE_GUILD);
    const na = await waitForCall(h.fake, 'not available', isCallback(ok.id));
    expect(na.body.data.content).toContain('not available');
  });
});
