/**
 * People named with their titles (`高新区党工委书记王新亭主持会议并讲话`) and what they did at the meeting.
 * A title ends in an office word (书记, 主任, 局长 …); the name after it is a known surname plus one or two
 * characters; the clause after the name says the role (主持 → chaired, 讲话/汇报/宣读 → spoke, 陪同 → attended …).
 * Untitled names count too where the layout leaves no doubt: on a roster (`出席会议：王新亭、张红军`), and
 * right before a role verb at the start of a clause (`张红军主持会议`, `会议由张红军主持`).
 */
import type { Person, PersonRole } from './types.ts';
import { COMMAS, SEMICOLONS, SENTENCE_BREAK, STOPS, classOf } from '../text/punctuation.ts';
import { isHanChar as isHan } from '../text/han.ts';
import { COMPOUND_SURNAMES, SURNAME_LED_WORDS, SURNAMES, UNIT_ENDINGS } from './surnames.ts';
import { rolePattern, roleWords } from '../text/vocabulary/roles.ts';
import { OFFICE_WORDS, OFFICE_WORD_AFTER } from '../text/vocabulary/offices.ts';

/** Surname characters that far more often start an ordinary word right after a title (`书记安排部署`, `主任在会上`). */
const NOT_NAME_START = new Set(
  '和及在等的对为是也要一会与同以就于向到从被把将都又还并时所有由但全应成来能国区党市县省主出参讲强提指表传安部带率作代分先说认听调检督赴各'.split(
    '',
  ),
);

/** Words that begin right after a name: a two-character name is followed by one of these. */
const AFTER_NAME = [
  '主持',
  '出席',
  '列席',
  '参加',
  '参会',
  '讲话',
  '强调',
  '要求',
  '提出',
  '指出',
  '表示',
  '传达',
  '安排',
  '部署',
  '同志',
  '代表',
  '介绍',
  '宣读',
  '通报',
  '带领',
  '陪同',
  '一行',
  '认为',
  '致辞',
  '发言',
  '总结',
  '听取',
  '调研',
  '检查',
  '督导',
  '分别',
  '先后',
  '作了',
  '出席',
  '參加',
  '參會',
  '講話',
  '強調',
  '要求',
  '提出',
  '指出',
  '表示',
  '傳達',
  '安排',
  '部署',
  '介紹',
  '帶領',
  '陪同',
  '致辭',
  '發言',
  '總結',
  '聽取',
  '對',
  '與',
  '為',
  '說',
  '率',
  '到',
  '对',
  '在',
  '等',
  '和',
  '及',
  '以及',
  '与',
  '就',
  '向',
  '为',
  '说',
  '率',
  '到',
  '赴',
  '也',
  '还',
  '并',
  '是',
  '、',
  // 作交流发言, 作辅导报告; 带队检查.
  '作',
  '带队',
  '帶隊',
  '汇报',
  '匯報',
  '报告',
  '報告',
  '宣讀',
  '指示',
  '均',
  '亦',
  // How reports go on after a leader's name (县委书记张建华应邀出席, 市长王明亮率队调研).
  '应邀',
  '應邀',
  '莅临',
  '蒞臨',
  '率队',
  '率隊',
  '率领',
  '率領',
  '一同',
  '一起',
  '前往',
  '深入',
  '走访',
  '走訪',
  '看望',
  '慰问',
  '慰問',
  '会见',
  '會見',
  '接见',
  '接見',
  '亲自',
  '親自',
  '专程',
  '專程',
  '随后',
  '隨後',
  '最后',
  '最後',
  '希望',
  '宣布',
  '宣佈',
  // 市长卢明进行施政报告, 委任张明担任发言人.
  '进行',
  '進行',
  '担任',
  '擔任',
  '根据',
  '根據',
  // 议员林崑山临时提案, 主任杨德强将会随行.
  '临时',
  '臨時',
  '将',
  '將',
];

/**
 * Verbs that say what an untitled name did. The strong ones (主持, 出席 …) rarely follow a common word, so one
 * mention is enough; the weak ones (强调, 要求 …) often do (`严格要求`), so the name must appear again.
 */
const STRONG_VERBS = roleWords('bare-name');
const WEAK_VERBS = roleWords('bare-name-twice');
const ADVERBS = '也又还還都亦均再先';

/** A printed office word that is also a verb after a name (王新亭代表党工委): a title only after these. */
const DELEGATE_TITLE =
  /(?:人大|党|黨|职工|職工|群众|群眾|居民|村民|学生|學生|企业|企業|家长|家長|教师|教師|会员|會員|党员|黨員|青年|妇女|婦女|工会|工會)代表$/;

