/**
 * Answer-type cues: does a passage hold a value of the kind asked (a year, a date, a number with a
 * unit, a person, a place, a list) that the question itself does not already contain?
 */
import { NAME_DOTS } from '../text/han.ts';

export type AnswerType = 'person' | 'title' | 'date' | 'year' | 'number' | 'place' | 'list' | 'span';

const CN_NUM = '零〇一二三四五六七八九十百千万亿两';
const YEAR =
  /(?:\d{2,4}|[零〇一二三四五六七八九]{2,4})\s*年(?!代)|公元(?:前)?\d+|\d{3,4}(?=[—–-]\d{2,4})|\b1\d{3}\b|\b20\d{2}\b|\d+\s*世纪|\d+年代/g;
const DATE = new RegExp(
  `(?:\\d{1,4}|[${CN_NUM}]{1,4})\\s*(?:年|月|日|号|世纪|年代)|(?:春|夏|秋|冬)季|上午|下午|晚上|凌晨|(?:唐|宋|元|明|清|汉|秦|隋|晋)(?:朝|代)|时期|期间|之后|以前|以后|[前后]\\b`,
  'g',
);
const NUMBER = new RegExp(
  `(?:\\d[\\d,.]*|[${CN_NUM}]+)\\s*(?:%|％|万|亿|千|百|余|多|个|人|名|位|次|座|家|所|条|项|种|件|部|台|辆|架|艘|枚|只|头|匹|本|篇|首|届|年|岁|天|小时|分钟|秒|米|公里|千米|公尺|厘米|毫米|英里|英尺|平方|公顷|亩|吨|公斤|千克|克|元|美元|港元|英镑|欧元|倍|层|度|升|票|分|场|局|级|期|季|集|卷|章|亿元|万元)|\\d[\\d,.]*`,
  'g',
);
/** A place name by its ending, or the place field of a minutes header (`地点：本府6楼第2会议室`, form-fields.ts). */
const PLACE =
  /[\u4e00-\u9fff]{1,8}(?:省|市|县|区|镇|乡|村|州|国|岛|山|河|江|湖|海|洋|洲|城|港|路|街|馆|宫|寺|庙|院|大学|学校|公园|机场|车站|地区|半岛|盆地|平原|高原)|(?:地点|会址)\s*[:：]\s*[^。；;\n]{2,40}/g;
/** Transliterated foreign names ("威廉·琼斯") or a title followed by a name. */
const PERSON = new RegExp(
  `[\\u4e00-\\u9fff]{1,6}[${NAME_DOTS}][\\u4e00-\\u9fff]{1,8}|(?:书记|主任|市长|县长|区长|主席|总统|总理|部长|局长|校长|院长|教授|博士|先生|女士|国王|皇帝|将军)[\\u4e00-\\u9fff]{2,3}`,
  'g',
);
const LIST = /[、]|以及|和|及|等/g;
/** A post: the office word that ends a title (书记, 副市长, 局长, 秘书长, 理事长 …). */
const TITLE =
  /[\u4e00-\u9fff]{0,10}(?:书记|主任|主席|秘书长|市长|县长|区长|镇长|乡长|局长|部长|处长|科长|厅长|院长|所长|站长|会长|理事长|议长|委员|常委|专员|主任委员|经理|董事长|校长|检察长|巡视员|调研员|组长|队长|馆长|社长|行长|主编|代表)/g;

const PATTERNS: Partial<Record<AnswerType, RegExp>> = {
  year: YEAR,
  date: DATE,
  number: NUMBER,
  place: PLACE,
  person: PERSON,
  list: LIST,
  title: TITLE,
};

/**
 * The answer type, with question forms the intent rules leave as a plain span: 何年 (literary "which
 * year", frequent in traditional-script questions) asks for a year.
 */
export function refineAnswerType(type: AnswerType, question: string): AnswerType {
  if (type === 'span' && /何年/.test(question)) return 'year';
  return type;
}

/** Values of the asked type found in `text` that do not occur in the question. */
export function cueMatches(type: AnswerType, text: string, question: string, people: readonly string[] = []): string[] {
  const found: string[] = [];
  if (type === 'person') {
    for (const name of people) if (name && text.includes(name) && !question.includes(name)) found.push(name);
  }
  const re = PATTERNS[type];
  if (!re) return found;
  for (const m of text.matchAll(re)) {
    const v = m[0].trim();
    if (v && !question.includes(v)) found.push(v);
  }
  return found;
}

/** A 0–1 cue strength: 1 when the passage has a fresh value of the asked type. */
export function cueScore(type: AnswerType, text: string, question: string, people: readonly string[] = []): number {
  if (type === 'span') return 0;
  const found = cueMatches(type, text, question, people);
  if (found.length === 0) return 0;
  if (type === 'list') return Math.min(1, found.length / 3);
  return 1;
}
