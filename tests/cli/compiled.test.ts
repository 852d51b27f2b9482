/**
 * The compiled entry points (scripts/compile.mjs → dist/): `npm start` and `npm run ask` run
 * JavaScript compiled from the current sources, and it behaves as the sources do.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileNeeded, DIST, ensureCompiled } from '../../scripts/compile.mjs';
import { parseConfig, PROJECT_ROOT } from '../../src/config.ts';

const run = promisify(execFile);

beforeAll(async () => {
  await ensureCompiled();
}, 120_000);

describe('compiled entry points', () => {
  it('compiles every source file beside its own, and is up to date afterwards', () => {
    expect(compileNeeded()).toBe(false);
    for (const f of [
      'src/cli/start.js',
      'src/cli/ask.js',
      'src/index/segment-worker.js',
      'src/index/search-thread-worker.js',
      'bench/worker.js',
    ])
      expect(existsSync(path.join(DIST, f))).toBe(true);
  });

  it('npm run ask runs through the launcher: usage on --help, exit 2 on a bad option', async () => {
    const launcher = path.join(PROJECT_ROOT, 'scripts', 'run-compiled.mjs');
    const help = await run(process.execPath, [launcher, 'src/cli/ask.js', '--help'], { cwd: PROJECT_ROOT });
    expect(help.stdout).toMatch(/^Usage: npm run ask/);
    const bad = await run(process.execPath, [launcher, 'src/cli/ask.js', '--no-such-option'], { cwd: PROJECT_ROOT }).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect((bad as { code: number }).code).toBe(2);
  });

  it('finds the project root and runs the compiled index CLI without tsx', async () => {
    const compiledConfig = (await import(pathToFileURL(path.join(DIST, 'src', 'config.js')).href)) as { PROJECT_ROOT: string };
    expect(compiledConfig.PROJECT_ROOT).toBe(PROJECT_ROOT);
    const { indexProcessCommand } = (await import(pathToFileURL(path.join(DIST, 'src', 'cli', 'reindex-process.js')).href)) as {
      indexProcessCommand: (c: unknown, env: NodeJS.ProcessEnv) => { args: string[] };
    };
    const { args } = indexProcessCommand(parseConfig({ BAOXUN_EMBEDDER: 'builtin' }), {});
    expect(args[0]).toBe(path.join(DIST, 'src', 'cli', 'index.js'));
    expect(args).not.toContain('--import');
  });
});
