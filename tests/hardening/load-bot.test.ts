/**
 * 200 questions at once through the real bot and engine against the fake Discord: all answered, and
 * the gateway heartbeat (shortened to 500 ms) is ACKed throughout: no zombie-connection RESUME.
 * Event-loop delay during the burst is measured and printed.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import { openReports } from '../../src/cli/open-reports.ts';
import { buildIndex } from '../../src/index/build.ts';
import { BuiltinEmbedder } from '../../src/index/embedders/builtin.ts';
import { snowflake } from '../fake-discord/ids.ts';
import { slashCommand } from '../fake-discord/payloads.ts';
import { waitFor } from '../fake-discord/wait.ts';
import { isEdit, isFollowUp, startHarness, type Harness } from '../bot/harness.ts';
import { countOps, OP, useShortHeartbeat } from './gateway-heartbeat.ts';
import { generateArticles, NO_MODELS, ROOT, tempDir, writeJsonl } from './support.ts';

const BURST = 200;
const HEARTBEAT_MS = 500;
let dir: string;
let h: Harness;

beforeAll(async () => {
  dir = tempDir('loadbot');
  const indexDir = path.join(dir, 'index');
  const archive = path.join(dir, 'archive.jsonl');
  writeJsonl(archive, generateArticles(300, 8));
  const reports = path.join(ROOT, 'data', 'reports');
  await buildIndex({ inputs: [reports, archive], outDir: indexDir, embedder: new BuiltinEmbedder() });
  const env = { BAOXUN_INDEX_DIR: indexDir, BAOXUN_REPORTS_DIR: reports, BAOXUN_MODELS_DIR: NO_MODELS, BAOXUN_EMBEDDER: 'builtin' };
  const { engine } = await openReports(parseConfig(env));
  h = await startHarness(engine, { feedbackLog: path.join(dir, 'feedback.jsonl'), env });
  await useShortHeartbeat(h.fake, HEARTBEAT_MS);
});
afterAll(async () => {
  await h?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('200 questions at once through the bot', () => {
  it('answers all of them and keeps the gateway heartbeat ACKed', async () => {
    const questions = [
      '谁主持了冬春季疫情防控工作动员会？',
      '信访工作应当摆在什么位置？',
      '东城区安全生产专题会议强调了什么？',
      'Who chaired the epidemic prevention meeting?',
      '高新區管委會主任是誰？',
    ];
    const mark = h.fake.gatewayReceived.length;
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const started = performance.now();
    const sent = Array.from({ length: BURST }, (_, i) =>
      slashCommand(h.fake, 'ask', { question: `${questions[i % questions.length]}` }, { id: snowflake() }),
    );
    const answered = (t: string) => h.fake.requests.some((r) => r.status < 300 && isEdit(t)(r));
    await waitFor('every answer', () => sent.every((s) => answered(s.token)), 180_000);
    const seconds = (performance.now() - started) / 1000;
    delay.disable();

    // All answered with an answer (not an error notice).
    const failed = sent.filter((s) => h.fake.requests.some((r) => isFollowUp(s.token)(r)));
    expect(failed).toEqual([]);
    const heartbeats = countOps(h.fake, OP.heartbeat, mark);
    // No reconnect of any kind during the burst: a missed ACK would have forced a RESUME (or IDENTIFY).
    expect(countOps(h.fake, OP.resume, mark)).toBe(0);
    expect(countOps(h.fake, OP.identify, mark)).toBe(0);
    expect(h.fake.connected).toBe(1);
    // The heartbeat is still alive after the burst.
    const after = h.fake.gatewayReceived.length;
    await waitFor('a heartbeat after the burst', () => countOps(h.fake, OP.heartbeat, after) > 0, 10_000);
    expect(countOps(h.fake, OP.resume, mark)).toBe(0);

    const ms = (ns: number) => (ns / 1e6).toFixed(1);
    console.log(
      `bot burst: ${BURST} questions answered in ${seconds.toFixed(1)} s; ${heartbeats} heartbeats (every ${HEARTBEAT_MS} ms) sent and ACKed meanwhile; ` +
        `event-loop delay p50 ${ms(delay.percentile(50))} ms, p99 ${ms(delay.percentile(99))} ms, max ${ms(delay.max)} ms`,
    );
  });
});
