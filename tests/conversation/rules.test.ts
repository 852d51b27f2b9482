/** Every resolve rule's own example, and the resolver's guarantees: no context → as asked; own subject kept. */
import { describe, expect, it } from 'vitest';
import type { ConversationFacts } from '../../src/retrieval/conversation/facts.ts';
import { resolveFollowUp } from '../../src/retrieval/conversation/resolve.ts';
import { RESOLVE_RULES } from '../../src/retrieval/conversation/rules.ts';

const facts = (f: Partial<ConversationFacts>): ConversationFacts => ({ people: [], articleId: 'a1', ...f });

describe('resolve rules', () => {
  for (const rule of RESOLVE_RULES) {
    it(`${rule.id}: ${rule.example.question} → ${rule.example.understood}`, () => {
      const r = resolveFollowUp(rule.example.question, facts(rule.example.facts));
      expect(r.understoodAs).toBe(rule.example.understood);
      expect(r.rules).toContain(rule.id);
    });
  }
  it('every rule id is unique', () => {
    expect(new Set(RESOLVE_RULES.map((r) => r.id)).size).toBe(RESOLVE_RULES.length);
  });
});

describe('resolveFollowUp', () => {
  const known = facts({
    person: '张红军',
    people: ['张红军'],
    named: ['张红军', '王新亭'],
    meeting: '2021年度信访工作会议',
    date: '2021-01-12',
  });

  it('answers a follow-up with no conversation as it stands, borrowing nothing', () => {
    for (const q of ['他要求什么？', '还有谁参加了？', '那天还开了哪些会？', 'What else did he say?']) {
      expect(resolveFollowUp(q, undefined)).toEqual({ question: q, rules: [] });
    }
  });
  it('keeps a subject the question names itself', () => {
    expect(resolveFollowUp('王新亭要求什么？', known).understoodAs).toBeUndefined();
    // 他 after a named person refers to that person, not the conversation's.
    expect(resolveFollowUp('王新亭说他要与什么赛跑？', known).understoodAs).toBeUndefined();
    // A day the question names is its own, not the conversation's.
    expect(resolveFollowUp('1月13日还开了哪些会？', known).understoodAs).toBeUndefined();
  });
  it("asks within the conversation's article when the follow-up is about its people or meeting, not its day", () => {
    expect(resolveFollowUp('他要求什么？', known).scope).toEqual({ articleId: 'a1' });
    expect(resolveFollowUp('那天还开了哪些会？', known).scope).toBeUndefined();
  });
  it('shows the meeting but asks without it when the meeting is a place (会上…)', () => {
    const r = resolveFollowUp('会上通报了什么？', known);
    expect(r.understoodAs).toBe('在2021年度信访工作会议上通报了什么？');
    expect(r.question).toBe('通报了什么？');
  });
  it('keeps the script of a traditional question around the replacement', () => {
    expect(resolveFollowUp('他要求什麼？', known).understoodAs).toBe('张红军要求什麼？');
  });
  it('writes a whole rewrite of a traditional question in traditional', () => {
    expect(resolveFollowUp('還有誰參加了？', known).understoodAs).toBe('哪些人出席了2021年度信訪工作會議?');
  });
  it('leaves words that only contain a pronoun character alone (其他, 他人)', () => {
    expect(resolveFollowUp('其他人有什么要求？', known).understoodAs).toBeUndefined();
  });
  it('skips a rule whose referent the conversation lacks', () => {
    expect(resolveFollowUp('他要求什么？', facts({ meeting: '某会议' })).understoodAs).toBeUndefined();
  });
});
