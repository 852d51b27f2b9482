/** Every CLI answers --help with its usage on stdout and exit 0, and a usage error with exit 2. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.ts';

const run = promisify(execFile);

async function cli(file: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    // An empty token keeps any developer .env out of the way (loadEnvFile never overrides).
    const r = await run(process.execPath, ['--import', 'tsx', file, ...args], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, DISCORD_TOKEN: '', LOG_LEVEL: 'warn' },
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const CLIS: Array<[script: string, file: string]> = [
  ['start', 'src/cli/start.ts'],
  ['index', 'src/cli/index.ts'],
  ['ask', 'src/cli/ask.ts'],
  ['eval', 'src/cli/eval.ts'],
  ['deploy-commands', 'src/cli/deploy-commands.ts'],
  ['model:fetch', 'src/cli/model-fetch.ts'],
  ['-s health', 'src/cli/health.ts'],
  ['stats', 'src/cli/stats.ts'],
  ['lexicon:build', 'scripts/build-lexicon.ts'],
  ['lexicon:synonyms', 'scripts/build-synonyms.ts'],
  ['bench', 'bench/run.ts'],
  ['bench:cold-start', 'bench/cold-start.ts'],
  ['native:tune', 'scripts/native-tune.mjs'],
];

describe('--help and usage errors', () => {
  it.each(CLIS)('npm run %s -- --help: usage on stdout, exit 0; an unknown option: exit 2', async (script, file) => {
    const help = await cli(file, ['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(new RegExp(`^Usage: npm (run )?${script}`));
    const bad = await cli(file, ['--no-such-option']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Usage: npm/);
    expect(bad.stdout).toBe('');
  });
});
