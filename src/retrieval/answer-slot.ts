/**
 * The answer slot: a question that asks for a particular kind of value (a sum in 元, a count of 项,
 * the 第几次, a day, a named room) is answered only by a passage that prints such a value. A report
 * that names the meeting but never gives the figure is close to the question, not an answer to it:
 * "asked for a figure or item the report never gives" was the commonest wrong answer on real
 * reports (real-dev: 14 of the 29 negatives answered).
 *
 * The rules are data: each row says what a question asks (`asks`, matched against the question in
 * search form), what an answering passage must print (`needs`, built from the question's match),
 * and an example of each. Rows are tried in order; the first whose `asks` matches decides.
 */

import { SIMPLIFIED_OFFICE_WORDS } from '../text/vocabulary/offices.ts';
import { SURNAMES } from '../corpus/surnames.ts';
import { NAME_DOTS } from '../text/han.ts';
import { toSearchForm } from '../text/search-form.ts';
import { askedPost, otherPostLookbehind, titleHoldsPost } from './asked-office.ts';
import type { UnderstoodQuestion } from './question/types.ts';

const NUM = '(?:\\d[\\d,.]*|[零〇一二三四五六七八九十百千万亿两半]+)';

/**
 * A sum of money as printed: 156.3亿元, 2000万美元; in a list of investments the unit is often left
 * out (总投资3.1个亿, 总投资190万), a figure in 亿 or 万 with nothing counted after it.
 */
const MONEY_VALUE = new RegExp(
  `${NUM}\\s*(?:亿|万|千|百)?(?:元|美元|港元|澳门元|新台币)|${NUM}\\s*个?(?:亿|万)(?![\\p{Script=Han}\\d])`,
  'u',
);
/** A day as printed; a planned opening is printed as a year, a month or a season (年底, 2025年6月). */
const DAY_VALUE =
  /\d{1,2}\s*[月日号]|[一二三四五六七八九十]{1,3}\s*[月日号]|[今昨前当明]天|[今昨当明]日|日前|近日|上午|下午|晚上|\d{2,4}\s*年|年[底内初中]|月[底初中]/;

/** Phases of an event a question may date, with the words a report dates each by. */
const PHASES: Record<string, string> = {
  开幕: '开幕|召开|开会|举行',
  闭幕: '闭幕|闭会|结束|落下帷幕|落幕',
  通车: '通车|开通',
  开通: '开通|通车|开放',
  竣工: '竣工|完工|建成|落成',
  完工: '完工|竣工|建成|落成',
  开业: '开业|开张|营业',
  开馆: '开馆|开放',
  开工: '开工|动工|开建|奠基',
};

/** Measure words that count the same things: a count asked in 位 may be printed in 名 or 人. */
const SAME_COUNT: Record<string, string> = {
  位: '位名人',
  名: '名位人',
  人: '人名位',
  // 几个 is the generic count: 3名子女, 两所校区.
  个: '个家所座项名位人只条件种所支',
  项: '项个条件',
  条: '条项',
  件: '件项',
  点: '点条项',
};

/** A person the answering report names, with the title printed before the name (search form). */
export interface SlotPerson {
  name: string;
  title: string;
}

/** Offices, longest first (simplified: questions are matched in search form). */
const OFFICES = SIMPLIFIED_OFFICE_WORDS.filter((w) => w === toSearchForm(w) && w !== '代表').join('|');

/**
 * The office a person-slot match names, the longest ending where it ends: the greedy match stops at
 * 书记 inside 第一书记, and a 党委书记 does not hold the 第一书记's post.
 */
function longestOffice(m: RegExpExecArray): string {
  const office = m[1] ?? m[2] ?? m[3];
  if (m[1] === undefined) return office;
  const end = m.index + m[0].lastIndexOf(office) + office.length;
  const before = m.input.slice(0, end);
  const longest = SIMPLIFIED_OFFICE_WORDS.find((w) => w.length > office.length && before.endsWith(w)) ?? office;
  return askedPost(longest, before.slice(0, before.length - longest.length));
}

/** A character class of the common surnames, built once. */
const SURNAME_CLASS = `[${[...SURNAMES].join('')}]`;

