/** An English question naming a place in pinyin finds the report whose headline names it. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/index/build.ts';
import { BuiltinEmbedder } from '../../src/index/embedders/builtin.ts';
import { ReportsEngine } from '../../src/retrieval/engine.ts';

let tmp: string;
let engine: ReportsEngine;

// Two acceptance reports of the same shape (made up for this test): only the place tells them apart.
const reports = [
  {
    id: 'reservoir-a',
    title: '宿鸭湖水库除险加固工程顺利通过竣工验收',
    date: '2018-01-22',
    text: '1月20日，宿鸭湖水库除险加固工程竣工验收会议在市水利局召开。省水利厅副厅长杨大勇主持会议。竣工验收委员会同意工程通过竣工验收。',
  },
  {
    id: 'reservoir-b',
    title: '东湖水库扩容增效工程顺利通过竣工验收',
    date: '2022-01-20',
    text: '2022年1月19日，市城乡水务局主持召开东湖水库扩容增效工程竣工验收会议，相关单位代表和特邀专家参加会议。工程概算总投资44958万元。',
  },
];

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'baoxun-places-'));
  writeFileSync(path.join(tmp, 'reports.jsonl'), reports.map((r) => JSON.stringify(r)).join('\n') + '\n');
  const outDir = path.join(tmp, 'index');
  await buildIndex({ inputs: [path.join(tmp, 'reports.jsonl')], outDir, embedder: new BuiltinEmbedder() });
  engine = await ReportsEngine.open(outDir, { modelsDir: path.join(tmp, 'models') });
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('English questions naming a place', () => {
  it('answer from the report of the place named in pinyin', async () => {
    const a = await engine.ask('Who chaired the Suyahu reservoir completion acceptance meeting?');
    expect(a.citations[0]?.articleId).toBe('reservoir-a');
    const b = await engine.ask('What was the budgeted investment of the Donghu reservoir project?');
    expect(b.citations[0]?.articleId).toBe('reservoir-b');
  });
});