/** A roster line: `出席会议：A、B、C。`, `列席：…`, `参加会议的有A、B`. */
const ROSTER = /(?:出席|列席|参加|參加)(?:会议|會議|人员|人員|领导|領導)?(?:[：:]|的(?:领导|領導)?有(?![关關])[：:]?)/g;
/** A minutes header's chair field (form-fields.ts lays it out as a line): `主持人：县长张明`, `主席：市長 黃敏惠`. */
const CHAIR_FIELD = /(?:^|\n)(?:主持人?|主席|会议主持|會議主持)[：:]/g;

/** The roles a clause after a name can give, in the order a person's roles are listed. */
const ROLE_PATTERNS: Array<[PersonRole, RegExp]> = (['chaired', 'spoke', 'attended', 'observed', 'relayed'] as const).map((role) => [
  role,
  rolePattern('clause', role),
]);

const CLAUSE_END = classOf(COMMAS, STOPS, SEMICOLONS, '\\n');
const SENTENCE_END = SENTENCE_BREAK;

interface Mention {
  name: string;
  title: string;
  start: number;
  end: number;
  /** The title is printed inside the name (surname + title + given name: 洪议长允典). */
  inner?: true;
}

/** People are named near the top; a bound keeps a huge one-article file from costing seconds. */
export const PEOPLE_SCAN_CHARS = 50_000;

export function extractPeople(fullText: string): Person[] {
  const text = fullText.length > PEOPLE_SCAN_CHARS ? fullText.slice(0, PEOPLE_SCAN_CHARS) : fullText;
  const rosters = findRosters(text);
  const titled = findTitled(text);
  const found = [...titled, ...findListed(text, titled), ...rosters.flatMap((r) => r.names), ...findUntitledBeforeVerb(text)];
  const mentions: Mention[] = [];
  const covered = new Set<number>();
  for (const m of found) {
    // A name read first (a titled one) keeps its characters: 秘书长|孙怀山 is not also 长孙怀山.
    if (covered.has(m.start) || mentions.some((k) => m.start < k.end && k.start < m.end)) continue;
    covered.add(m.start);
    mentions.push(m);
  }
  const known = new Set(mentions.map((m) => m.name));
  for (const name of known) {
    for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + name.length)) {
      if (!covered.has(i)) mentions.push({ name, title: '', start: i, end: i + name.length });
    }
  }
  mentions.sort((a, b) => a.start - b.start);

  const people = new Map<string, Person>();
  let pending: Person[] = [];
  let lastEnd = 0;
  const settle = (to: number) => {
    if (pending.length === 0) return;
    for (const p of pending) for (const r of rolesLaterInSentence(text, lastEnd, to)) if (!p.roles.includes(r)) p.roles.push(r);
  };
  for (const m of mentions) {
    // A list "A，B，C出席会议" shares the roles of its last clause, but only within one sentence; the clause
    // may name no one (`副区长张婕，区法院院长祖鹏，部分区人大代表列席会议`).
    settle(m.start);
    if (SENTENCE_END.test(text.slice(lastEnd, m.start))) pending = [];
    lastEnd = m.end;
    const roster = rosters.find((r) => m.start >= r.start && m.start < r.end);
    // A title printed on a roster starts after its label (出席会议的有市委书记王明).
    if (roster && !m.inner && m.title.length > m.start - roster.start) m.title = m.title.slice(m.title.length - (m.start - roster.start));
    let person = people.get(m.name);
    if (!person) {
      person = { name: m.name, title: m.title, roles: [] };
      people.set(m.name, person);
    } else if (!person.title && m.title) person.title = m.title;
    // A roster says what everyone on it did; its names share nothing with the clauses around it.
    if (roster) {
      if (!person.roles.includes(roster.role)) person.roles.push(roster.role);
      pending = [];
      continue;
    }
    const tail = clauseAfter(text, m.end);
    const roles = ROLE_PATTERNS.filter(([, re]) => re.test(tail)).map(([r]) => r);
    if (roles.length === 0) {
      if (tail === '') pending.push(person);
      continue;
    }
    for (const p of [...pending, person]) for (const r of roles) if (!p.roles.includes(r)) p.roles.push(r);
    pending = [];
  }
  settle(text.length);
  return [...people.values()];
}

