/** Direct messages are answered only when ALLOW_DMS is set; the bot never answers itself. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GatewayIntentBits, IntentsBitField } from 'discord.js';
import { channelMessage } from '../fake-discord/payloads.ts';
import { snowflake } from '../fake-discord/ids.ts';
import { startHarness, waitForCall, type Harness } from './harness.ts';
import { StubReports } from './stub-reports.ts';
import { clientOptions } from '../../src/bot/client.ts';
import { parseConfig } from '../../src/config.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'baoxun-dm-'));
const running: Harness[] = [];
afterAll(async () => {
  for (const h of running) await h.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function harness(allowDMs: boolean) {
  const reports = new StubReports();
  const h = await startHarness(reports, { feedbackLog: path.join(dir, 'fb.jsonl'), env: { ALLOW_DMS: String(allowDMs) } });
  running.push(h);
  return { h, reports };
}

function identifyIntents(h: Harness): number {
  const identify = h.fake.gatewayReceived.find((p) => p.op === 2)!;
  return (identify.d as { intents: number }).intents;
}

describe('direct messages', () => {
  it('answers a DM when allowed, asking for the DirectMessages intent', async () => {
    const { h } = await harness(true);
    expect(identifyIntents(h) & GatewayIntentBits.DirectMessages).toBeTruthy();
    const dmChannel = snowflake();
    const m = channelMessage(h.fake, '谁主持了会议？', { id: snowflake() }, { dm: true, channelId: dmChannel });
    const reply = await waitForCall(h.fake, 'DM reply', (r) => r.body?.message_reference?.message_id === m);
    expect(reply.path).toBe(`/channels/${dmChannel}/messages`);
    expect(reply.body.allowed_mentions.parse).toEqual([]);
  });

  it('ignores DMs when not allowed, and never answers its own messages', async () => {
    const { h, reports } = await harness(false);
    expect(identifyIntents(h) & GatewayIntentBits.DirectMessages).toBe(0);
    expect(identifyIntents(h) & GatewayIntentBits.MessageContent).toBeTruthy();
    channelMessage(h.fake, '私信问题', { id: snowflake() }, { dm: true });
    channelMessage(h.fake, '自己的消息', { id: h.fake.appId, bot: true }, { channelId: h.askChannel });
    // A later ask-channel question is answered, so the two above were seen and skipped.
    const m = channelMessage(h.fake, '谁主持了会议？', { id: snowflake() }, { channelId: h.askChannel });
    await waitForCall(h.fake, 'ask-channel reply', (r) => r.body?.message_reference?.message_id === m);
    expect(reports.asked).toEqual(['谁主持了会议？']);
  });
});

describe('intents', () => {
  it('asks for the privileged Message Content intent only when there are ask channels', () => {
    const intents = (env: Record<string, string>) => new IntentsBitField(clientOptions(parseConfig(env)).intents).bitfield;
    expect(intents({}) & GatewayIntentBits.MessageContent).toBe(0);
    expect(intents({ ASK_CHANNEL_IDS: '111111111111111111' }) & GatewayIntentBits.MessageContent).toBeTruthy();
  });
});
