/**
 * Hostile questions through the real bot and the fake Discord: every reply pings nobody
 * (allowed_mentions parse []) and shows no Markdown or mention the user wrote unescaped. Run against
 * the real engine (cleaned questions come back) and a stub that echoes the raw question (the worst case
 * for the renderer).
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import { openReports } from '../../src/cli/open-reports.ts';
import { buildIndex } from '../../src/index/build.ts';
import { BuiltinEmbedder } from '../../src/index/embedders/builtin.ts';
import type { ReportsService } from '../../src/retrieval/types.ts';
import type { RecordedRequest } from '../fake-discord/fake-discord.ts';
import { snowflake } from '../fake-discord/ids.ts';
import { channelMessage, slashCommand } from '../fake-discord/payloads.ts';
import { isEdit, isFollowUp, startHarness, waitForCall, type Harness } from '../bot/harness.ts';
import { StubReports } from '../bot/stub-reports.ts';
import { hostileQuestions } from './hostile-questions.ts';
import { liveMarkup, withoutBotMarkup } from './markdown-check.ts';
import { NO_MODELS, ROOT, tempDir } from './support.ts';

let dir: string;

beforeAll(() => {
  dir = tempDir('qbot');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The message a REST call sends (interaction callbacks carry it under `data`). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function messageOf(r: RecordedRequest): Record<string, any> | undefined {
  const b = r.path.startsWith('/interactions/') ? r.body?.data : r.body;
  return b && (b.content !== undefined || b.embeds !== undefined) ? b : undefined;
}

/** Every problem with one message the bot sent: a possible ping, or live markup it did not write itself. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function problems(msg: Record<string, any>): string[] {
  const out: string[] = [];
  if (JSON.stringify(msg.allowed_mentions?.parse) !== '[]') out.push(`allowed_mentions ${JSON.stringify(msg.allowed_mentions)}`);
  if (typeof msg.content === 'string' && msg.content) {
    for (const m of liveMarkup(msg.content)) out.push(`content: ${m}`);
    if (/@(everyone|here)/.test(msg.content)) out.push('content: @everyone/@here');
  }
  for (const e of msg.embeds ?? []) {
    if (e.title) for (const m of liveMarkup(e.title)) out.push(`title ${JSON.stringify(e.title)}: ${m}`);
    if (e.description) for (const m of liveMarkup(withoutBotMarkup(e.description))) out.push(`description: ${m}`);
    for (const f of e.fields ?? []) for (const m of liveMarkup(f.value)) out.push(`field ${f.name}: ${m}`);
  }
  return out;
}

async function askAll(reports: ReportsService, label: string): Promise<void> {
  const h: Harness = await startHarness(reports, { feedbackLog: path.join(dir, `${label}-feedback.jsonl`) });
  try {
    const cases = hostileQuestions();
    const sent = cases.map((c) => ({
      kind: c.kind,
      slash: slashCommand(h.fake, 'ask', { question: c.q }, { id: snowflake() }),
      message: channelMessage(h.fake, c.q, { id: snowflake() }, { mentionBot: true }),
    }));
    for (const s of sent) {
      // The question ends in an answer (the deferred reply edited) or a short ephemeral notice.
      await waitForCall(h.fake, `${label}: /ask ${s.kind}`, (r) => isEdit(s.slash.token)(r) || isFollowUp(s.slash.token)(r));
      await waitForCall(h.fake, `${label}: reply to ${s.kind}`, (r) => r.body?.message_reference?.message_id === s.message);
    }
    const messages = h.fake.requests
      .filter((r) => r.status < 300 && r.method !== 'GET' && !r.path.startsWith('/applications'))
      .map(messageOf)
      .filter((m) => m !== undefined);
    expect(messages.length).toBeGreaterThanOrEqual(2 * cases.length);
    const found = messages.flatMap((m) => problems(m));
    expect(found).toEqual([]);
    // Nobody got the generic failure: every hostile question was either answered or refused with its reason.
    const generic = messages.filter((m) => typeof m.content === 'string' && /Something went wrong/.test(m.content));
    expect(generic).toEqual([]);
  } finally {
    await h.stop();
  }
}

describe('hostile questions through the bot', () => {
  it('real engine: every reply is inert and escaped', async () => {
    const indexDir = path.join(dir, 'index');
    await buildIndex({ inputs: [path.join(ROOT, 'data', 'reports')], outDir: indexDir, embedder: new BuiltinEmbedder() });
    const config = parseConfig({
      BAOXUN_INDEX_DIR: indexDir,
      BAOXUN_REPORTS_DIR: path.join(ROOT, 'data', 'reports'),
      BAOXUN_MODELS_DIR: NO_MODELS,
      BAOXUN_EMBEDDER: 'builtin',
    });
    const { engine } = await openReports(config);
    await askAll(engine, 'engine');
  });

  it('stub echoing the raw question: the renderer escapes it all', async () => {
    await askAll(new StubReports(), 'stub');
  });
});
