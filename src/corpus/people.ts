/**
 * People named with their titles (`高新区党工委书记王新亭主持会议并讲话`) and what they did at the meeting.
 * A title ends in an office word (书记, 主任, 局长 …); the name after it is a known surname plus one or two
 * characters; the clause after the name says the role (主持 → chaired, 讲话/强调/要求 → spoke …).
 */
import type { Person, PersonRole } from './types.ts';
import { COMPOUND_SURNAMES, SURNAMES } from './surnames.ts';

const OFFICE_WORDS = [
  '副书记', '书记', '副主任', '主任', '委员', '常委', '副主席', '主席', '副市长', '市长', '副区长', '区长', '副县长', '县长',
  '副局长', '局长', '副部长', '部长', '副组长', '组长', '副院长', '院长', '检察长', '副厅长', '厅长', '副处长', '处长',
  '副科长', '科长', '副镇长', '镇长', '副乡长', '乡长', '秘书长', '副总经理', '总经理', '经理', '副董事长', '董事长',
  '调研员', '巡视员', '政委', '所长', '站长', '会长', '理事长', '负责人', '队长', '校长', '行长', '总监', '主管', '专员',
  '指导员', '馆长', '社长', '总编辑', '主编', '院士', '教授', '村长', '支书', '网格员', '主任委员', '督查员',
  // Traditional forms of the offices that differ.
  '副書記', '書記', '委員', '副主席', '副市長', '市長', '副區長', '區長', '副縣長', '縣長', '副局長', '局長', '副部長', '部長',
  '副組長', '組長', '副院長', '院長', '檢察長', '廳長', '處長', '科長', '鎮長', '鄉長', '秘書長', '總經理', '經理', '董事長',
  '調研員', '巡視員', '會長', '理事長', '負責人', '隊長', '校長', '行長', '總監', '主管', '專員', '村長',
].sort((a, b) => b.length - a.length);

/** Surname characters that far more often start an ordinary word right after a title (`书记安排部署`, `主任在会上`). */
const NOT_NAME_START = new Set('和及在等的对为是也要一会与同以就于向到从被把将都又还并时所有由但全应成来能国区党市县省主出参讲强提指表传安部带率作代分先说认听调检督赴各'.split(''));

/** Words that begin right after a name: a two-character name is followed by one of these. */
const AFTER_NAME = [
  '主持', '出席', '参加', '参会', '讲话', '强调', '要求', '提出', '指出', '表示', '传达', '安排', '部署', '同志', '代表', '介绍',
  '宣读', '通报', '带领', '陪同', '一行', '认为', '致辞', '发言', '总结', '听取', '调研', '检查', '督导', '分别', '先后', '作了',
  '出席', '參加', '參會', '講話', '強調', '要求', '提出', '指出', '表示', '傳達', '安排', '部署', '介紹', '帶領', '陪同', '致辭', '發言', '總結', '聽取', '對', '與', '為', '說', '率', '到',
  '对', '在', '等', '和', '及', '与', '就', '向', '为', '说', '率', '到', '赴', '也', '还', '并', '是', '、',
  // 作交流发言, 作辅导报告; 带队检查.
  '作', '带队', '帶隊',
];

const ROLE_PATTERNS: Array<[PersonRole, RegExp]> = [
  ['chaired', /主持/],
  ['spoke', /[讲講][话話]|[强強][调調]|要求|提出|指出|表示|致[辞辭]|[发發]言|[讲講][评評]|部署|[总總][结結]|[通][报報]|作了?[^，。]{0,12}[报報]告/],
  ['attended', /出席|[参參]加|[参參][会會]|列席|到[会會]|陪同|[带帶][队隊]/],
  ['relayed', /[传傳][达達]/],
];

const CLAUSE_END = /[，,。；;！？!?\n]/;
const SENTENCE_END = /[。；;！？!?\n]/;

interface Mention {
  name: string;
  title: string;
  start: number;
  end: number;
}

/** People are named near the top; a bound keeps a huge one-article file from costing seconds. */
export const PEOPLE_SCAN_CHARS = 50_000;

