/**
 * /reindex when the rebuild cannot succeed (another build holds the lock; the reports folder has no
 * readable report left): the admin is told the old index is still in use, and questions go on being
 * answered from it. Real engine, real reindex job, fake Discord.
 */
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import { openReports } from '../../src/cli/open-reports.ts';
import { lockPath } from '../../src/index/build-lock.ts';
import { snowflake } from '../fake-discord/ids.ts';
import { MANAGE_GUILD, slashCommand } from '../fake-discord/payloads.ts';
import { isEdit, startHarness, waitForCall, type Harness } from '../bot/harness.ts';
import { NO_MODELS, SHIPPED_PAGE, tempDir } from './support.ts';

const QUESTION = '谁主持了冬春季疫情防控工作动员会？';
let dir: string;
let reports: string;
let indexDir: string;
let h: Harness;

beforeAll(async () => {
  dir = tempDir('reindex');
  reports = path.join(dir, 'reports');
  indexDir = path.join(dir, 'index');
  mkdirSync(reports);
  copyFileSync(SHIPPED_PAGE, path.join(reports, 'page.txt'));
  const env = { BAOXUN_INDEX_DIR: indexDir, BAOXUN_REPORTS_DIR: reports, BAOXUN_MODELS_DIR: NO_MODELS, BAOXUN_EMBEDDER: 'builtin' };
  const { engine, reindex } = await openReports(parseConfig(env));
  h = await startHarness(engine, { reindex, feedbackLog: path.join(dir, 'feedback.jsonl'), env });
});
afterAll(async () => {
  await h?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function reindexUntil(outcome: RegExp): Promise<string> {
  const r = slashCommand(h.fake, 'reindex', {}, { id: snowflake() }, MANAGE_GUILD);
  const edit = await waitForCall(h.fake, `reindex ${outcome}`, (q) => isEdit(r.token)(q) && outcome.test(q.body.content));
  expect(edit.body.allowed_mentions.parse).toEqual([]);
  return edit.body.content as string;
}

async function askAnswered(): Promise<string> {
  const q = slashCommand(h.fake, 'ask', { question: QUESTION }, { id: snowflake() });
  const edit = await waitForCall(h.fake, 'answer', isEdit(q.token));
  return edit.body.embeds[0].description as string;
}

describe('/reindex that fails', () => {
  it('with another build holding the lock: says so, keeps the old index', async () => {
    // A live pid (this process) in the lock: to the reindex job, another build is running.
    writeFileSync(lockPath(indexDir), `${process.pid}\n`);
    try {
      const shown = await reindexUntil(/rebuild failed; the old index is still in use/);
      // The reason, but never the server's folders.
      expect(shown).toMatch(/another build is running/);
      expect(shown).not.toContain(dir);
    } finally {
      rmSync(lockPath(indexDir), { force: true });
    }
    expect(await askAnswered()).toContain('王新亭');
  });

  it('with no readable report left: says so, keeps the old index; fixed, it swaps in', async () => {
    writeFileSync(path.join(reports, 'page.txt'), '');
    expect(await reindexUntil(/rebuild failed; the old index is still in use/)).toMatch(/no readable reports found/);
    expect(await askAnswered()).toContain('王新亭');
    copyFileSync(SHIPPED_PAGE, path.join(reports, 'page.txt'));
    await reindexUntil(/swapped in/);
    expect(await askAnswered()).toContain('王新亭');
  });
});
