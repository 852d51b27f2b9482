/**
 * Reports added while nothing ran are answered on the next start: `ask` and the local chat update
 * the index before their first answer (incrementally: the old page's vectors are reused).
 */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexFreshness, isCurrent } from '../../src/index/freshness.ts';
import { cli, QINGLONG, reportsWithIndex, TIANHE } from './support.ts';

let dir: string;
let reports: string;
let index: string;
let env: Record<string, string>;
beforeAll(async () => {
  ({ dir, reports, index } = await reportsWithIndex('at-start'));
  env = {
    BAOXUN_INDEX_DIR: index,
    BAOXUN_REPORTS_DIR: reports,
    BAOXUN_MODELS_DIR: path.join(dir, 'models'),
    BAOXUN_EMBEDDER: 'builtin',
    BAOXUN_QUESTION_LOG: path.join(dir, 'q.jsonl'),
    LOG_LEVEL: 'info',
  };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a report added while stopped', () => {
  it('is answered by ask, which updates the index first', async () => {
    expect(isCurrent(await indexFreshness(index, reports))).toBe(true);
    writeFileSync(path.join(reports, QINGLONG.file), QINGLONG.line);
    const f = await indexFreshness(index, reports);
    expect(f.changes.added).toEqual([path.join(reports, QINGLONG.file)]);
    const r = await cli('ask.ts', ['--json', QINGLONG.question], env);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/1 new, 0 changed, 0 removed report file\(s\)/);
    expect(r.stderr).toMatch(/reused/);
    const a = JSON.parse(r.stdout.trim()) as { outcome: string; answer: string; citations: Array<{ articleId: string }> };
    expect(a.citations[0]?.articleId).toBe('qinglong-flood-1');
    expect(a.answer).toContain(QINGLONG.shows);
    expect(isCurrent(await indexFreshness(index, reports))).toBe(true);
  });

  it('is answered by the local chat (npm start without a token)', async () => {
    writeFileSync(path.join(reports, TIANHE.file), TIANHE.line);
    const r = await cli('start.ts', [], env, `${TIANHE.question}\n`);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(TIANHE.shows);
    // The chat's question was logged (without its text: BAOXUN_LOG_QUESTIONS is off).
    const stats = await cli('stats.ts', ['--json', '--since', 'all'], env);
    expect(JSON.parse(stats.stdout)).toMatchObject({ questions: 1, answered: 1, textLogged: false });
  });
});
