/**
 * The roles a report gives the people it names, and the words that signal each: one table read by
 * people extraction (corpus), the facts answer, question intent, the query's "saying" concept and the
 * meeting look-up (retrieval). Words are written once, in simplified form; readers of report text
 * match the traditional forms too, derived with opencc-js (`bothScriptsPattern`, `bothForms`).
 * `tests/text/vocabulary.test.ts` runs every row's example through the reader it names.
 */
import { bothForms, bothScriptsPattern } from '../chinese-script.ts';

/**
 * What the report says a person did at the meeting. `observed` is 列席: present without a vote (the
 * government's and the courts' heads at a people's congress standing committee), which reports and
 * readers tell apart from 出席 (attended as a member).
 */
export type PersonRole = 'chaired' | 'spoke' | 'attended' | 'observed' | 'reported' | 'relayed';

/**
 * Who reads a row:
 * - `clause`: people extraction, the clause right after a name (王新亭|主持会议并讲话), both scripts;
 * - `bare-name`, `bare-name-twice`: people extraction, a name with no title right before the word
 *   (张红军主持会议); a `bare-name-twice` word often follows a common word (严格要求), so the name must
 *   appear twice. Tried in table order; both scripts;
 * - `support`: the facts answer, a passage that supports the role (simplified);
 * - `question`: question intent, a question asking about the role (search form; English rows too);
 * - `saying`: "what did X say?" gains one concept matched by any of these verbs (search form);
 * - `key-point`: the meeting look-up, a passage that states a key point (simplified).
 */
export type RoleReader = 'clause' | 'bare-name' | 'bare-name-twice' | 'support' | 'question' | 'saying' | 'key-point';

export interface RoleWord {
  role: PersonRole;
  /** The word in simplified form; with `pattern`, a regular-expression source in simplified form. */
  word: string;
  pattern?: true;
  readers: readonly RoleReader[];
  /** A text the readers read where the word signals the role: the clause after a name, a question, a passage. */
  example: string;
}