/** Where a holder of `office` is printed: a surname right after it (镇长王明, 校长为阮…) or a name before it (王明为镇长). */
function printedHolder(office: string, notOther: string): string {
  const surname = SURNAME_CLASS;
  // A transliterated name (喬治·麥肯) is a person whatever the office.
  // 代理校长的刘秉麟: 的 between; 刘少奇被选为第一届中共福建省委书记: a verb of taking office and the body between.
  return `${notOther}${office}(?:为|是|由|的)?${surname}\\p{Script=Han}{1,2}|${surname}\\p{Script=Han}{1,2}(?:为|任|同志)?${notOther}${office}|${surname}\\p{Script=Han}{1,2}(?:被选为|当选为?|出任|担任|升任)[^，。；]{0,12}${notOther}${office}|\\p{Script=Han}[${NAME_DOTS}]\\p{Script=Han}`;
}

/**
 * Who holds `office` in the report: a person whose title names it, not another post containing its
 * word (主任 is not 副主任, 书记 not 总书记; asked-office.ts); else a name printed with the post, since
 * extracted people are never complete (encyclopedia text least). Where the report prints the post
 * itself, a name printed with its office word counts as before (曾任图书馆副馆长 beside 馆长曾某): only a
 * report that never prints the asked post (副检察长 asked, 检察长 printed) is held to the post.
 */
function holders(office: string, people: readonly SlotPerson[]): RegExp {
  const names = people.filter((p) => titleHoldsPost(p.title, office)).map((p) => escape(p.name));
  const notOther = otherPostLookbehind(office);
  // The office word the post is read from (检察长 for an asked 副检察长 that has no row of its own).
  const word = SIMPLIFIED_OFFICE_WORDS.includes(office) ? office : office.slice(1);
  const lenient = printedHolder(word, word.startsWith('副') ? '' : '(?<!副)');
  const gated = `^(?=[\\s\\S]*${notOther}${office})[\\s\\S]*?(?:${lenient})`;
  return new RegExp([...names, printedHolder(office, notOther), gated].join('|'), 'u');
}

export interface SlotRule {
  /** A short name, for `eval --explain`. */
  slot: string;
  asks: RegExp;
  /** From the question's match and the people the answering report names: undefined when the rule cannot tell. */
  needs: (m: RegExpExecArray, people: readonly SlotPerson[]) => RegExp | undefined;
  /** True when the answering article's headline fills it too: a biography names its subject there, not in every sentence. */
  headline?: true;
  /** A question it applies to, a passage that fills it and one that does not. */
  example: { question: string; fills: string; lacks: string };
}

