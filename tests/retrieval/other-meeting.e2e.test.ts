/** A meeting the answering passage names is not "another meeting", whatever the article's lead reports. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportsEngine } from '../../src/retrieval/engine.ts';
import { engineOverDocs } from '../support/docs-engine.ts';

let engine: ReportsEngine;
let cleanup: () => void;

beforeAll(async () => {
  // An encyclopedia-like article: its lead reports one meeting, a later paragraph another.
  const paragraphs = [
    '4月18日，青松县第十届人民代表大会第一次会议在县会堂召开，王明当选为县长。',
    '王明早年在青松县农机厂工作，后调任县农业局局长，主持修建了青松河灌区。',
    '在县委十届三次全会上，王明提出了修建环城公路的计划，会议决定由县交通局负责实施。',
  ];
  const docs = [{ id: 'wangming', title: '王明', text: paragraphs.join('\n\n') }];
  ({ engine, cleanup } = await engineOverDocs(docs, { explain: true }));
});
afterAll(() => cleanup());

describe('the meeting a question names', () => {
  it('is met by the answering passage that names it, though the lead reports another', async () => {
    const a = await engine.ask('在县委十届三次全会上王明提出了什么计划？');
    expect((a.explain?.evidence as { otherMeeting?: string } | undefined)?.otherMeeting).toBeUndefined();
    expect(a.abstained).toBe(false);
    expect(a.answer).toContain('环城公路');
  });
});
