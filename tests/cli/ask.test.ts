import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/index/build.ts';
import { BuiltinEmbedder } from '../../src/index/embedders/builtin.ts';
import { CHUNKS_FILE, segmentFile } from '../../src/index/segment.ts';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../..');
let tmp: string;
let indexDir: string;

async function ask(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run('npx', ['tsx', 'src/cli/ask.ts', ...args], {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: 'warn', BAOXUN_MODELS_DIR: path.join(tmp, 'models') },
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'baoxun-ask-'));
  indexDir = path.join(tmp, 'index');
  await buildIndex({ inputs: [path.join(root, 'data/reports')], outDir: indexDir, embedder: new BuiltinEmbedder() });
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('npm run ask', () => {
  it('--json prints exactly one object of the documented shape', async () => {
    const r = await ask(['--index', indexDir, '--json', '信访工作应当摆在什么位置？']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const o = JSON.parse(lines[0]);
    expect(Object.keys(o).sort()).toEqual(['abstained', 'answer', 'citations', 'outcome', 'question', 'related', 'timings_ms']);
    expect(['answer', 'closest', 'none']).toContain(o.outcome);
    expect(o.abstained).toBe(false);
    expect(Object.keys(o.citations[0]).sort()).toEqual(['articleId', 'date', 'excerpt', 'headline', 'meeting', 'n', 'score']);
    expect(o.citations[0].excerpt).toContain('第一优先');
  });
  it('prints a readable answer with numbered citations', async () => {
    const r = await ask(['--index', indexDir, '谁主持了冬春季疫情防控工作动员会？']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('王新亭');
    expect(r.stdout).toMatch(/\[1\] .+ · 2021-01-12/);
  });
  it('--batch answers each line with its id and reports a bad line without stopping', async () => {
    const file = path.join(tmp, 'batch.jsonl');
    writeFileSync(
      file,
      [
        '{"id":"a","q":"监管到位抓落实的关键是什么？"}',
        'not json',
        '{"id":"c","q":"   "}',
        '{"id":"d","q":"高新区今年的财政收入是多少？"}',
      ].join('\n'),
    );
    const r = await ask(['--index', indexDir, '--batch', file]);
    expect(r.code).toBe(0);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual(['a', 'line-2', 'c', 'd']);
    expect(out[0].citations[0].excerpt).toContain('形成合力');
    expect(out[1].error).toBeTruthy();
    expect(out[2].error).toMatch(/empty/);
    expect(out[3].abstained).toBe(true);
  });
  it('--batch lines sharing a "conversation" are one conversation in file order; others stand alone', async () => {
    const file = path.join(tmp, 'dialogue.jsonl');
    writeFileSync(
      file,
      [
        '{"id":"1","conversation":"x","q":"信访工作会议是谁主持的？"}',
        '{"id":"2","conversation":"y","q":"谁主持了冬春季疫情防控工作动员会？"}',
        '{"id":"3","conversation":"x","q":"他要求什么？"}',
        '{"id":"4","q":"他要求什么？"}',
      ].join('\n'),
    );
    const r = await ask(['--index', indexDir, '--batch', file]);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out[0].answer).toContain('张红军');
    // Conversation x's 他 is x's chair (张红军), not the chair of y's question asked in between.
    expect(out[2].understoodAs).toBe('张红军要求什么？');
    expect(out[2].question).toBe('他要求什么？');
    expect(out[2].answer).toContain('迅速传达贯彻');
    // No conversation: answered as it stands, nothing borrowed.
    expect(out[3].understoodAs).toBeUndefined();
    expect(out[3].answer).not.toContain('迅速传达贯彻');
  });
  it('exits 2 with a message on an empty question, without a stack trace', async () => {
    const r = await ask(['--index', indexDir, '   ']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/empty/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
  it('exits 2 on control characters and on an over-long question', async () => {
    const ctrl = await ask(['--index', indexDir, 'abc\u0001\u0002']);
    expect(ctrl.code).toBe(2);
    expect(ctrl.stderr).toMatch(/control characters/);
    const long = await ask(['--index', indexDir, '字'.repeat(501)]);
    expect(long.code).toBe(2);
    expect(long.stderr).toMatch(/too long/);
  });
  it('exits 1 with the IndexError message on a missing index', async () => {
    const r = await ask(['--index', path.join(tmp, 'nowhere'), '谁主持了会议？']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/npm run index/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
  it('--json failures print one object with a stable code: INDEX_MISSING, INDEX_DAMAGED', async () => {
    const missing = await ask(['--index', path.join(tmp, 'nowhere'), '--json', '谁主持了会议？']);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout.trim())).toMatchObject({ ok: false, code: 'INDEX_MISSING' });
    const broken = path.join(tmp, 'broken');
    await buildIndex({ inputs: [path.join(root, 'data/reports')], outDir: broken, embedder: new BuiltinEmbedder() });
    const { segments } = JSON.parse(readFileSync(path.join(broken, 'manifest.json'), 'utf8')) as { segments: Array<{ id: string }> };
    writeFileSync(path.join(broken, segmentFile(segments[0].id, CHUNKS_FILE)), '[]');
    const damaged = await ask(['--index', broken, '--json', '谁主持了会议？']);
    expect(damaged.code).toBe(1);
    const lines = damaged.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({ ok: false, code: 'INDEX_DAMAGED', error: expect.stringMatching(/npm run index/) });
  });
});
