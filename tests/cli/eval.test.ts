import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { planHoldoutFolder } from '../../src/eval/holdout.ts';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../..');

describe('npm run eval', () => {
  it('builds a temporary index of the reports and scores seed-dev', async () => {
    const { stdout } = await run(
      'npx',
      ['tsx', 'src/cli/eval.ts', '--corpus', 'data/reports', '--qa', 'tests/fixtures/qa/seed-dev.jsonl', '--json', '--label', 'seed'],
      {
        cwd: root,
        env: { ...process.env, LOG_LEVEL: 'warn', BAOXUN_MODELS_DIR: path.join(root, 'tests/fixtures/no-models') },
      },
    );
    const table = JSON.parse(stdout.trim()) as Record<string, { n: number; answerOrFirst: number; abstention: number }>;
    expect(table.seed.n).toBe(17);
    expect(table.seed.answerOrFirst).toBe(1);
    expect(table.seed.abstention).toBe(1);
    expect(table['seed · negative'].n).toBe(3);
  });
  it('holds out whole report files of a folder: the questions naming them count as ones to refuse', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'baoxun-eval-holdout-'));
    try {
      const reports = path.join(dir, 'reports');
      cpSync(path.join(root, 'tests/fixtures/corpus/dev-layouts'), reports, { recursive: true });
      const files = ['communique-2021-10-15.md', 'page-110-10-06-traditional.txt', 'page-2021-09-10-headlines-above.txt'];
      const items = files.flatMap((article, i) => [
        { id: `q${i}a`, q: '谁主持了会议？', answers: ['王新亭'], article },
        { id: `q${i}b`, q: '会议由谁主持？', answers: ['王新亭'], article },
        { id: `q${i}n`, q: '区长是谁？', answers: [], article },
      ]);
      const qa = path.join(dir, 'qa.jsonl');
      writeFileSync(qa, items.map((q) => JSON.stringify(q)).join('\n') + '\n');
      const plan = planHoldoutFolder(
        reports,
        files.map((f) => path.join(reports, f)),
        items,
        3,
      );
      const held = plan.items.filter((q) => q.kind === 'holdout');
      expect(held).toHaveLength(2);
      const { stdout } = await run(
        'npx',
        ['tsx', 'src/cli/eval.ts', '--corpus', reports, '--qa', qa, '--holdout', '3', '--json', '--label', 'h'],
        {
          cwd: root,
          env: { ...process.env, LOG_LEVEL: 'warn', BAOXUN_MODELS_DIR: path.join(root, 'tests/fixtures/no-models') },
        },
      );
      const table = JSON.parse(stdout.trim()) as Record<string, { n: number }>;
      expect(table.h.n).toBe(9);
      expect(table['h · holdout'].n).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('exits 2 with usage when the QA file is missing', async () => {
    await expect(run('npx', ['tsx', 'src/cli/eval.ts', '--corpus', 'data/reports'], { cwd: root })).rejects.toMatchObject({ code: 2 });
  });
});