export const SLOT_RULES: readonly SlotRule[] = [
  {
    slot: 'sum of money',
    asks: /(?:多少|几)(?:亿|万|千)?元|(经费|资金|投资|投入|收入|总值|总额|金额|产值|营收|税收|预算|造价|费用|薪酬|工资|薪金|补贴|补助|奖金|票价|租金|罚款)(?:是|为|达|有|达到)?(?:多少|几)/,
    // The sum of the kind asked: 年产值 is not answered by the 总投资 printed beside it (签约项目总投资3.1个亿).
    needs: (m) => (m[1] ? new RegExp(`${m[1]}[^，。；;]{0,12}?(?:${MONEY_VALUE.source})`, 'u') : MONEY_VALUE),
    example: { question: '湖滨区上半年地区生产总值是多少亿元', fills: '地区生产总值完成156.3亿元', lacks: '地区生产总值同比增长6.8%' },
  },
  {
    // A named person's post (高瑛是什么职务, 韦峰在…会议上是以什么身份出席的): a passage that never names
    // the person says nothing of their post, however much it speaks of posts.
    slot: 'post of a person',
    asks: /^(\p{Script=Han}{2,4}?)(?:是|在|以|的)[^，。？]{0,12}?(?:什么|何种|哪个|哪种|啥)(?:职务|职位|官职|头衔|职称|岗位|身份)/u,
    // Taiwan minutes print the title between surname and given name (許縣長乃權 for 許乃權).
    needs: (m) => {
      const name = [...m[1]];
      const split = name.length === 3 ? `|${escape(name[0])}\\p{Script=Han}{1,4}${escape(name.slice(1).join(''))}` : '';
      return new RegExp(`${escape(m[1])}${split}`, 'u');
    },
    headline: true,
    example: { question: '高瑛是什么职务', fills: '街道行政审批局局长高瑛汇报了工作', lacks: '陈永丰曾任环保局长、主任秘书等职务' },
  },
  {
    slot: 'ordinal',
    asks: /第几(次|届|期|批|轮|个)/,
    needs: (m) => new RegExp(`第\\s*${NUM}\\s*${m[1]}`),
    example: { question: '县政府开的是第几次常务会议', fills: '召开县政府第17次常务会议', lacks: '召开县政府常务会议' },
  },
  {
    // A score or mark (考评得了多少分, 得分多少): printed as a number of 分.
    slot: 'score',
    asks: /(?:多少|几)分(?![钟之别类期批配工布析局])|得分(?:是|为)?(?:多少|几)/,
    // 以96.5的高分通过: the number before 的高分 too.
    needs: () => new RegExp(`${NUM}\\s*(?:的高|的)?分(?![钟之])`),
    example: { question: '营商环境考核得了多少分', fills: '以96.5的高分通过考核验收', lacks: '实行每月考评的工作机制' },
  },
  {
    slot: 'count',
    // 人 only as a measure word: 多少人口 asks for a population, printed as any number.
    // (家 was tried: 几家骑士团 is answered by a list, no count; cmrc2018-trial.)
    asks: /(?<!哪)(?<!除了)(?:几|多少)(位|名|人|个|项|条|件|点)(?![口员类民才士物工])(\p{Script=Han}{2})?/u,
    needs: (m) => {
      const units = SAME_COUNT[m[1]] ?? m[1];
      // 几点要求 is answered by an enumeration as well as by a count (提出三点要求; 一是…二是…).
      const items = m[1] === '点' || m[1] === '项' || m[1] === '条' ? '|[一二三四五六七八九十]是|[一二三四五六七八九十]要|首先|其次' : '';
      // A large count is printed before the thing counted, with no measure word, in digits or in 万/亿
      // (1.25亿视杆细胞; not 周六志愿服务), and a count of people as a population (多伦多市人口达2,790,060).
      const counted = m[2] ? `|(?:\\d[\\d,.]*\\s*(?:万|亿)?|${NUM}(?:万|亿))\\s*${m[2]}` : '';
      const population = m[1] === '人' ? `|人口[^，。；]{0,4}?${NUM}` : '';
      return new RegExp(`${NUM}\\s*(?:余|多)?\\s*[${units}]${items}${counted}${population}`);
    },
    example: { question: '会议确定了几项重点工作', fills: '会议确定了五项重点工作', lacks: '会议确定了下一步重点工作' },
  },
  {
    slot: 'count',
    // A number of days (为期多少天, 停留了几天), not 天然气 or 天津; and not when the question asks something
    // else first (在哪个区域运作，每隔几天启动引擎: the region is asked; drcd-dev).
    asks: /(?<!(?:哪|什么|谁|何)[^。？]*)(?:几|多少)天(?![然津气下空安])/,
    needs: () => new RegExp(`${NUM}\\s*(?:余|多)?\\s*天`),
    example: {
      question: '定期大会为期多少天',
      fills: '此次定期大会自九月二十一日起至十一月二十九日，为期七十天',
      lacks: '定期大会二十一日召开预备会议',
    },
  },
  {
    // A count asked as a number of days, people, households (优良天数是多少, 参会人数有多少): printed in that measure word.
    slot: 'count',
    asks: /(天|人|户|次|个|件|家|所|项|场|批)数(?:是|为|有|达|达到|共)?(?:多少|几)/,
    needs: (m) => new RegExp(`${NUM}\\s*(?:余|多)?\\s*[${SAME_COUNT[m[1]] ?? m[1]}]`),
    example: { question: '全县空气优良天数是多少', fills: '全县空气质量优良天数达到338天', lacks: '会议听取了全县环境状况的调研报告' },
  },
  {
    // The day of one phase of an event (闭幕, 通车): a report that dates its opening does not date its close.
    slot: 'day of a phase',
    asks: new RegExp(
      `(?:哪一?天|哪一?年|几月几[日号]|几号|何日|什么时候|什么时间|何时)(?:才|将|能|会|正式)?(${Object.keys(PHASES).join('|')})`,
    ),
    needs: (m) => new RegExp(`^(?=[\\s\\S]*(?:${PHASES[m[1]]}))(?=[\\s\\S]*(?:${DAY_VALUE.source}))`),
    example: {
      question: '县人代会是哪天闭幕的',
      fills: '3月5日上午，县人代会胜利闭幕',
      lacks: '3月1日，县人代会开幕',
    },
  },
  {
    slot: 'day',
    asks: /哪一?天|几月几[日号]|几号|何日|什么日子|哪个日子|(?:什么时候|什么时间|何时)(?:召开|举行|开幕|闭幕|开展|举办|开的|到|去|通车|开通|完工|建成|竣工|开业|开馆|投用|启用)/,
    needs: () => DAY_VALUE,
    example: {
      question: '文北街道的慰问活动是哪天开展的',
      fills: '1月15日，文北街道开展慰问活动',
      lacks: '临近新春佳节之际，文北街道开展慰问活动',
    },
  },
  {
    slot: 'person',
    // A holder of an office (镇长, 主任, 局长, 秘书长, 警员): the report names its officials with their titles.
    // The office nearest the asking words (主任 in 人大常委会主任是谁, not 常委). Asked of an office only: for any 谁 in encyclopedia text the extracted people are too few to
    // tell (measured on drcd-dev: 10 right answers refused for 5 held-out questions).
    // Any 员 right before the asking words is one too (警员叫什么名字), but not 运动员的赞助方是谁.
    asks: new RegExp(
      `^.*(${OFFICES})[^，。？]{0,4}?(?:是谁|为谁|叫什么|什么名字|是哪位)|^.*(\\p{Script=Han}{1,2}员)(?:是谁|叫什么|什么名字)|(?:哪位|哪一位)[^，。？]{0,4}?(${OFFICES})`,
      'u',
    ),
    needs: (m, people) => holders(longestOffice(m), people),
    example: { question: '新选出的镇长叫什么名字', fills: '选举王明为镇长', lacks: '会议选举产生了镇长一名' },
  },
  // English questions (matched against the question in search form: lower-case) ask for the same values.
  {
    slot: 'sum of money',
    asks: /\bhow much (?:money|funding|did [^?]* (?:cost|invest|spend|raise))\b|\btotal (?:retail sales|sales|investment|revenue|output|value|amount|budget|cost|spending)\b/,
    needs: () => MONEY_VALUE,
    example: {
      question: "what was the district's total retail sales of consumer goods in 2023?",
      fills: '社会消费品零售总额完成86.2亿元',
      lacks: '社会消费品零售总额同比增长7.1%',
    },
  },
  {
    slot: 'day',
    asks: /\b(?:what|which) (?:day|date)\b|\bwhen (?:was|were|did|will) [^?]*\b(?:held|convened|open|opened|close|closed|start|started|launched)\b/,
    needs: () => DAY_VALUE,
    example: {
      question: 'when was the 27th executive meeting held?',
      fills: '9月13日，区政府召开第27次常务会议',
      lacks: '区政府召开第27次常务会议',
    },
  },
  {
    slot: 'room',
    asks: /(?:哪个|哪一个|哪间|什么)(会议室|会场|礼堂|大厅|厅)/,
    needs: (m) => new RegExp(m[1]),
    example: { question: '常务会议是在哪个会议室召开的', fills: '在县政府二楼会议室召开', lacks: '县政府召开常务会议' },
  },
];

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The first rule that applies to the question (search form), with its match. */
export function slotFor(question: string): { rule: SlotRule; match: RegExpExecArray } | undefined {
  for (const rule of SLOT_RULES) {
    const match = rule.asks.exec(question);
    if (match) return { rule, match };
  }
  return undefined;
}

