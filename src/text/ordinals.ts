/**
 * Ordinals that say which one: a meeting's session (第36次, 第三十六次, 八届十次, 二届六十五次主席会议,
 * 2025年第17次常务会议, the 36th meeting), a term (十七届, 第二届, the 17th congress), a period (第三季度,
 * 第二批). Parsed into typed values so that `第三十六次`, `第36次` and `thirty-sixth` compare equal, for
 * translation (English ordinals → the Chinese forms reports print) and for the conflict check (the
 * question names the 八届十次 meeting, the answering report prints only 八届九次).
 *
 * Occurrences (第一次来到) and ranks (第五名) are left out: they are what questions ask, not which one.
 */
import { englishCardinal, englishOrdinals, parseChineseNumber, toChineseNumber } from './numerals.ts';

export type OrdinalKind = 'session' | 'term' | 'period';

export interface OrdinalMention {
  kind: OrdinalKind;
  /** The session's, term's or period's number. */
  number: number;
  /** For a session printed with its term (八届十次 → term 8, number 10). */
  term?: number;
  /** For a session numbered within a year (2025年第17次 → 2025). */
  year?: number;
  /** The unit printed: 次, 届, 季度, 季, 期, 批, 轮. */
  unit: string;
  /** What kind of meeting a session is of, its distinctive words (常委会议 → 常委, 主席会议 → 主席); '' for a bare 会议. */
  meeting?: string;
  /**
   * For a session printed with its term, the body whose series it numbers (十三届人大三次 → 人大,
   * 十三届人大常委会第十一次 → 常委会): a congress's sessions and its standing committee's meetings are
   * numbered apart.
   */
  body?: string;
  /** The mention as printed (spaces removed). */
  text: string;
  start: number;
  end: number;
}

const NUM = '[0-9]{1,4}|[〇零一二两兩三四五六七八九十百千]{1,7}';
const HAN = '\\p{Script=Han}';
/** A meeting word ends a session's noun: 常务会议, 主席会议, 全会, 集体学习. */
const MEETING_END = '(?:会议|會議|会|會|学习|學習)';
/** Between 届 and 次: nothing, or the body whose term it is (十七届人大四次, 十二届县委常委会第57次). */
const BODY = `(?:${HAN}{0,6}?(?:人大|政协|政協|人民代表大会|人民代表大會|常委会|常委會|县委|縣委|市委|区委|區委|党委|黨委|党工委|黨工委|委员会|委員會|主席团|主席團|全委会|全委會|代表大会|代表大會|政府))?`;

const COMBINED = new RegExp(`(?:([0-9]{4})年度?)?第?(${NUM})[届屆](${BODY})第?(${NUM})次(?=(${HAN}{0,8}?${MEETING_END})?)`, 'gu');
const SESSION = new RegExp(`(?:([0-9]{4})年度?)?第(${NUM})次(?=(${HAN}{0,8}?${MEETING_END}))`, 'gu');
const TERM = new RegExp(
  `第(${NUM})[届屆]|(?<![第0-9〇零一二两兩三四五六七八九十百千])([一二三四五六七八九十]{1,3}|[0-9]{1,2})[届屆]`,
  'gu',
);
const PERIOD = new RegExp(`第(${NUM})(季度|季|期|批|轮|輪)`, 'gu');

/** The last body word between 届 and 次 (人大常委会 → 常委会), one form for both scripts; '' when none. */
const BODY_KEYS: Array<[RegExp, string]> = [
  [/(?:常委会|常委會)$/u, '常委会'],
  [/(?:人大|人民代表大会|人民代表大會|代表大会|代表大會)$/u, '人大'],
  [/(?:政协|政協)$/u, '政协'],
  [/(?:主席团|主席團)$/u, '主席团'],
  [/(?:全委会|全委會)$/u, '全委会'],
  [/(?:县委|縣委|市委|区委|區委|党委|黨委|党工委|黨工委)$/u, '党委'],
  [/(?:委员会|委員會)$/u, '委员会'],
  [/政府$/u, '政府'],
];

function bodyKey(body: string): string {
  return BODY_KEYS.find(([re]) => re.test(body))?.[1] ?? '';
}

/** 常委会议 → 常委, 常委会会议 → 常委, 主席会议 → 主席, 会议 → ''. */
function meetingKey(noun: string | undefined): string {
  if (!noun) return '';
  return noun
    .replace(/(?:会议|會議|会|會|学习|學習)$/u, '')
    .replace(/[会會]$/u, '')
    .slice(-2);
}

