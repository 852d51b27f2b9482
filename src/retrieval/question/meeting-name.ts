/**
 * The meeting a question is about, as it names it (区委常委会, 县政府常务会议, 市长碰头会): the answering
 * report must be about that meeting, not another held the same day (9月13日区委常委会 asked, the
 * report of that day is the 区政府常务会议's).
 */
import { hanRuns } from '../../text/han.ts';

/** Kinds of meeting whose names say which body met (the last characters of the name). */
const MEETING_KINDS = [
  '常委会会议',
  '常委会',
  '常委会议',
  '常务会议',
  '主席会议',
  '主席团会议',
  '全体会议',
  '全会',
  '人代会',
  '碰头会',
  '办公会',
  '联席会议',
  '座谈会',
  '推进会',
  '动员会',
  '部署会',
  '调度会',
  '党组会议',
  '工作会议',
  '代表大会',
  '团拜会',
  '务会议',
  '政会议',
];

/**
 * Characters and words a meeting's name never starts with: the question's own words before it
 * (多少人参加座谈会 names no meeting but a kind).
 */
const BEFORE_NAME = /^.*(?:[的在于了是开到对和与及那这该上下午晚几哪各谁]|参加|出席|列席|主持|召开|举行|多少|什么)/u;
/** A session's numbers (八届九次, 第十六次, 九中), printed in many ways: compared elsewhere (ordinals). */
const SESSION = /[0-9]{4}年|第?[0-9一二三四五六七八九十百零〇]+[届次中]/gu;
/** Offices of a standing committee: 人大常委会主任 names the body, not a meeting. */
const OFFICE_AFTER = /^(?:副?主任|副?秘书长|委员|组成人员|党组)/;

MEETING_KINDS.sort((a, b) => b.length - a.length);
const KIND = new RegExp(`(\\p{Script=Han}{1,16}?(?:${MEETING_KINDS.join('|')}))`, 'u');

/** The meeting named in a question (search form, dates already cut out), or undefined. */
export function askedMeeting(question: string): string | undefined {
  for (const found of hanRuns(question)) {
    // A run cut off by a date or number starts with its unit: 日区委常委会, 次市务会议.
    const run = found.replace(/^[日号次届年月]/, '');
    const m = KIND.exec(run);
    if (!m) continue;
    // The name runs from after the question's own words up to the kind: 的市委常委会 → 市委常委会.
    const end = m.index + m[1].length;
    if (OFFICE_AFTER.test(run.slice(end))) continue;
    const name = run
      .slice(0, end)
      .replace(BEFORE_NAME, '')
      .replace(/^[次届]/, '');
    // A kind alone (常务会议) names no particular body's meeting.
    if (Array.from(name).length >= 4 && !MEETING_KINDS.includes(name)) return name;
  }
  return undefined;
}

/**
 * The part of a meeting's name that says which body met and how: its kind with the two characters
 * before it, session numbers left out (辽源市政协八届九次常委会议 → 政协常委会议; 区委常委会 → 区委常委会).
 */
export function meetingCore(name: string): string {
  const plain = name.replace(SESSION, '');
  const kind = MEETING_KINDS.find((k) => plain.endsWith(k));
  if (!kind) return plain;
  const before = Array.from(plain.slice(0, plain.length - kind.length));
  // A place before the kind (龙岗区常务会议) names the body by its level only: the report prints
  // 区政府常务会议 and names the place elsewhere, which the place filter checks.
  if (before.length >= 3 && LOCALITY.includes(before[before.length - 1])) return before[before.length - 1] + kind;
  return before.slice(-2).join('') + kind;
}

/** Last characters of a place's name (龙岗区, 凤县, 珠海市, 莲洲镇): before a meeting's kind, the body's level. */
const LOCALITY = ['区', '县', '市', '镇', '乡', '州', '旗'];

/**
 * Whether `title` (a meeting name or headline) names the meeting `asked`: the one matcher of meeting
 * names, used by the search filters, the decide stage and `/meeting` alike. People shorten names
 * keeping the characters in order (安委会 for 安全生产委员会, 疫情防控动员会 for 冬春季新冠肺炎疫情防控
 * 工作动员会), so a name of three or more characters matches as a subsequence.
 */
export function namesMeeting(title: string, asked: string): boolean {
  if (title.includes(asked)) return true;
  const chars = Array.from(asked);
  if (chars.length < 3) return false;
  let at = 0;
  for (const ch of title) if (ch === chars[at] && ++at === chars.length) return true;
  return false;
}
