import { execFile } from 'node:child_process';
import path from 'node:path';
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
  it('exits 2 with usage when the QA file is missing', async () => {
    await expect(run('npx', ['tsx', 'src/cli/eval.ts', '--corpus', 'data/reports'], { cwd: root })).rejects.toMatchObject({ code: 2 });
  });
});
