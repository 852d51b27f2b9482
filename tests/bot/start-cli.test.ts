/** `npm start` without a token: one line saying so, then the local chat answers questions piped in. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.ts';
import { buildIndex } from '../../src/index/build.ts';
import { BuiltinEmbedder } from '../../src/index/embedders/builtin.ts';

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'baoxun-start-'));
  await buildIndex({ inputs: [path.join(PROJECT_ROOT, 'data', 'reports')], outDir: path.join(dir, 'index'), embedder: new BuiltinEmbedder() });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(stdin: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'src/cli/start.ts'], {
      cwd: PROJECT_ROOT,
      // An empty DISCORD_TOKEN wins over any developer .env (loadEnvFile never overrides).
      env: { ...process.env, DISCORD_TOKEN: '', BAOXUN_INDEX_DIR: path.join(dir, 'index'), BAOXUN_MODELS_DIR: path.join(dir, 'models'), BAOXUN_EMBEDDER: 'builtin' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

describe('npm start without a token', () => {
  it('says so in one line and answers questions piped into it, exiting at EOF', async () => {
    const r = await run('谁主持了冬春季疫情防控工作动员会？\n\nWho chaired the epidemic prevention meeting?\n');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/No DISCORD_TOKEN/);
    expect(r.stdout.match(/王新亭/g)!.length).toBeGreaterThanOrEqual(2);
    expect(r.stdout).toMatch(/\[1\] .+ · 2021-01-12/);
    expect(r.stdout).not.toContain('\x1b['); // no terminal styling into a pipe
  });
});
