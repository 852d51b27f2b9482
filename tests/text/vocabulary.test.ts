import { describe, expect, it } from 'vitest';
import { extractPeople } from '../../src/corpus/people.ts';
import { analyseQuestion } from '../../src/retrieval/question/intent.ts';
import { traditionalByChar } from '../../src/text/chinese-script.ts';
import { OFFICE_ROWS, OFFICE_WORDS, SIMPLIFIED_OFFICE_WORDS } from '../../src/text/vocabulary/offices.ts';
import { ROLE_WORDS, rolePattern, roleWords, type PersonRole, type RoleWord } from '../../src/text/vocabulary/roles.ts';

/** The roles people extraction gives 王明 in a text, in either script. */
function rolesOf(text: string): PersonRole[] | undefined {
  return extractPeople(text).find((p) => p.name === '王明')?.roles;
}

/** Runs a row's example through one reader: true when the reader finds the row's role there. */
function readsRole(row: RoleWord, reader: RoleWord['readers'][number]): boolean {
  switch (reader) {
    case 'clause':
      return (
        (rolesOf(`市委书记王明${row.example}`) ?? []).includes(row.role) &&
        (rolesOf(traditionalByChar(`市委书记王明${row.example}`)) ?? []).includes(row.role)
      );
    case 'bare-name':
      return rolesOf(`会议由王明${row.example}。`) !== undefined && rolesOf(traditionalByChar(`会议由王明${row.example}。`)) !== undefined;
    case 'bare-name-twice':
      return rolesOf(`王明${row.example}。会后王明离开。`) !== undefined && rolesOf(`王明${row.example}。`) === undefined;
    case 'question':
      return analyseQuestion(row.example.toLowerCase()).role === row.role;
    default:
      return rolePattern(reader, row.role).test(row.example);
  }
}

describe('the roles vocabulary', () => {
  for (const row of ROLE_WORDS) {
    for (const reader of row.readers) {
      it(`${row.word} (${row.role}) is read by ${reader} in: ${row.example}`, () => {
        expect(readsRole(row, reader)).toBe(true);
      });
    }
  }

  it('lists bare-name verbs with their traditional forms, in table order', () => {
    expect(roleWords('bare-name').slice(0, 4)).toEqual(['主持', '出席', '参加', '參加']);
    expect(roleWords('bare-name')).toContain('匯報');
  });

  it('matches traditional report text but only simplified words for simplified readers', () => {
    expect(rolePattern('clause', 'spoke').test('講話')).toBe(true);
    expect(rolePattern('support', 'spoke').test('講話')).toBe(false);
    // 工作报告 is the work report listened to, not the person's own.
    expect(rolePattern('clause', 'spoke').test('听取工作报告')).toBe(false);
  });
});

describe('the offices vocabulary', () => {
  for (const row of OFFICE_ROWS) {
    it(`${row.word}: a title ending in it is read in ${row.example}, in either script`, () => {
      for (const [text, word] of [
        [row.example, row.word],
        [traditionalByChar(row.example), traditionalByChar(row.word)],
      ]) {
        const person = extractPeople(text).find((p) => p.title.endsWith(word));
        expect(person, text).toBeDefined();
      }
    });
  }

  for (const row of OFFICE_ROWS.filter((r) => r.notExample)) {
    it(`${row.word}: after a character that makes it a common word's tail, no one is read (${row.notExample})`, () => {
      for (const text of [row.notExample!, traditionalByChar(row.notExample!)])
        expect(extractPeople(text).filter((p) => p.title.endsWith(row.word) || p.title.endsWith(traditionalByChar(row.word))), text).toEqual([]);
    });
  }

  it('derives the traditional forms and orders every list longest first', () => {
    expect(OFFICE_WORDS).toContain('書記');
    expect(OFFICE_WORDS).toContain('幹事');
    expect(SIMPLIFIED_OFFICE_WORDS).not.toContain('書記');
    for (const list of [OFFICE_WORDS, SIMPLIFIED_OFFICE_WORDS])
      for (let i = 1; i < list.length; i++) expect(list[i - 1].length).toBeGreaterThanOrEqual(list[i].length);
  });
});
