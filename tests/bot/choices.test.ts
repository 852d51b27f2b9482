import { describe, expect, it } from 'vitest';
import { matchChoices } from '../../src/bot/commands/choices.ts';
import { answersInThread, conversationOf, questionOf } from '../../src/bot/messages.ts';

describe('matchChoices', () => {
  it('puts prefix matches before substring matches and caps at 25', () => {
    const dates = [
      '2021-01-12',
      '2020-12-01',
      '2021-02-01',
      ...Array.from({ length: 40 }, (_, i) => `2019-01-${String(i).padStart(2, '0')}`),
    ];
    expect(matchChoices(dates, '2021', (d) => d).map((c) => c.value)).toEqual(['2021-01-12', '2021-02-01']);
    expect(matchChoices(dates, '12', (d) => d).map((c) => c.value)).toEqual(['2021-01-12', '2020-12-01', '2019-01-12']);
    expect(matchChoices(dates, '', (d) => d).length).toBe(25);
  });

  it('matches Chinese substrings and keeps names within 100 characters', () => {
    const meetings = [{ name: '安委会第一次全体（扩大）会议' }, { name: '冬春季疫情防控工作动员会' }, { name: '长'.repeat(150) }];
    expect(matchChoices(meetings, '疫情', (m) => m.name).map((c) => c.value)).toEqual(['冬春季疫情防控工作动员会']);
    const long = matchChoices(meetings, '长', (m) => m.name)[0]!;
    expect(long.name.length).toBeLessThanOrEqual(100);
    expect(long.value.length).toBeLessThanOrEqual(100);
  });
});

describe('questionOf', () => {
  const cfg = { askChannelIds: ['200000000000000001'], allowDMs: false };
  const base = { content: '<@123> 谁主持了会议？', authorIsBot: false, inGuild: true, channelId: '9', mentionsBot: true };
  it('takes the question from a mention', () => {
    expect(questionOf(base, '123', cfg)).toBe('谁主持了会议？');
  });
  it('takes every message in an ask channel', () => {
    expect(questionOf({ ...base, content: '问题', mentionsBot: false, channelId: '200000000000000001' }, '123', cfg)).toBe('问题');
  });
  it('ignores bots, other channels, and DMs unless allowed', () => {
    expect(questionOf({ ...base, authorIsBot: true }, '123', cfg)).toBeUndefined();
    expect(questionOf({ ...base, mentionsBot: false }, '123', cfg)).toBeUndefined();
    expect(questionOf({ ...base, inGuild: false }, '123', cfg)).toBeUndefined();
    expect(questionOf({ ...base, inGuild: false, content: '问' }, '123', { ...cfg, allowDMs: true })).toBe('问');
  });
  it('takes every message in a thread or forum post under an ask channel, and replies to its answers anywhere', () => {
    const plain = { ...base, content: '问题', mentionsBot: false };
    expect(questionOf({ ...plain, channelId: '7', parentId: '200000000000000001' }, '123', cfg)).toBe('问题');
    expect(questionOf({ ...plain, channelId: '7', parentId: '8' }, '123', cfg)).toBeUndefined();
    expect(questionOf({ ...plain, repliesTo: 'message:5' }, '123', cfg)).toBe('问题');
  });
});

describe('conversationOf', () => {
  const m = { id: '5', inGuild: true, channelId: '9' };
  it('is the thread, else the reply chain, else the DM channel, else a new one', () => {
    expect(conversationOf({ ...m, parentId: '8', repliesTo: 'message:1' })).toBe('thread:9');
    expect(conversationOf({ ...m, repliesTo: 'message:1' })).toBe('message:1');
    expect(conversationOf({ ...m, inGuild: false })).toBe('dm:9');
    expect(conversationOf(m)).toBe('message:5');
  });
});

describe('answersInThread', () => {
  const cfg = { askChannelIds: ['9'], answerInThread: true };
  it('only for a message directly in an ask channel, when enabled', () => {
    expect(answersInThread({ inGuild: true, channelId: '9' }, cfg)).toBe(true);
    expect(answersInThread({ inGuild: true, channelId: '7', parentId: '9' }, cfg)).toBe(false);
    expect(answersInThread({ inGuild: true, channelId: '8' }, cfg)).toBe(false);
    expect(answersInThread({ inGuild: true, channelId: '9' }, { ...cfg, answerInThread: false })).toBe(false);
  });
});
