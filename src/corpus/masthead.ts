/**
 * The page header / footer a newspaper page prints (`高新区报 2021年1月15日 星期五 第2版 要闻`,
 * `2021-01-15  第 3 版  责任编辑：张三`): which lines are page furniture rather than headline or body
 * text, and the issue date they print.
 *
 * Conservative by construction: a line counts only when it is short and made entirely of header parts
 * (a date, a weekday, a lunar date, a page or issue number, a paper's name, a section name, a desk
 * credit), so a headline or sentence with a date in it never does. A run of such lines is page furniture
 * when it holds a date or page number and something else that only headers print beside it; a lone date
 * or page number counts only as the first or last line of the page.
 */
import { HAN_DATE, ROC_DATE, hanDate, isoDate, rocYear } from './dates.ts';
import { isHanChar } from '../text/han.ts';

export type MastheadPart = 'date' | 'weekday' | 'lunar' | 'page' | 'issue' | 'paper' | 'section' | 'desk';

export interface MastheadLine {
  parts: MastheadPart[];
  /** The full date the line prints (ISO), when it prints one. */
  date?: string;
}

export interface Masthead {
  /** The issue date (ISO) the page header or footer prints; the first one when several do. */
  date?: string;
  /** Indexes of the lines that are page furniture. */
  lines: number[];
}

/** Longer lines are text, whatever they are made of. */
const MAX_LINE = 80;

/** Between parts: spaces, the dots and bars headers use as separators (OCR reads a middle dot as a full stop), brackets around a part. */
const SEPARATORS = /[\s·•・.．|｜丨/／\-—–_*（）()【】[\]〔〕《》〈〉]*/y;

const DATE_DIGITS = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|(\d{4})\s*([-./])\s*(\d{1,2})\s*\5\s*(\d{1,2})(?!\d)/y;
const DATE_HAN = new RegExp(HAN_DATE, 'y');
const DATE_ROC = new RegExp(ROC_DATE, 'y');
/**
 * A paper's name that does not end in 报 (`市政新聞`): any short run of Han characters opening the line.
 * Too loose to count on its own, so the rest of the line must be a full date and a page number or weekday.
 */
const FREE_NAME = /^\p{Script=Han}{2,10}/u;
const WEEKDAY = /(?:星\s*期|礼\s*拜|禮\s*拜|[周週])\s*[一二三四五六日天]/y;
const LUNAR = new RegExp(
  '[农農]\\s*[历曆]\\s*' +
    '(?:[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]\\s*年\\s*)?' +
    '(?:[鼠牛虎兔龙龍蛇马馬羊猴鸡雞狗猪豬]\\s*年\\s*)?' +
    '(?:[闰閏]\\s*)?(?:十一|十二|正|一|二|三|四|五|六|七|八|九|十|冬|腊|臘)\\s*月\\s*' +
    '(?:初\\s*[一二三四五六七八九十]|二\\s*十|三\\s*十|十\\s*[一二三四五六七八九]?|廿\\s*[一二三四五六七八九]?|卅)?',
  'y',
);
const PAGE = /第\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3}|[A-Ha-h]\s*\d{1,2})\s*版|[A-Ha-h]\s*\d{1,2}\s*版/y;
const ISSUE = /(?:[总總]\s*)?第\s*\d{1,6}\s*期|(?:今日|本期)\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*版/y;
/** A paper's name ends in 报 (`高新区报`, `郑州日报`); 本报 and words like 通报 or 汇报 are not names. */
const PAPER = /\p{Script=Han}{1,10}[报報]/uy;
const NOT_PAPER = /^[本该該此我][报報]$|(?:通|汇|匯|上|举|舉|申|填|呈|回|情|预|預|海|电|電|捷|简|簡|公|月)[报報]$/;
const SECTION = new RegExp(
  `(?:${[
    '要闻',
    '要聞',
    '综合新闻',
    '綜合新聞',
    '综合',
    '綜合',
    '时政',
    '時政',
    '时事',
    '時事',
    '专题',
    '專題',
    '专版',
    '專版',
    '社会',
    '社會',
    '经济',
    '經濟',
    '财经',
    '財經',
    '文化',
    '文体',
    '文體',
    '体育',
    '體育',
    '副刊',
    '国内',
    '國內',
    '国际',
    '國際',
    '评论',
    '評論',
    '理论',
    '理論',
    '民生',
    '本地新闻',
    '本地',
    '头版',
    '頭版',
    '城事',
    '区县',
    '區縣',
    '教育',
    '健康',
    '法治',
    '党建',
    '黨建',
    '视点',
    '視點',
    '广告',
    '廣告',
    '特刊',
    '地方新闻',
    '地方新聞',
    '新闻',
    '新聞',
    '聚焦',
    '观察',
    '觀察',
    '版面',
  ].join('|')})`,
  'y',
);
const DESK_WORD = new RegExp(
  `(?:${[
    '责任编辑',
    '責任編輯',
    '值班编辑',
    '值班編輯',
    '本版编辑',
    '本版編輯',
    '版面编辑',
    '版面編輯',
    '值班主任',
    '责编',
    '責編',
    '编辑',
    '編輯',
    '美编',
    '美編',
    '版式',
    '校对',
    '校對',
    '审核',
    '審核',
    '审读',
    '審讀',
    '组版',
    '組版',
    '排版',
    '制图',
    '製圖',
  ].join('|')})\\s*[:：]?\\s*`,
  'y',
);

type Matcher = (s: string, at: number) => Array<{ end: number; part: MastheadPart; date?: string }>;