/** The roles of the first clause with a role verb after `from`, up to the sentence's end (at most `to`). */
function rolesLaterInSentence(text: string, from: number, to: number): PersonRole[] {
  let end = from;
  while (end < to && !SENTENCE_END.test(text[end])) end++;
  for (const clause of text.slice(from, end).split(CLAUSE_END)) {
    const roles = ROLE_PATTERNS.filter(([, re]) => re.test(clause)).map(([r]) => r);
    if (roles.length > 0) return roles;
  }
  return [];
}

/**
 * Names listed after a titled one with 、 (`副主任王建斌、王振华、李屹出席会议`): the title is printed once
 * for the whole list. An item that is not a bare name (`区长李四`, a unit) ends the list; the last item
 * may run into its verb (`刘颖出席会议`).
 */
function findListed(text: string, titled: readonly Mention[]): Mention[] {
  const out: Mention[] = [];
  for (const m of titled) {
    let at = m.end;
    while (text[at] === '、') {
      let end = at + 1;
      while (end < text.length && end - at <= 5 && isHan(text[end])) end++;
      const item = text.slice(at + 1, end);
      if (isBareName(item)) {
        out.push({ name: item, title: m.title, start: at + 1, end });
        at = end;
        continue;
      }
      const name = [4, 3, 2]
        .map((len) => item.slice(0, len))
        .find((n) => n.length < item.length && isBareName(n) && startsAfterWord(text, at + 1 + n.length));
      if (name) out.push({ name, title: m.title, start: at + 1, end: at + 1 + name.length });
      break;
    }
  }
  return out;
}

interface Roster {
  start: number;
  end: number;
  names: Mention[];
  /** What everyone it lists did. */
  role: PersonRole;
}

/**
 * Names listed after `出席会议：` (or a chair field's label) up to the end of the sentence; items that
 * are not bare names are skipped.
 */
function findRosters(text: string): Roster[] {
  const out: Roster[] = [];
  const labels = [
    ...[...text.matchAll(ROSTER)].map((match) => ({ match, role: /^列席/.test(match[0]) ? ('observed' as const) : ('attended' as const) })),
    ...[...text.matchAll(CHAIR_FIELD)].map((match) => ({ match, role: 'chaired' as const })),
  ];
  for (const { match, role } of labels) {
    const start = (match.index ?? 0) + match[0].length;
    let end = start;
    while (end < text.length && !SENTENCE_END.test(text[end])) end++;
    const names: Mention[] = [];
    const itemRe = /[^、，,\s\u3000]+/g;
    for (const item of text.slice(start, end).matchAll(itemRe)) {
      const name = item[0].replace(/(?:等)?(?:同志)?等?$/, '');
      const at = start + (item.index ?? 0);
      if (isBareName(name)) names.push({ name, title: '', start: at, end: at + name.length });
    }
    out.push({ start, end, names, role });
  }
  return out;
}

/** `张红军主持会议`, `会议由张红军主持`: a bare name that starts a clause and runs straight into a role verb. */
function findUntitledBeforeVerb(text: string): Mention[] {
  const out: Mention[] = [];
  for (const [verbs, once] of [
    [STRONG_VERBS, true],
    [WEAK_VERBS, false],
  ] as const) {
    for (const verb of verbs) {
      for (let v = text.indexOf(verb); v >= 0; v = text.indexOf(verb, v + 1)) {
        // 刘鼎也参加: the name ends before an adverb that stands between it and the verb.
        const end = ADVERBS.includes(text[v - 1]) ? v - 1 : v;
        for (const len of [4, 3, 2]) {
          const start = end - len;
          if (start < 0) continue;
          const name = text.slice(start, end);
          if (!isBareName(name) || !startsClause(text, start)) continue;
          if (once || count(text, name) >= 2) out.push({ name, title: '', start, end });
          break;
        }
      }
    }
  }
  return out;
}

/** Where a name can begin: after punctuation, a title, or a joining word (由, 和, 及 …). */
function startsClause(text: string, i: number): boolean {
  if (i === 0 || !isHan(text[i - 1])) return true;
  if ('由和及与與并並请請'.includes(text[i - 1])) return true;
  return OFFICE_WORDS.some((w) => text.endsWith(w, i));
}

/** A whole string that is a surname and one or two more Han characters, and not a common word. */
function isBareName(s: string): boolean {
  if (!/^\p{Script=Han}+$/u.test(s)) return false;
  const compound = COMPOUND_SURNAMES.find((c) => s.startsWith(c));
  const surnameLen = compound ? compound.length : SURNAMES.has(s[0]) && !NOT_NAME_START.has(s[0]) ? 1 : 0;
  if (surnameLen === 0) return false;
  const given = s.length - surnameLen;
  if (given < 1 || given > 2) return false;
  return !SURNAME_LED_WORDS.has(s) && !UNIT_ENDINGS.has(s[s.length - 1]);
}

