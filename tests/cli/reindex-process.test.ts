/**
 * The bot's reindex job: `npm run index` in a child process, progress streamed back, the engine
 * swapped to the new index on success and left on the old one on failure. Real engine, real CLI.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReports } from '../../src/cli/open-reports.ts';
import { adminReason } from '../../src/bot/admin-reasons.ts';
import { indexProcessCommand, parseOutcome, ReindexFailedError } from '../../src/cli/reindex-process.ts';
import { parseConfig, PROJECT_ROOT } from '../../src/config.ts';
import { lockPath } from '../../src/index/build-lock.ts';
import type { ReportsEngine } from '../../src/retrieval/engine.ts';
import type { Reindex } from '../../src/bot/context.ts';

const SHIPPED_PAGE = path.join(PROJECT_ROOT, 'data', 'reports', '000_6fe4e08eb425cb22.txt');
const OLD_QUESTION = '谁主持了冬春季疫情防控工作动员会？';
const NEW_QUESTION = '青龙镇防汛抗旱工作会议要求各村做什么？';
const NEW_REPORT = {
  id: 'qinglong-flood-1',
  title: '青龙镇召开防汛抗旱工作会议',
  date: '2021-06-01',
  text: '6月1日，青龙镇召开防汛抗旱工作会议。镇党委书记李明远主持会议并讲话。会议要求各村做好汛期值守，排查河道隐患，确保群众安全度汛。',
};

/** Whether the engine's answer to the new report's question cites the new report (only the new index has it). */
async function citesNewReport(engine: ReportsEngine): Promise<boolean> {
  const a = await engine.ask(NEW_QUESTION);
  return a.citations.some((c) => c.articleId === NEW_REPORT.id);
}

describe('the index child process, pieces', () => {
  it('runs this Node with tsx resolved by path on the index CLI, configured like the caller, without Discord secrets', () => {
    const config = parseConfig({
      BAOXUN_INDEX_DIR: '/srv/i',
      BAOXUN_REPORTS_DIR: '/srv/r',
      BAOXUN_MODELS_DIR: '/srv/m',
      BAOXUN_EMBEDDER: 'builtin',
      LOG_LEVEL: 'warn',
    });
    const { command, args, env } = indexProcessCommand(config, {
      PATH: '/bin',
      DISCORD_TOKEN: 'secret-token-value',
      BAOXUN_MODELS_DIR: '/elsewhere',
    });
    expect(command).toBe(process.execPath);
    expect(args[0]).toBe('--import');
    expect(args[1]).toMatch(/^file:.*\/node_modules\/tsx\/dist\/loader\.mjs$/);
    expect(args[2]).toBe(fileURLToPath(new URL('../../src/cli/index.ts', import.meta.url)));
    expect(args.slice(3)).toEqual(['--input', '/srv/r', '--out', '/srv/i', '--embedder', 'builtin', '--json', '--progress', 'jsonl']);
    expect(env).toMatchObject({ PATH: '/bin', BAOXUN_MODELS_DIR: '/srv/m', LOG_LEVEL: 'warn' });
    expect(JSON.stringify(env)).not.toContain('secret-token-value');
  });

  it('reads the summary or the failure from the last stdout line', () => {
    expect(
      parseOutcome('{"ok":true,"articleCount":3,"articles":[],"chunks":16,"files":1,"reused":2,"ms":1300,"embedderNote":"Embedder: x"}\n'),
    ).toEqual({
      ok: true,
      summary: { articles: 3, chunks: 16, files: 1, reused: 2, ms: 1300, embedderNote: 'Embedder: x' },
    });
    expect(parseOutcome('{"ok":false,"error":"No articles found in /srv/r","code":"NO_ARTICLES"}\n')).toEqual({
      ok: false,
      error: 'No articles found in /srv/r',
      code: 'NO_ARTICLES',
    });
    expect(parseOutcome('')).toBeUndefined();
    expect(parseOutcome('Indexed 3 article(s)\n')).toBeUndefined();
  });

  it("reads the failure's code; admins get a path-free reason by code, never by wording", () => {
    expect(parseOutcome('{"ok":false,"error":"reworded entirely","code":"LOCKED"}\n')).toEqual({
      ok: false,
      error: 'reworded entirely',
      code: 'LOCKED',
    });
    expect(parseOutcome('{"ok":false,"error":"x","code":"NOT_A_CODE"}\n')).toEqual({ ok: false, error: 'x' });
    const busy = adminReason(new ReindexFailedError('Something new about /srv/i.lock', 'LOCKED'));
    expect(busy).toMatch(/another build is running/);
    expect(adminReason(new ReindexFailedError('Another index build (pid 12) is running', 'FAILED'))).toBeUndefined();
    expect(adminReason(new ReindexFailedError('/srv/r', 'NO_ARTICLES'))).toMatch(/no readable reports/);
    expect(adminReason(new ReindexFailedError('', 'KILLED', 'SIGKILL'))).toMatch(/killed \(SIGKILL\)/);
    expect(adminReason(Object.assign(new Error('EACCES: permission denied, open /srv/i/x'), { code: 'EACCES' }))).toBeUndefined();
    expect(busy).not.toContain('/srv');
  });
});