/** The Chinese ordinal mentions of a text (either script), in order. */
export function chineseOrdinals(text: string): OrdinalMention[] {
  const out: OrdinalMention[] = [];
  const covered: Array<[number, number]> = [];
  const free = (s: number, e: number) => covered.every(([a, b]) => e <= a || s >= b);
  const add = (m: OrdinalMention) => {
    if (!free(m.start, m.end)) return;
    covered.push([m.start, m.end]);
    out.push(m);
  };
  for (const m of text.matchAll(COMBINED)) {
    const term = parseChineseNumber(m[2]);
    const number = parseChineseNumber(m[4]);
    if (term === undefined || number === undefined) continue;
    const start = m.index!;
    add({
      kind: 'session',
      number,
      term,
      ...(m[1] ? { year: Number(m[1]) } : {}),
      unit: '次',
      meeting: meetingKey(m[5]),
      ...(bodyKey(m[3]) ? { body: bodyKey(m[3]) } : {}),
      text: m[0],
      start,
      end: start + m[0].length,
    });
  }
  for (const m of text.matchAll(SESSION)) {
    const number = parseChineseNumber(m[2]);
    if (number === undefined) continue;
    const start = m.index!;
    add({
      kind: 'session',
      number,
      ...(m[1] ? { year: Number(m[1]) } : {}),
      unit: '次',
      meeting: meetingKey(m[3]),
      text: m[0],
      start,
      end: start + m[0].length,
    });
  }
  for (const m of text.matchAll(TERM)) {
    const number = parseChineseNumber(m[1] ?? m[2]);
    if (number === undefined) continue;
    const start = m.index!;
    add({ kind: 'term', number, unit: '届', text: m[0], start, end: start + m[0].length });
  }
  for (const m of text.matchAll(PERIOD)) {
    const number = parseChineseNumber(m[1]);
    if (number === undefined) continue;
    const start = m.index!;
    add({ kind: 'period', number, unit: m[2] === '輪' ? '轮' : m[2], text: m[0], start, end: start + m[0].length });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** English head nouns after an ordinal, and the unit they are numbered in. */
const ENGLISH_UNITS: Array<[RegExp, OrdinalKind, string]> = [
  [/^(?:meeting|session|sitting|plenary|plenum|conference|gathering|executive|standing|study)s?$/i, 'session', '次'],
  [/^(?:congress|term|cppcc|npc)$/i, 'term', '届'],
  [/^quarters?$/i, 'period', '季度'],
  [/^(?:batch|batches)$/i, 'period', '批'],
  [/^rounds?$/i, 'period', '轮'],
  [/^(?:phase|period|issue)s?$/i, 'period', '期'],
];

/** English ordinals naming a session, term or period: `the 36th chairpersons' meeting`, `the 17th people's congress`. */
export function englishOrdinalMentions(text: string): OrdinalMention[] {
  const out: OrdinalMention[] = [];
  for (const o of englishOrdinals(text)) {
    const after = text
      .slice(o.index + o.text.length)
      .split(/[^A-Za-z0-9']+/)
      .filter(Boolean)
      .slice(0, 4);
    for (const raw of after) {
      const word = raw.replace(/'s?$/, '');
      // "the first three quarters", "the first 10 days": a count follows, the ordinal numbers no quarter.
      if (englishCardinal(word) !== undefined || /^\d/.test(word)) break;
      const hit = ENGLISH_UNITS.find(([re]) => re.test(word));
      if (hit) {
        out.push({ kind: hit[1], number: o.value, unit: hit[2], text: o.text, start: o.index, end: o.index + o.text.length });
        break;
      }
      // A preposition or clause word ends the noun phrase: "the third day of the meeting" is no session.
      if (/^(?:of|on|in|at|for|to|from|by|with|and|or|day|days|time|times|place|year|years|who|which|what|did|was|is)$/i.test(word)) break;
    }
  }
  return out;
}

/** Chinese ordinals, and English ones when the text has Latin letters. */
export function ordinalMentions(text: string): OrdinalMention[] {
  const zh = chineseOrdinals(text);
  return /[A-Za-z]/.test(text) ? [...zh, ...englishOrdinalMentions(text)] : zh;
}

/** The Chinese forms a report may print for an ordinal: 第三十六次, 第36次, 三十六次 (as in 二届三十六次). */
export function ordinalSearchTerms(m: OrdinalMention): string[] {
  const cn = toChineseNumber(m.number);
  if (m.kind === 'term') return [`${cn}届`, `第${cn}届`, `第${m.number}届`];
  if (m.kind === 'period') return [`第${cn}${m.unit}`, `第${m.number}${m.unit}`];
  return [`第${cn}次`, `第${m.number}次`, `${cn}次`];
}