export const ROLE_WORDS: readonly RoleWord[] = [
  // The bare-name verbs first, in the order they are tried.
  { role: 'chaired', word: '主持', readers: ['clause', 'bare-name', 'support', 'question'], example: '主持会议并讲话' },
  // Whoever convenes a meeting runs it (区长李旭召开区政府常务会议); only right after the name, not 出席…召开的会议.
  { role: 'chaired', word: '^召开', pattern: true, readers: ['clause'], example: '召开区政府第63次常务会议' },
  { role: 'chaired', word: '谁(?:主持)?召开', pattern: true, readers: ['question'], example: '第63次常务会议由谁召开' },
  { role: 'attended', word: '出席', readers: ['clause', 'bare-name', 'support', 'question'], example: '出席会议' },
  { role: 'attended', word: '参加', readers: ['clause', 'bare-name', 'support', 'question'], example: '参加会议' },
  { role: 'relayed', word: '传达', readers: ['clause', 'bare-name', 'support', 'question'], example: '传达了省委全会精神' },
  { role: 'spoke', word: '通报', readers: ['clause', 'bare-name'], example: '通报了全区安全生产情况' },
  { role: 'spoke', word: '汇报', readers: ['bare-name'], example: '汇报了工作进展' },
  { role: 'spoke', word: '宣读', readers: ['clause', 'bare-name'], example: '宣读了表彰决定' },
  { role: 'attended', word: '陪同', readers: ['clause', 'bare-name'], example: '陪同调研' },
  { role: 'spoke', word: '致辞', readers: ['clause', 'bare-name', 'question'], example: '致辞' },
  { role: 'spoke', word: '讲话', readers: ['clause', 'bare-name-twice', 'support', 'question'], example: '讲话' },
  { role: 'spoke', word: '发言', readers: ['clause', 'bare-name-twice', 'question'], example: '发言，介绍经验' },
  {
    role: 'spoke',
    word: '强调',
    readers: ['clause', 'bare-name-twice', 'support', 'question', 'saying', 'key-point'],
    example: '强调，要抓好落实',
  },
  {
    role: 'spoke',
    word: '指出',
    readers: ['clause', 'bare-name-twice', 'support', 'question', 'saying', 'key-point'],
    example: '指出，今年任务艰巨',
  },
  {
    role: 'spoke',
    word: '要求',
    readers: ['clause', 'bare-name-twice', 'support', 'question', 'saying', 'key-point'],
    example: '要求各部门压实责任',
  },
  // The rest.
  { role: 'spoke', word: '表示', readers: ['clause', 'support', 'question', 'saying'], example: '表示将全力支持' },
  { role: 'spoke', word: '提出', readers: ['clause', 'support', 'saying', 'key-point'], example: '提出三点意见' },
  { role: 'spoke', word: '认为', readers: ['saying'], example: '认为成效明显' },
  { role: 'spoke', word: '部署', readers: ['clause', 'question', 'key-point'], example: '部署下一步工作' },
  { role: 'spoke', word: '指示', readers: ['clause'], example: '指示有关部门' },
  { role: 'spoke', word: '讲评', readers: ['clause'], example: '讲评' },
  { role: 'spoke', word: '总结', readers: ['clause'], example: '总结了全年工作' },
  { role: 'spoke', word: '讲了', readers: ['question'], example: '王明讲了什么' },
  { role: 'spoke', word: '讲到', readers: ['question'], example: '书记讲到了哪些问题' },
  { role: 'spoke', word: '讲述', readers: ['question'], example: '谁讲述了抗疫故事' },
  // 汇报/报告 only as the name's own verb: `听取了…工作汇报` is listening, not speaking.
  { role: 'spoke', word: '^(?:汇报|报告)', pattern: true, readers: ['clause'], example: '汇报了全市经济运行情况' },
  {
    role: 'spoke',
    word: '(?:(?<![工写合协操创])作|向)[^，。]{0,12}(?:报告|汇报)',
    pattern: true,
    readers: ['clause'],
    example: '作政府工作报告',
  },
  { role: 'spoke', word: '\\bsp(oke|eak|eaks|oken)\\b', pattern: true, readers: ['question'], example: 'Who spoke at the meeting?' },
  { role: 'spoke', word: '\\bsaid\\b', pattern: true, readers: ['question'], example: 'What was said about roads?' },
  { role: 'spoke', word: '\\bsays?\\b', pattern: true, readers: ['question'], example: 'What does the mayor say about roads?' },
  { role: 'spoke', word: '\\bstress(ed|es)?\\b', pattern: true, readers: ['question'], example: 'What did the secretary stress?' },
  { role: 'spoke', word: '\\bemphasi[sz](ed|es|e)\\b', pattern: true, readers: ['question'], example: 'What did he emphasize?' },
  { role: 'spoke', word: '\\bdemand(ed|s)?\\b', pattern: true, readers: ['question'], example: 'What did the mayor demand?' },
  { role: 'spoke', word: '\\brequire[ds]?\\b', pattern: true, readers: ['question'], example: 'What did the meeting require?' },
  { role: 'spoke', word: '\\bspeech\\b', pattern: true, readers: ['question'], example: 'Who gave a speech?' },
  { role: 'chaired', word: '\\bchair(ed|s|ing)?\\b', pattern: true, readers: ['question'], example: 'Who chaired the meeting?' },
  { role: 'chaired', word: '\\bpresid(e|ed|es|ing)\\b', pattern: true, readers: ['question'], example: 'Who presided over the session?' },
  { role: 'chaired', word: '\\bhost(ed|s)?\\b', pattern: true, readers: ['question'], example: 'Who hosted the forum?' },
  { role: 'attended', word: '参会', readers: ['clause', 'support', 'question'], example: '参会' },
  { role: 'observed', word: '列席', readers: ['clause', 'support', 'question'], example: '列席会议' },
  {
    role: 'observed',
    word: '\\b(?:observers?|sat in|non-voting)\\b',
    pattern: true,
    readers: ['question'],
    example: 'Who sat in on the meeting?',
  },
  { role: 'attended', word: '到会', readers: ['clause'], example: '到会指导' },
  { role: 'attended', word: '带队', readers: ['clause'], example: '带队检查' },
  { role: 'attended', word: '与会', readers: ['question'], example: '哪些领导与会' },
  { role: 'attended', word: '\\battend(ed|s|ing)?\\b', pattern: true, readers: ['question'], example: 'Who attended the meeting?' },
  { role: 'attended', word: '\\bparticipat(e|ed|es)\\b', pattern: true, readers: ['question'], example: 'Who participated?' },
  { role: 'attended', word: '\\bpresent at\\b', pattern: true, readers: ['question'], example: 'Who was present at the meeting?' },
  { role: 'relayed', word: '\\brelay(ed|s)?\\b', pattern: true, readers: ['question'], example: 'Who relayed the instructions?' },
  { role: 'relayed', word: '\\bconvey(ed|s)?\\b', pattern: true, readers: ['question'], example: 'Who conveyed the spirit of the plenum?' },
  { role: 'reported', word: '记者', readers: ['support', 'question'], example: '本报记者王明' },
  { role: 'reported', word: '报道', readers: ['support', 'question'], example: '这篇报道是谁写的' },
  { role: 'reported', word: '撰稿', readers: ['question'], example: '谁撰稿' },
  { role: 'reported', word: '作者', readers: ['question'], example: '作者是谁' },
  { role: 'reported', word: '通讯员', readers: ['question'], example: '通讯员是谁' },
  { role: 'reported', word: '\\breport(ed|er|s)?\\b', pattern: true, readers: ['question'], example: 'Who reported on the meeting?' },
  { role: 'reported', word: '\\bjournalist\\b', pattern: true, readers: ['question'], example: 'Which journalist covered it?' },
  { role: 'reported', word: '\\bwr[io]te\\b', pattern: true, readers: ['question'], example: 'Who wrote the article?' },
  { role: 'reported', word: '\\bauthor\\b', pattern: true, readers: ['question'], example: 'Who is the author?' },
];

/** Readers of report text in either script; the others read simplified text or the search form. */
const BOTH_SCRIPTS: ReadonlySet<RoleReader> = new Set(['clause', 'bare-name', 'bare-name-twice']);

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function rowsFor(reader: RoleReader, role?: PersonRole): RoleWord[] {
  return ROLE_WORDS.filter((r) => r.readers.includes(reader) && (role === undefined || r.role === role));
}

/** The source of a pattern matching any of `role`'s words for `reader` ('(?!)' when it has none). */
export function roleSource(reader: RoleReader, role: PersonRole): string {
  const both = BOTH_SCRIPTS.has(reader);
  const parts = rowsFor(reader, role).map((r) => {
    const source = r.pattern ? r.word : escape(r.word);
    return both ? bothScriptsPattern(source) : source;
  });
  return parts.length ? parts.join('|') : '(?!)';
}

/** A pattern matching any of `role`'s words for `reader`; question patterns ignore case (English rows). */
export function rolePattern(reader: RoleReader, role: PersonRole): RegExp {
  return new RegExp(roleSource(reader, role), reader === 'question' ? 'i' : '');
}

/** The plain words a reader looks for, in table order, each followed by its traditional form for readers of either script. */
export function roleWords(reader: RoleReader): string[] {
  const both = BOTH_SCRIPTS.has(reader);
  return rowsFor(reader).flatMap((r) => (both ? bothForms(r.word) : [r.word]));
}