/**
 * The text a question's slot is read from: a Chinese question's normalised text; an English
 * question's text is its translated terms, so its slot is read from the question as asked (search form).
 */
export function slotText(question: Pick<UnderstoodQuestion, 'script' | 'text'>, questionText: string): string {
  return question.script === 'en' || question.script === 'mixed' ? questionText : question.text;
}

/** Slots left to the decision, not used to choose the passage (see `slotNeeds`). */
const DECISION_ONLY = new Set(['person', 'post of a person']);

/**
 * What a passage must print to fill the question's slot, for choosing the passage: only slots that
 * need nothing of the answering report (a person slot needs its people) and that a value printed in
 * the passage itself answers (a person's post is often printed beside their name, not with it:
 * 卸任后，杨朝祥担任… then 2011年1月1日，受聘为国策顾问) — the others are left to the decision.
 */
export function slotNeeds(question: string): RegExp | undefined {
  const found = slotFor(question);
  if (!found || DECISION_ONLY.has(found.rule.slot)) return undefined;
  return found.rule.needs(found.match, []);
}

/**
 * Whether `text` (the passages around the answer, search form) prints what the question asks for:
 * undefined when the question asks for no particular kind of value. `headline` (search form) counts
 * for the rules that say so.
 */
export function slotFilled(
  question: string,
  text: string,
  people: readonly SlotPerson[] = [],
  headline = '',
): { slot: string; filled: boolean } | undefined {
  const found = slotFor(question);
  if (!found) return undefined;
  const named = people.filter((p) => p.name && !question.includes(p.name));
  const needs = found.rule.needs(found.match, named);
  if (!needs) return undefined;
  return { slot: found.rule.slot, filled: needs.test(text) || (found.rule.headline === true && needs.test(headline)) };
}
