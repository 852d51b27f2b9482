/** Who-questions are answered from the people of the article that answers, never another meeting's. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/index/build.ts';
import { BuiltinEmbedder } from '../../src/index/embedders/builtin.ts';
import { ReportsEngine } from '../../src/retrieval/engine.ts';

const root = path.resolve(__dirname, '../..');
let tmp: string;
let engine: ReportsEngine;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'baoxun-facts-'));
  // A meeting report that names nobody who chaired it.
  const extra = {
    id: 'qinglong-1',
    title: '青龙镇召开防汛工作会议',
    date: '2021-06-01',
    text: '6月1日，青龙镇召开防汛工作会议。会议研究部署汛期值守工作，要求各村排查河道隐患，确保群众安全度汛。',
  };
  writeFileSync(path.join(tmp, 'extra.jsonl'), JSON.stringify(extra) + '\n');
  const outDir = path.join(tmp, 'index');
  await buildIndex({ inputs: [path.join(root, 'data/reports'), path.join(tmp, 'extra.jsonl')], outDir, embedder: new BuiltinEmbedder() });
  engine = await ReportsEngine.open(outDir, { modelsDir: path.join(tmp, 'models') });
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('structured facts', () => {
  it('do not answer with the chair of another meeting when the asked one names none', async () => {
    const a = await engine.ask('谁主持了青龙镇防汛工作会议？');
    expect(a.answer).not.toMatch(/王新亭|张红军/);
  });
  it('still answer from the article that names the chair', async () => {
    const a = await engine.ask('谁主持了冬春季疫情防控工作动员会？');
    expect(a.answer).toContain('王新亭');
  });
});
