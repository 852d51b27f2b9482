/** A meeting the answering passage names is not "another meeting", whatever the article's lead reports. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/index/build.ts';
import { BuiltinEmbedder } from '../../src/index/embedders/builtin.ts';
import { ReportsEngine } from '../../src/retrieval/engine.ts';

let tmp: string;
let engine: ReportsEngine;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'baoxun-other-meeting-'));
  // An encyclopedia-like article: its lead reports one meeting, a later paragraph another.
  const paragraphs = [
    '4月18日，青松县第十届人民代表大会第一次会议在县会堂召开，王明当选为县长。',
    '王明早年在青松县农机厂工作，后调任县农业局局长，主持修建了青松河灌区。',
    '在县委十届三次全会上，王明提出了修建环城公路的计划，会议决定由县交通局负责实施。',
  ];
  const docs = [{ id: 'wangming', title: '王明', text: paragraphs.join('\n\n') }];
  writeFileSync(path.join(tmp, 'docs.jsonl'), docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
  const outDir = path.join(tmp, 'index');
  await buildIndex({ inputs: [path.join(tmp, 'docs.jsonl')], outDir, embedder: new BuiltinEmbedder() });
  engine = await ReportsEngine.open(outDir, { modelsDir: path.join(tmp, 'models'), explain: true });
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the meeting a question names', () => {
  it('is met by the answering passage that names it, though the lead reports another', async () => {
    const a = await engine.ask('在县委十届三次全会上王明提出了什么计划？');
    expect((a.explain?.evidence as { otherMeeting?: string } | undefined)?.otherMeeting).toBeUndefined();
    expect(a.abstained).toBe(false);
    expect(a.answer).toContain('环城公路');
  });
});