function clauseAfter(text: string, from: number): string {
  let i = from;
  while (i < text.length && i - from < 40 && !CLAUSE_END.test(text[i]) && text[i] !== '、') i++;
  return text.slice(from, i);
}

function findTitled(text: string): Mention[] {
  const out: Mention[] = [];
  for (const word of OFFICE_WORDS) {
    const after = OFFICE_WORD_AFTER.get(word);
    for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
      if (after && !after.test(text.slice(Math.max(0, i - 2), i))) continue;
      // A longer office word goes on here (副秘书|长孙…: 秘书长 then 孙怀山), so no name starts after this one.
      if (OFFICE_WORDS.some((w) => w.length > word.length && w.startsWith(word) && text.startsWith(w, i))) continue;
      const at = i + word.length;
      const surnameFirst = surnameTitleGiven(text, i, at);
      if (surnameFirst) {
        out.push(surnameFirst);
        continue;
      }
      const name = nameAt(text, at);
      // 市长施政报告: a common word after the title, not a name.
      if (!name || SURNAME_LED_WORDS.has(name)) continue;
      // The longest office word ending here wins ("副书记" over "书记"), and a surname-first name read there.
      if (out.some((m) => m.start <= at && at < m.end)) continue;
      const title = titleBefore(text, at);
      if (word === '代表' && !DELEGATE_TITLE.test(title)) continue;
      if (title) out.push({ name, title, start: at, end: at + name.length });
    }
  }
  return out;
}

/**
 * Minutes and Taiwan reports write a person as surname + title + given name (`主席：洪议长允典`,
 * `列席：许县长乃权、李副县长文良`): a surname standing alone right before the title, at a clause's start,
 * and a one- or two-character given name after it that ends where a name ends.
 */
function surnameTitleGiven(text: string, titleStart: number, at: number): Mention | undefined {
  const s = titleStart - 1;
  if (s < 0 || !SURNAMES.has(text[s]) || NOT_NAME_START.has(text[s])) return undefined;
  if (s > 0 && !/[，,。；;：:、\s（(]/u.test(text[s - 1])) return undefined;
  for (const len of [2, 1]) {
    const given = text.slice(at, at + len);
    if (given.length !== len || ![...given].every(isHan)) continue;
    if (!startsAfterWord(text, at + len) || AFTER_NAME.some((w) => text.startsWith(w, at))) continue;
    const name = text[s] + given;
    if (SURNAME_LED_WORDS.has(name) || UNIT_ENDINGS.has(name[name.length - 1])) continue;
    return { name, title: text.slice(titleStart, at), start: s, end: at + len, inner: true };
  }
  return undefined;
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
  while (i > 0 && nameStart - i < 40 && !/[，,。；;：:！？!?\n（(）)／/“”]/.test(text[i - 1])) i--;
  const parts = text.slice(i, nameStart).split('、');
  const kept: string[] = [parts.pop() ?? ''];
  while (parts.length > 0 && OFFICE_WORDS.some((w) => parts[parts.length - 1].endsWith(w))) kept.unshift(parts.pop() ?? '');
  return kept
    .join('、')
    .replace(TITLE_LEAD, '')
    .replace(
      /^(?:(?:会上|會上|会中|會中|会议|會議)?(?:由|经|經|请|請|邀请|邀請)|会上|會上|会中|會中|在|及|和|与|與|以及|并|並|而|另外|同时|同時)/,
      '',
    )
    .trim();
}

/**
 * What a sentence prints before a title that is not part of it: a news agency's dateline
 * (`新华社北京12月22日电 全国政协主席俞正声`), a subject and 由 (`10月4日由市长卢明`, `市府由副市长黄明`),
 * a verb taking the person as object (`会议确定全国政协外事委员会副主任王明为…`, `委任行政会委员张明担任…`,
 * `会议还听取了区政府办公室主任谢明作的…`).
 */
const TITLE_LEAD = new RegExp(
  [
    '^.*?[\\d〇零一二三四五六七八九十]+日(?:电|電|讯|訊)\\s*',
    '^.*?[^自经經理缘緣]由(?=.)',
    '^(?:会议|會議)?(?:还|還|并|並|又)?(?:确定|確定|决定|決定|同意|听取了?|聽取了?|任命|委任|选举|選舉|推选|推選|聘请|聘請)',
    '^(?:任命|委任)',
  ]
    .map((p) => `(?:${p})`)
    .join('|'),
  'u',
);
