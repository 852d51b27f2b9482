/** "Which meeting reviewed X?": the reply names the answering report's meeting, in the question's script. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportsEngine } from '../../src/retrieval/engine.ts';
import { engineOverDocs } from '../support/docs-engine.ts';
import { WHICH_MEETING_ROWS, asksWhichMeeting, meetingLabel } from '../../src/retrieval/question/which-meeting.ts';

let engine: ReportsEngine;
let cleanup: () => void;

beforeAll(async () => {
  const docs = [
    {
      id: 'eleventh',
      title: '区人大常委会举行第十一次会议',
      date: '2024-03-23',
      text: '3月23日，区人大常委会举行第十一次会议。会议由区人大常委会主任张明主持。会议听取了区政府的工作汇报。会议审议通过了《区人大常委会关于提高审议质量的若干规定》，会议最后通过了有关人事任免事项。',
    },
    { id: 'other', title: '青松镇开展防汛检查', date: '2024-06-01', text: '6月1日，青松镇镇长王明带队检查防汛工作，要求各村排查隐患。' },
  ];
  ({ engine, cleanup } = await engineOverDocs(docs));
});
afterAll(() => cleanup());

describe('which meeting', () => {
  it('reads every row example as asking which meeting, and not a room or an ordinary question', () => {
    for (const row of WHICH_MEETING_ROWS) expect(asksWhichMeeting(row.example.toLowerCase()), row.example).toBe(true);
    expect(asksWhichMeeting('会议在哪个会议室召开')).toBe(false);
    expect(asksWhichMeeting('会议审议通过了什么规定')).toBe(false);
  });

  it('labels a meeting by the headline that holds its name, else by the name', () => {
    expect(meetingLabel({ headline: '区人大常委会举行第十一次会议', meeting: '第十一次会议' })).toBe('区人大常委会举行第十一次会议');
    expect(meetingLabel({ headline: '俞正声主持召开主席会议', meeting: '全国政协第三十八次主席会议' })).toBe('全国政协第三十八次主席会议');
    expect(meetingLabel({ headline: '青松镇开展防汛检查' })).toBe('青松镇开展防汛检查');
  });

  it('names the meeting before the sentence that answers, in the script of the question', async () => {
    const a = await engine.ask('哪次会议审议通过了《区人大常委会关于提高审议质量的若干规定》？');
    expect(a.outcome).toBe('answer');
    expect(a.answer.startsWith('区人大常委会举行第十一次会议：')).toBe(true);
    const t = await engine.ask('哪次會議審議通過了《區人大常委會關於提高審議質量的若干規定》？');
    expect(t.answer.startsWith('區人大常委會舉行第十一次會議：')).toBe(true);
    // Asked otherwise, the reply is as before.
    const plain = await engine.ask('区人大常委会第十一次会议审议通过了什么规定？');
    expect(plain.answer).not.toMatch(/^区人大常委会举行第十一次会议：/);
  });
});
