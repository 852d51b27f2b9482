import { describe, expect, it } from 'vitest';
import { chunkFilter } from '../../src/retrieval/hybrid.ts';
import { namesMeeting } from '../../src/retrieval/question/meeting-name.ts';
import { chineseQueryUnits, matchedWeight, withSayingConcept } from '../../src/retrieval/query-units.ts';
import { buildTermStats } from '../../src/retrieval/term-stats.ts';
import { textUnits } from '../../src/text/units.ts';

describe('meeting names', () => {
  it('match shortened names that keep their characters in order', () => {
    expect(namesMeeting('冬春季新冠肺炎疫情防控工作动员会', '疫情防控动员会')).toBe(true);
    expect(namesMeeting('安全生产以案促改暨2021年度安委会第一次全体（扩大）会议', '安委会')).toBe(true);
    expect(namesMeeting('安全生产委员会全体会议', '安委会')).toBe(true);
  });
  it('reject names whose characters are missing or out of order', () => {
    expect(namesMeeting('冬春季新冠肺炎疫情防控工作动员会', '经济工作会议')).toBe(false);
    expect(namesMeeting('信访工作会议', '会工作')).toBe(false);
    expect(namesMeeting('信访工作会议', '信会')).toBe(false);
  });
});

describe('meeting filters', () => {
  const chunk = (text: string, meeting?: string) => ({
    id: 'x',
    articleId: 'a',
    text,
    headline: '',
    start: 0,
    end: text.length,
    ...(meeting ? { meeting } : {}),
  });
  const chunks = [chunk('青龙镇召开防汛抗旱工作会议。', '防汛抗旱工作会议'), chunk('会议在第六小组第一次会议上决定。')];
  it('keep the chunks whose meeting, headline or text names the meeting', () => {
    const f = chunkFilter({ meeting: '防汛会议' }, chunks as never, { dated: false, withMeetings: true })!;
    expect([0, 1].filter(f)).toEqual([0]);
  });
  it('match a traditional headline against the simplified question', () => {
    const minutes = [{ ...chunk('一、請各局處加強宣導。'), headline: '某某市政府第88次市務會議紀錄' }, chunk('市政府召开常务会议。')];
    const f = chunkFilter({ meeting: '市务会议' }, minutes as never, { dated: false, withMeetings: true })!;
    expect([0, 1].filter(f)).toEqual([0]);
  });
  it('are not applied to reports without meeting metadata', () => {
    expect(chunkFilter({ meeting: '防汛会议' }, chunks as never, { dated: false, withMeetings: false })).toBeUndefined();
  });
});

describe('questions about what someone said', () => {
  const stats = buildTermStats([textUnits('王新亭指出，要持续推进国土绿化。'), textUnits('王新亭带头参加植树活动。')]);
  it('gain a concept matched by the verbs reports quote with', () => {
    const q = chineseQueryUnits('王新亭在植树活动中说了什么', stats);
    const ranked = withSayingConcept(q, '王新亭在植树活动中说了什么', stats);
    expect(ranked.concepts.length).toBe(q.concepts.length + 1);
    const quote = textUnits('王新亭指出，要持续推进国土绿化。');
    expect(matchedWeight(ranked, quote) - matchedWeight(q, quote)).toBeGreaterThan(0);
  });
  it('leave other questions as asked', () => {
    const q = chineseQueryUnits('王新亭参加了什么活动', stats);
    expect(withSayingConcept(q, '王新亭参加了什么活动', stats)).toBe(q);
  });
});