function sticky(re: RegExp, part: MastheadPart, read?: (m: RegExpExecArray) => string | undefined): Matcher {
  return (s, at) => {
    re.lastIndex = at;
    const m = re.exec(s);
    if (!m || m[0] === '') return [];
    if (part === 'paper' && NOT_PAPER.test(m[0])) return [];
    const date = read?.(m);
    if (read && !date) return [];
    return [{ end: at + m[0].length, part, date }];
  };
}

/** A desk word and the names after it (`责任编辑：张三 李四`); every way of cutting the names is offered. */
const desk: Matcher = (s, at) => {
  DESK_WORD.lastIndex = at;
  const m = DESK_WORD.exec(s);
  if (!m) return [];
  const ends: number[] = [];
  const names = (from: number) => {
    for (let len = 2; len <= 4; len++) {
      const name = s.slice(from, from + len);
      if (name.length < len || ![...name].every(isHanChar)) break;
      ends.push(from + len);
      const gap = /^[ 、,，]+/.exec(s.slice(from + len));
      if (gap && ends.length < 24) names(from + len + gap[0].length);
    }
  };
  names(at + m[0].length);
  // A desk word with no name yet (the name on the next line) still reads as a desk credit.
  return [...ends, at + m[0].length].map((end) => ({ end, part: 'desk' as const }));
};

const MATCHERS: Matcher[] = [
  sticky(DATE_DIGITS, 'date', (m) =>
    m[1] ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : isoDate(Number(m[4]), Number(m[6]), Number(m[7])),
  ),
  sticky(DATE_HAN, 'date', (m) => hanDate(m[1], m[2], m[3])),
  sticky(DATE_ROC, 'date', (m) => isoDate(rocYear(m[1]), Number(m[2]), Number(m[3]))),
  sticky(WEEKDAY, 'weekday'),
  sticky(LUNAR, 'lunar'),
  sticky(ISSUE, 'issue'),
  sticky(PAGE, 'page'),
  sticky(SECTION, 'section'),
  desk,
  sticky(PAPER, 'paper'),
];

/** Full-width digits and Latin letters as ASCII, so `２０２１年` and `Ａ２版` read like the rest. */
function asciiDigits(line: string): string {
  return line.replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** The parts a line is made of, when it is made of nothing but header parts; otherwise undefined. */
export function readMastheadLine(line: string): MastheadLine | undefined {
  const s = asciiDigits(line.trim());
  if (s === '' || s.length > MAX_LINE) return undefined;
  // Positions from which the rest cannot be read, so a line of names cannot make the search blow up.
  const failed = new Set<number>();
  const parse = (at: number): MastheadLine | undefined => {
    if (failed.has(at)) return undefined;
    SEPARATORS.lastIndex = at;
    const pos = at + (SEPARATORS.exec(s)?.[0].length ?? 0);
    if (pos >= s.length) return { parts: [] };
    for (const matcher of MATCHERS) {
      for (const hit of matcher(s, pos)) {
        const rest = parse(hit.end);
        if (rest) return { parts: [hit.part, ...rest.parts], date: hit.date ?? rest.date };
      }
    }
    failed.add(at);
    return undefined;
  };
  const read = parse(0);
  if (read && read.parts.length > 0) return read;
  return readWithFreeName(s, parse);
}

/** `市政新聞 中華民國110年10月6日 星期三 第3版`: a name of any kind, then a full date and a page or weekday. */
function readWithFreeName(s: string, parse: (at: number) => MastheadLine | undefined): MastheadLine | undefined {
  const name = FREE_NAME.exec(s);
  if (!name) return undefined;
  for (let len = Math.min(name[0].length, 10); len >= 2; len--) {
    const rest = parse(len);
    if (!rest?.date) continue;
    if (rest.parts.includes('page') || rest.parts.includes('weekday')) return { parts: ['paper', ...rest.parts], date: rest.date };
  }
  return undefined;
}

interface Unit {
  from: number;
  /** Exclusive. */
  to: number;
  read: MastheadLine;
}

/**
 * The page-furniture lines of a page and the issue date they print. A header broken over two lines
 * (`高新区报 2021年1月` / `15日 星期五`) is read as one.
 */
export function findMasthead(lines: string[]): Masthead {
  const blank = (i: number) => lines[i].trim() === '';
  const units: Unit[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (blank(i)) continue;
    const read = readMastheadLine(lines[i]);
    if (read) {
      units.push({ from: i, to: i + 1, read });
      continue;
    }
    // Only a date cut in two is worth rejoining; any other cut leaves two lines that read on their own.
    if (i + 1 < lines.length && !blank(i + 1)) {
      const joined = readMastheadLine(`${lines[i].trim()} ${lines[i + 1].trim()}`);
      if (joined?.date && readMastheadLine(lines[i + 1])?.date === undefined) {
        units.push({ from: i, to: i + 2, read: joined });
        i++;
      }
    }
  }
  if (units.length === 0) return { lines: [] };

  const nonBlank = lines.flatMap((l, i) => (l.trim() === '' ? [] : [i]));
  const first = nonBlank[0];
  const last = nonBlank[nonBlank.length - 1];
  // Runs of units with nothing but blank lines between them.
  const runs: Unit[][] = [];
  for (const u of units) {
    const run = runs[runs.length - 1];
    const prev = run?.[run.length - 1];
    if (prev && lines.slice(prev.to, u.from).every((l) => l.trim() === '')) run.push(u);
    else runs.push([u]);
  }

  const out: Masthead = { lines: [] };
  for (const run of runs) {
    const parts = new Set(run.flatMap((u) => u.read.parts));
    const anchored = parts.has('date') || parts.has('page');
    const atEdge = run[0].from === first || run[run.length - 1].to - 1 === last;
    if (!anchored || (parts.size < 2 && !atEdge)) continue;
    for (const u of run) {
      for (let i = u.from; i < u.to; i++) out.lines.push(i);
      out.date ??= u.read.date;
    }
  }
  return out;
}