export function extractPeople(fullText: string): Person[] {
  const text = fullText.length > PEOPLE_SCAN_CHARS ? fullText.slice(0, PEOPLE_SCAN_CHARS) : fullText;
  const titled = findTitled(text);
  const known = new Set(titled.map((m) => m.name));
  const mentions = [...titled];
  const covered = new Set(titled.map((m) => m.start));
  for (const name of known) {
    for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + name.length)) {
      if (!covered.has(i)) mentions.push({ name, title: '', start: i, end: i + name.length });
    }
  }
  mentions.sort((a, b) => a.start - b.start);

  const people = new Map<string, Person>();
  let pending: Person[] = [];
  let lastEnd = 0;
  for (const m of mentions) {
    // A list "A，B，C出席会议" shares the roles of its last clause, but only within one sentence.
    if (SENTENCE_END.test(text.slice(lastEnd, m.start))) pending = [];
    lastEnd = m.end;
    let person = people.get(m.name);
    if (!person) {
      person = { name: m.name, title: m.title, roles: [] };
      people.set(m.name, person);
    } else if (!person.title && m.title) person.title = m.title;
    const tail = clauseAfter(text, m.end);
    const roles = ROLE_PATTERNS.filter(([, re]) => re.test(tail)).map(([r]) => r);
    if (roles.length === 0) {
      if (tail === '') pending.push(person);
      continue;
    }
    for (const p of [...pending, person]) for (const r of roles) if (!p.roles.includes(r)) p.roles.push(r);
    pending = [];
  }
  return [...people.values()];
}

function clauseAfter(text: string, from: number): string {
  let i = from;
  while (i < text.length && i - from < 40 && !CLAUSE_END.test(text[i]) && text[i] !== '、') i++;
  return text.slice(from, i);
}

function findTitled(text: string): Mention[] {
  const out: Mention[] = [];
  for (const word of OFFICE_WORDS) {
    for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
      const at = i + word.length;
      const name = nameAt(text, at);
      if (!name) continue;
      // The longest office word ending here wins ("副书记" over "书记").
      if (out.some((m) => m.start === at)) continue;
      const title = titleBefore(text, at);
      if (title) out.push({ name, title, start: at, end: at + name.length });
    }
  }
  return out;
}

function isHan(ch: string | undefined): boolean {
  return ch !== undefined && /\p{Script=Han}/u.test(ch);
}

function startsAfterWord(text: string, i: number): boolean {
  return i >= text.length || !isHan(text[i]) || AFTER_NAME.some((w) => text.startsWith(w, i));
}

/** The name starting at `i`: surname + one or two characters, decided by what follows it. */
function nameAt(text: string, i: number): string | undefined {
  const compound = COMPOUND_SURNAMES.find((s) => text.startsWith(s, i));
  const surnameLen = compound ? compound.length : SURNAMES.has(text[i]) && !NOT_NAME_START.has(text[i]) ? 1 : 0;
  if (surnameLen === 0) return undefined;
  const short = i + surnameLen + 1;
  if (!isHan(text[short - 1])) return undefined;
  const twoChar = text.slice(i, short);
  const threeChar = text.slice(i, short + 1);
  if (!isHan(text[short])) return twoChar;
  // A two-character name appears elsewhere followed by something else; a three-character one always by its last char.
  if (startsAfterWord(text, short) && !(count(text, threeChar) >= 2 && count(text, twoChar) === count(text, threeChar))) return twoChar;
  if (startsAfterWord(text, short + 1)) return threeChar;
  return count(text, threeChar) >= 2 ? threeChar : twoChar;
}

function count(text: string, s: string): number {
  let n = 0;
  for (let i = text.indexOf(s); i >= 0; i = text.indexOf(s, i + s.length)) n++;
  return n;
}

/** The printed title before a name: back to the previous clause break, keeping `A、B` title chains. */
function titleBefore(text: string, nameStart: number): string {
  let i = nameStart;
  while (i > 0 && nameStart - i < 40 && !/[，,。；;：:！？!?\n（(“”]/.test(text[i - 1])) i--;
  const parts = text.slice(i, nameStart).split('、');
  const kept: string[] = [parts.pop() ?? ''];
  while (parts.length > 0 && OFFICE_WORDS.some((w) => parts[parts.length - 1].endsWith(w))) kept.unshift(parts.pop() ?? '');
  return kept
    .join('、')
    .replace(/^(?:会上|会议由|由|经|请|邀请|在|及|和|与|以及|并|同时)/, '')
    .trim();
}
