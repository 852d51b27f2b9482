import { describe, expect, it } from 'vitest';
import { askedMeeting, meetingCore } from '../../src/retrieval/question/meeting-name.ts';

describe('the meeting a question names', () => {
  it('runs from after the question words and the date to the kind of meeting', () => {
    expect(askedMeeting('9月13日区委常委会传达学习了什么')).toBe('区委常委会');
    expect(askedMeeting('12月15日的市长碰头会是谁主持的')).toBe('市长碰头会');
    expect(askedMeeting('谁主持了冬春季疫情防控工作动员会')).toBe('冬春季疫情防控工作动员会');
  });
  it('is no meeting when a standing committee is a body (its 主任) or nothing but the kind is named', () => {
    expect(askedMeeting('渠县人大常委会主任是谁')).toBeUndefined();
    expect(askedMeeting('县政府开的是第几次常务会议')).toBeUndefined();
    expect(askedMeeting('会议研究了什么')).toBeUndefined();
    // The question's verb and count are not part of the name: only the kind is left.
    expect(askedMeeting('多少人参加座谈会')).toBeUndefined();
    expect(askedMeeting('哪些领导出席区委常委会')).toBe('区委常委会');
  });
});

describe("a meeting name's core", () => {
  it('keeps the body and the kind, leaving session numbers to the ordinal check', () => {
    expect(meetingCore('辽源市政协八届九次常委会议')).toBe('政协常委会议');
    expect(meetingCore('区委常委会')).toBe('区委常委会');
    expect(meetingCore('县政府2025年第16次常务会议')).toBe('政府常务会议');
    // A place named before the kind leaves the body's level: 区常务会议 is matched in 区政府六届一次常务会议.
    expect(meetingCore('龙岗区常务会议')).toBe('区常务会议');
    expect(meetingCore('珠海市2024年常务会议')).toBe('市常务会议');
  });
});