describe('the reindex job from openReports', () => {
  let dir: string;
  let reports: string;
  let indexDir: string;
  let engine: ReportsEngine;
  let reindex: Reindex;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'baoxun-reindex-process-'));
    reports = path.join(dir, 'reports');
    indexDir = path.join(dir, 'index');
    mkdirSync(reports);
    copyFileSync(SHIPPED_PAGE, path.join(reports, 'page.txt'));
    const env = {
      BAOXUN_INDEX_DIR: indexDir,
      BAOXUN_REPORTS_DIR: reports,
      BAOXUN_MODELS_DIR: path.join(dir, 'no-models'),
      BAOXUN_EMBEDDER: 'builtin',
      LOG_LEVEL: 'warn' as const,
    };
    ({ engine, reindex } = await openReports(parseConfig(env)));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('rebuilds in a child with progress, answers from the old index meanwhile, then from the new one', async () => {
    expect(await citesNewReport(engine)).toBe(false);
    writeFileSync(path.join(reports, 'qinglong.jsonl'), JSON.stringify(NEW_REPORT) + '\n');

    const events: string[] = [];
    const progress: string[] = [];
    let during: Promise<void> | undefined;
    const job = reindex((message) => {
      progress.push(message);
      // A question asked while the child builds is answered (from the old index) before the job ends.
      during ??= citesNewReport(engine).then((cites) => {
        events.push(`asked: ${cites ? 'new' : 'old'} index`);
      });
    }).then(() => events.push('reindex done'));
    await job;
    await during;

    expect(events).toEqual(['asked: old index', 'reindex done']);
    expect(progress[0]).toMatch(/^read \d+$|^read$/);
    expect(progress).toContain('write 1/1');
    expect(progress.some((m) => /^embed \d+\/\d+$/.test(m))).toBe(true);
    expect(await citesNewReport(engine)).toBe(true);
  });

  it('with the build killed midway (as by the OOM killer): rejects, keeps answering from the current index', async () => {
    // New articles give the child work to do after its first progress line: with nothing changed it
    // could finish, and release its lock, before this process read that line.
    const extra = path.join(reports, 'extra.jsonl');
    const rows = Array.from({ length: 400 }, (_, i) =>
      JSON.stringify({ ...NEW_REPORT, id: `extra-${i}`, title: `第${i}号通报`, text: `${NEW_REPORT.text}（第${i}次通报）` }),
    );
    writeFileSync(extra, rows.join('\n') + '\n');
    let killed: number | undefined;
    const err = await reindex(() => {
      if (killed !== undefined || !existsSync(lockPath(indexDir))) return;
      // The build lock holds the builder's pid: the child's, not ours.
      killed = Number.parseInt(readFileSync(lockPath(indexDir), 'utf8'), 10);
      expect(killed).not.toBe(process.pid);
      process.kill(killed, 'SIGKILL');
    })
      .then(
        () => undefined,
        (e: unknown) => e,
      )
      .finally(() => rmSync(extra, { force: true }));
    expect(killed).toBeGreaterThan(0);
    expect(err).toBeInstanceOf(ReindexFailedError);
    expect((err as Error).message).toMatch(/killed \(SIGKILL\); the previous index is unchanged/);
    expect((err as ReindexFailedError).code).toBe('KILLED');
    expect(adminReason(err)).toMatch(/killed \(SIGKILL\)/);
    expect(await citesNewReport(engine)).toBe(true);
  });

  it('with another build holding the lock: rejects with a clear message, keeps answering from the current index', async () => {
    writeFileSync(lockPath(indexDir), `${process.pid}\n`);
    try {
      const err = await reindex(() => undefined).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(ReindexFailedError);
      expect((err as ReindexFailedError).message).toMatch(/^Another index build \(pid \d+\) is running/);
      expect((err as ReindexFailedError).code).toBe('LOCKED');
    } finally {
      rmSync(lockPath(indexDir), { force: true });
    }
    expect(await citesNewReport(engine)).toBe(true);
  });

  it('with the reports folder emptied: rejects, keeps answering from the current index', async () => {
    rmSync(path.join(reports, 'page.txt'));
    rmSync(path.join(reports, 'qinglong.jsonl'));
    const err = await reindex(() => undefined).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ReindexFailedError);
    expect((err as Error).message).toMatch(/^No articles found/);
    expect((err as Error).message).not.toMatch(/\n/);
    expect((err as ReindexFailedError).code).toBe('NO_ARTICLES');
    expect(await citesNewReport(engine)).toBe(true);
    expect((await engine.ask(OLD_QUESTION)).answer).toContain('王新亭');
  });
});
