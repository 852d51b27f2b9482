import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/index/build.ts';
import { lockPath } from '../../src/index/build-lock.ts';
import { loadIndex } from '../../src/index/load.ts';
import { FakeEmbedder } from './fake-embedder.ts';

const TSX = path.resolve('node_modules/.bin/tsx');
const tmp = () => mkdtempSync(path.join(tmpdir(), 'baoxun-cli-'));
const modelsDir = path.join(tmpdir(), 'baoxun-no-models');

function runCli(args: string[]) {
  const env = { ...process.env, LOG_LEVEL: 'info', BAOXUN_MODELS_DIR: modelsDir };
  return spawnSync(TSX, ['src/cli/index.ts', ...args], { encoding: 'utf8', env, timeout: 60_000 });
}

describe('npm run index', () => {
  it('--json prints exactly one JSON summary with the articles', () => {
    const out = path.join(tmp(), 'index');
    const r = runCli(['--input', 'data/reports', '--out', out, '--json', '--embedder', 'builtin']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const s = JSON.parse(lines[0]);
    expect(s).toMatchObject({ ok: true, files: 1, articleCount: 3, reused: 0, embedder: 'builtin-ngram-v1', skipped: [] });
    expect(s.chunks).toBeGreaterThanOrEqual(3);
    expect(s.articles).toHaveLength(3);
    for (const a of s.articles) expect(Object.keys(a).sort()).toEqual(['chunks', 'date', 'headline', 'id', 'meeting', 'reporters']);
    expect(existsSync(path.join(out, 'manifest.json'))).toBe(true);
  });

  it('exits 2 on bad arguments and 1 on a failed build, without a stack trace', () => {
    const bad = runCli(['--frobnicate']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/Usage: npm run index/);

    const dir = tmp();
    const empty = path.join(dir, 'empty.jsonl');
    writeFileSync(empty, '');
    const failed = runCli(['--input', empty, '--out', path.join(dir, 'index'), '--embedder', 'builtin']);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(/No articles found/);
    expect(failed.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('a build killed at the worst moment', () => {
  it('leaves the previous index loadable; the next build cleans up after it', async () => {
    const dir = tmp();
    const input = path.join(dir, 'corpus.jsonl');
    const outDir = path.join(dir, 'index');
    writeFileSync(input, JSON.stringify({ id: 'a', title: '地铁', text: '地铁三号线明年通车。' }) + '\n');
    await buildIndex({ inputs: [input], outDir, embedder: new FakeEmbedder() });
    const before = readFileSync(path.join(outDir, 'manifest.json'), 'utf8');
    writeFileSync(input, JSON.stringify({ id: 'b', title: '学校', text: '新学期学校开学。' }) + '\n');

    // 'write' is announced after the complete new folder is on disk, just before it is published.
    // node --import tsx: one process (the tsx CLI would leave its node child running after SIGKILL).
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/index/build-child.ts', input, outDir, 'write'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => d.toString().includes('at write') && resolve());
      child.on('exit', (code) => reject(new Error(`child exited early (${code})`)));
    });
    expect(readdirSync(dir).some((n) => n.startsWith('index.tmp-'))).toBe(true);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));

    expect(readFileSync(path.join(outDir, 'manifest.json'), 'utf8')).toBe(before);
    const old = await loadIndex(outDir, { modelsDir, embedder: new FakeEmbedder() });
    expect(old.chunks[old.lexicalSearch('地铁', 1)[0].chunk].text).toContain('地铁');
    expect(existsSync(lockPath(outDir))).toBe(true);

    const s = await buildIndex({ inputs: [input], outDir, embedder: new FakeEmbedder() });
    expect(s.articleList.map((a) => a.id)).toEqual(['b']);
    expect(readdirSync(dir).filter((n) => n.startsWith('index.')).length).toBe(1);
    expect(existsSync(lockPath(outDir))).toBe(false);
  });
});
