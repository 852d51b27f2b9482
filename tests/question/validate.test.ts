import { describe, expect, it } from 'vitest';
import { checkQuestion, MESSAGES } from '../../src/retrieval/question/validate.ts';
import { QuestionError } from '../../src/retrieval/types.ts';

function refusal(raw: string): string {
  try {
    checkQuestion(raw);
  } catch (e) {
    expect(e).toBeInstanceOf(QuestionError);
    return (e as Error).message;
  }
  throw new Error(`accepted: ${JSON.stringify(raw)}`);
}

describe('checkQuestion', () => {
  it('refuses empty and whitespace-only questions', () => {
    expect(refusal('')).toBe(MESSAGES.empty);
    expect(refusal(' \t\n\u3000 ')).toBe(MESSAGES.empty);
  });

  it('refuses questions longer than 500 characters, in both languages', () => {
    const message = refusal('问'.repeat(10_000));
    expect(message).toBe(MESSAGES.tooLong);
    expect(message).toMatch(/太长/);
    expect(message).toMatch(/too long/);
    expect(checkQuestion('问'.repeat(500))).toHaveLength(500);
  });

  it('counts an emoji as one character', () => {
    expect(() => checkQuestion('会'.repeat(250) + '😀'.repeat(250))).not.toThrow();
  });

  it('refuses questions with nothing searchable (emoji, punctuation, symbols)', () => {
    expect(refusal('😀🎉👍🏽')).toBe(MESSAGES.meaningless);
    expect(refusal('？？！！…… ---')).toBe(MESSAGES.meaningless);
    expect(refusal('👨‍👩‍👧 ★☆♥')).toBe(MESSAGES.meaningless);
  });

  it('strips zero-width and bidi controls without refusing', () => {
    expect(checkQuestion('谁\u200b主\u200d持\u2060了\ufeff会议\u202e？\u2066')).toBe('谁主持了会议？');
    expect(refusal('\u200b\u200c\u202a\u202e')).toBe(MESSAGES.empty);
  });

  it('turns control characters into spaces', () => {
    expect(checkQuestion('who\u0000chaired\nthe\tmeeting\u0007')).toBe('who chaired the meeting');
  });

  it('removes lone and reversed surrogates but keeps valid pairs', () => {
    expect(checkQuestion('会议\ud800在哪里\udc00')).toBe('会议在哪里');
    expect(checkQuestion('\udc00\ud800谁😀')).toBe('谁😀');
    expect(refusal('\ud800\ud800')).toBe(MESSAGES.empty);
  });

  it('removes Discord mentions, role and channel links, @everyone and @here', () => {
    expect(checkQuestion('<@123456789012345678> 谁主持了会议？')).toBe('谁主持了会议？');
    expect(checkQuestion('<@!123456789012345678> <@&987654321> <#555> 高新区在哪里')).toBe('高新区在哪里');
    expect(checkQuestion('@everyone 什么时候开会 @here')).toBe('什么时候开会');
    expect(checkQuestion('<:pepe:123456> 多少人')).toBe('多少人');
    expect(refusal('<@123456789012345678>')).toBe(MESSAGES.empty);
    expect(refusal('@everyone @here')).toBe(MESSAGES.empty);
  });

  it('accepts mixed scripts and collapses spaces', () => {
    expect(checkQuestion('  What did   习近平 say in 2021？ ')).toBe('What did 习近平 say in 2021？');
    expect(checkQuestion('2021')).toBe('2021');
  });
});
