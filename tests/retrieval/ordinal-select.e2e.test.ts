/** The question's session picks the report: a better-matching report of another session gives way. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportsEngine } from '../../src/retrieval/engine.ts';
import { engineOverDocs } from '../support/docs-engine.ts';

let engine: ReportsEngine;
let cleanup: () => void;

beforeAll(async () => {
  const docs = [
    {
      id: 'fifth',
      title: '市十七届人大五次会议主席团召开第四次会议',
      date: '2021-01-21',
      text: '1月21日，市十七届人大五次会议主席团召开第四次会议。会议由大会主席团常务主席叶成超主持。大会主席团常务主席章旭升、陈美蓉出席会议。',
    },
    {
      id: 'fourth',
      title: '市十七届人大四次会议召开主席团常务主席会议',
      date: '2015-01-21',
      text: '1月21日上午，市十七届人大四次会议主席团常务主席会议在市行政办公中心召开。主席团常务主席、市委书记刘圣珍主持会议。会议听取了大会秘书处的汇报。',
    },
    { id: 'other', title: '青松镇开展防汛检查', date: '2021-06-01', text: '6月1日，青松镇镇长王明带队检查防汛工作，要求各村排查隐患。' },
  ];
  ({ engine, cleanup } = await engineOverDocs(docs));
});
afterAll(() => cleanup());

describe('ordinals in selection', () => {
  it('answers from the report of the asked session, not the closer match of another', async () => {
    const a = await engine.ask('市十七届人大四次会议主席团常务主席会议由谁主持？');
    expect(a.abstained).toBe(false);
    expect(a.answer).toContain('刘圣珍');
    expect(a.citations[0]?.articleId).toBe('fourth');
  });
  it('still refuses a session no report prints', async () => {
    const a = await engine.ask('市十七届人大六次会议主席团常务主席会议由谁主持？');
    expect(a.abstained).toBe(true);
  });
});
