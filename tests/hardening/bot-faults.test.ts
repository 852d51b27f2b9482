/**
 * Discord faults tests/bot does not cover yet: a 500 or a 429 (with retry-after) that the REST client
 * waits out so the answer still arrives, and gateway drops while questions are in flight and twice in
 * a row. (tests/bot covers 500s that exhaust the retries, a 429 on callbacks and channel messages,
 * and one drop with RESUME.)
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snowflake } from '../fake-discord/ids.ts';
import { slashCommand } from '../fake-discord/payloads.ts';
import { waitFor } from '../fake-discord/wait.ts';
import { isCallback, isEdit, isFollowUp, startHarness, waitForCall, type Harness } from '../bot/harness.ts';
import { StubReports } from '../bot/stub-reports.ts';
import { countOps, OP } from './gateway-heartbeat.ts';
import { tempDir } from './support.ts';

let dir: string;
let h: Harness;
const reports = new StubReports();

beforeAll(async () => {
  dir = tempDir('faults');
  h = await startHarness(reports, { feedbackLog: path.join(dir, 'feedback.jsonl') });
});
afterAll(async () => {
  await h?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const user = () => ({ id: snowflake() });
const requestsFor = (token: string) => h.fake.requests.filter((r) => r.path.includes(`/${token}`));

describe('Discord faults the bot rides out', () => {
  it('a 500 on the answer is retried and the answer arrives (no error notice)', async () => {
    h.fake.failNext('PATCH', /messages\/(%40|@)original$/, 1, 500);
    const q = slashCommand(h.fake, 'ask', { question: '谁主持了会议？' }, user());
    const edit = await waitForCall(h.fake, 'answer after a 500', isEdit(q.token));
    expect(edit.body.embeds[0].description).toContain('[1]');
    const statuses = requestsFor(q.token)
      .filter((r) => r.method === 'PATCH')
      .map((r) => r.status);
    expect(statuses).toEqual([500, 200]);
    expect(h.fake.requests.some((r) => isFollowUp(q.token)(r))).toBe(false);
  });

  it('a 500 on the deferral is retried, then the question is answered', async () => {
    h.fake.failNext('POST', /^\/interactions\/\d+\/[^/]+\/callback$/, 1, 500);
    const q = slashCommand(h.fake, 'ask', { question: '谁主持了会议？' }, user());
    await waitForCall(h.fake, 'answer after a failed deferral', isEdit(q.token));
    expect(h.fake.requests.filter((r) => r.path.startsWith(`/interactions/${q.id}/`)).map((r) => r.status)).toEqual([500, 204]);
  });

  it('a 429 with retry-after on the answer is waited out, then sent', async () => {
    h.fake.failNext('PATCH', /messages\/(%40|@)original$/, 2, 429);
    const q = slashCommand(h.fake, 'ask', { question: '谁主持了会议？' }, user());
    await waitForCall(h.fake, 'answer after 429s', isEdit(q.token));
    expect(
      requestsFor(q.token)
        .filter((r) => r.method === 'PATCH')
        .map((r) => r.status),
    ).toEqual([429, 429, 200]);
  });

  it('answers questions in flight when the gateway drops, resumes, and answers new ones', async () => {
    const resumes = countOps(h.fake, OP.resume);
    let open: () => void = () => undefined;
    reports.gate = new Promise<void>((resolve) => (open = resolve));
    const inFlight = Array.from({ length: 5 }, () => slashCommand(h.fake, 'ask', { question: '谁主持了会议？' }, user()));
    for (const q of inFlight) await waitForCall(h.fake, 'deferral', isCallback(q.id));
    h.fake.dropConnections();
    open();
    reports.gate = undefined;
    for (const q of inFlight) await waitForCall(h.fake, 'answer across the drop', isEdit(q.token));
    await waitFor('resumed', () => countOps(h.fake, OP.resume) > resumes && h.fake.connected === 1);
    const after = slashCommand(h.fake, 'ask', { question: '谁主持了会议？' }, user());
    await waitForCall(h.fake, 'answer after resume', isEdit(after.token));
  });

  it('survives two drops in a row and goes on answering', async () => {
    for (let i = 0; i < 2; i++) {
      const resumes = countOps(h.fake, OP.resume);
      h.fake.dropConnections();
      await waitFor(`resume ${i + 1}`, () => countOps(h.fake, OP.resume) > resumes && h.fake.connected === 1);
    }
    // Sessions are resumed, never re-identified.
    expect(countOps(h.fake, OP.identify)).toBe(1);
    const q = slashCommand(h.fake, 'ask', { question: '谁主持了会议？' }, user());
    await waitForCall(h.fake, 'answer after two drops', isEdit(q.token));
  });
});
