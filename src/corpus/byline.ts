/**
 * Bylines printed at the end of an article: `记者 孙庆辉 高新时报 方宝岭`, `记者 孙庆辉\n高新时报 方宝岭 文/图`.
 *
 * Credit rules (what each person did):
 * - after 记者 / 本报记者 / 实习记者 …: a reporter (the paper's own writer);
 * - after 通讯员 or an outlet name (`高新时报`): a contributor (a writer from outside the paper's staff);
 * - a name followed by 图 / 摄 (or after 摄影 / 摄影记者): a photographer;
 * - a name followed by 文/图: wrote and photographed, so photographer as well as their writing credit.
 */

export interface Byline {
  reporters: string[];
  contributors: string[];
  photographers: string[];
  /** The credit word each writer was printed under: 记者, 通讯员, or the outlet (高新时报). */
  creditedAs: Record<string, string>;
}

const REPORTER_WORDS = ['本报记者', '实习记者', '见习记者', '特约记者', '记者', '本報記者', '實習記者', '見習記者', '特約記者', '記者'];
const CONTRIBUTOR_WORDS = ['特约通讯员', '通讯员', '实习生', '特約通訊員', '通訊員', '實習生'];
/** Desk credits (责任编辑 …) mark a byline line but credit no one in the article's people. */
const DESK_WORDS = ['责任编辑', '責任編輯', '编辑', '編輯', '校对', '校對', '美编', '美編', '版式', '审核', '審核'];
const PHOTO_WORDS = ['摄影记者', '摄影', '图片', '攝影記者', '攝影', '圖片'];
const OUTLET = /^\p{Script=Han}{1,10}(?:报|報|电视台|電視台|融媒体中心|融媒體中心|新闻中心|新聞中心|网|網)$/u;
const MARKERS: Record<string, 'both' | 'photo' | 'text'> = {
  '文/图': 'both',
  '文／图': 'both',
  '图/文': 'both',
  图: 'photo',
  摄: 'photo',
  文: 'text',
  '文/圖': 'both',
  '圖/文': 'both',
  圖: 'photo',
  攝: 'photo',
};
const NAME = /^\p{Script=Han}{2,4}$/u;
/** Words ending in 报 that are verbs or documents, not outlets ("会议通报 王某" is no byline). */
const NOT_OUTLET =
  /(?:通[报報]|[汇匯][报報]|上[报報]|[举舉][报報]|申[报報]|填[报報]|呈[报報]|回[报報]|情[报報]|[预預][报報]|海[报報]|[电電][报報]|捷[报報])$/;

/** "／臺中報導", "/台中报道", " 报道" after the names: where and that the story was filed. */
const REPORTED_FROM = /(?:\s*[／/]\s*\p{Script=Han}{0,8}|\s+)[报報][道導]$/u;

type Kind = 'reporter' | 'contributor' | 'photographer' | 'desk';

interface Token {
  kind: 'role' | 'name' | 'marker';
  value: string;
  role?: Kind;
}

/** Splits a line into role words, names and markers; undefined when the line is not a byline. */
function tokenise(line: string): Token[] | undefined {
  // "记者：孙庆辉" reads like "记者 孙庆辉"; a credit in brackets like one without.
  let t = line
    .trim()
    .replace(/^[（(](.*)[）)]$/, '$1')
    .replace(/(?<=^\S{2,6})[:：]\s*/, ' ');
  // The Taiwan / Hong Kong form names where it was filed: "記者王俊傑／臺中報導", "记者 张华 报道".
  // The place is no name, so it goes before the names are read.
  t = t.replace(REPORTED_FROM, '');
  if (t === '' || t.length > 40 || /[，。；：！？,;:!?、“”]/.test(t)) return undefined;
  const out: Token[] = [];
  for (const part of t.split(/\s+/)) {
    const marker = MARKERS[part];
    if (marker) {
      out.push({ kind: 'marker', value: marker });
      continue;
    }
    const role = roleOf(part);
    if (role) {
      out.push({ kind: 'role', value: role.word, role: role.kind });
      const rest = part.slice(role.word.length);
      if (rest === '') continue;
      if (!NAME.test(rest)) return undefined;
      out.push({ kind: 'name', value: rest });
      continue;
    }
    if (NAME.test(part)) {
      out.push({ kind: 'name', value: part });
      continue;
    }
    return undefined;
  }
  // "记者 某某 …" or "某某 图": a bare list of names is not a byline.
  if (out.length === 0 || (out[0].kind !== 'role' && out[out.length - 1].kind !== 'marker')) return undefined;
  if (!out.some((x) => x.kind === 'name')) return undefined;
  return out;
}

function roleOf(part: string): { word: string; kind: Kind } | undefined {
  for (const w of REPORTER_WORDS) if (part.startsWith(w)) return { word: w, kind: 'reporter' };
  for (const w of CONTRIBUTOR_WORDS) if (part.startsWith(w)) return { word: w, kind: 'contributor' };
  for (const w of PHOTO_WORDS) if (part.startsWith(w)) return { word: w, kind: 'photographer' };
  for (const w of DESK_WORDS) if (part.startsWith(w)) return { word: w, kind: 'desk' };
  if (OUTLET.test(part) && !NOT_OUTLET.test(part)) return { word: part, kind: 'contributor' };
  return undefined;
}

export function isBylineLine(line: string): boolean {
  return tokenise(line) !== undefined;
}

/** A desk credit line (责任编辑 张三): page furniture, not the end of an article. */
export function isDeskLine(line: string): boolean {
  const tokens = tokenise(line);
  return tokens !== undefined && tokens.every((t) => t.kind !== 'role' || t.role === 'desk');
}

/** Reads the credits of one or more byline lines. */
export function parseByline(lines: string[]): Byline {
  const result: Byline = { reporters: [], contributors: [], photographers: [], creditedAs: {} };
  const add = (list: string[], name: string) => {
    if (!list.includes(name)) list.push(name);
  };
  for (const line of lines) {
    const tokens = tokenise(line);
    if (!tokens) continue;
    let role: Kind = 'reporter';
    let word = '记者';
    let group: string[] = [];
    const credit = (names: string[], kind: Kind) => {
      if (kind === 'desk') return;
      for (const n of names) {
        if (kind !== 'photographer' && !result.creditedAs[n]) result.creditedAs[n] = word;
        add(kind === 'reporter' ? result.reporters : kind === 'contributor' ? result.contributors : result.photographers, n);
      }
    };
    const flush = () => {
      credit(group, role);
      group = [];
    };
    for (const tok of tokens) {
      if (tok.kind === 'role') {
        flush();
        role = tok.role ?? 'reporter';
        word = tok.value;
      } else if (tok.kind === 'name') {
        group.push(tok.value);
      } else if (tok.value === 'photo') {
        // "方宝岭 图": the names just credited took the photos instead of writing.
        credit(group, 'photographer');
        group = [];
      } else {
        if (tok.value === 'both') credit(group, 'photographer');
        flush();
      }
    }
    flush();
  }
  return result;
}
