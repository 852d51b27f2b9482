/**
 * Numbers written in Chinese numerals or English words, and back: one parser for the dates, filters
 * and ordinals that need them.
 */

/** The Chinese digits, with each zero form and both forms of 两 (2, but never inside a longer number). */
export const CHINESE_DIGITS: Readonly<Record<string, number>> = {
  〇: 0,
  零: 0,
  '○': 0,
  一: 1,
  二: 2,
  两: 2,
  兩: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const DIGITS = CHINESE_DIGITS;
const UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };

/** The characters a Chinese numeral (below 十万) is written with. */
export const CHINESE_NUMERAL_CHARS = '〇零○一二两兩三四五六七八九十拾百佰千仟万萬廿卅';

/**
 * `36` → 36, `三十六` → 36, `十` → 10, `一千零一十五` → 1015, `两百` → 200, `廿一` → 21, `二〇二一` → 2021
 * (digit by digit when no unit is written), `一万二千` → 12000; undefined for anything else.
 */
export function parseChineseNumber(text: string): number | undefined {
  const s = text.replace(/\s+/g, '').replace(/^廿/, '二十').replace(/^卅/, '三十');
  if (!s) return undefined;
  if (/^[0-9]+$/.test(s)) return Number(s);
  if (![...s].every((c) => c in DIGITS || c in UNITS || c === '万' || c === '萬')) return undefined;
  if (![...s].some((c) => c in UNITS || c === '万' || c === '萬')) {
    // Digit by digit (二〇二一); a lone 两 is 2, but 两 is never a digit of a longer number.
    if (s.length > 1 && /[两兩]/.test(s)) return undefined;
    return [...s].reduce((n, c) => n * 10 + DIGITS[c], 0);
  }
  const wan = s.split(/[万萬]/);
  if (wan.length > 2) return undefined;
  if (wan.length === 2) {
    const high = wan[0] ? parseChineseNumber(wan[0]) : 1;
    const low = wan[1] ? parseBelowWan(wan[1]) : 0;
    return high === undefined || low === undefined ? undefined : high * 10000 + low;
  }
  return parseBelowWan(s);
}

/** 一千零一十五 → 1015; each unit at most once and in descending order. */
function parseBelowWan(s: string): number | undefined {
  let total = 0;
  let digit: number | undefined;
  let lastUnit = Infinity;
  for (const c of s) {
    if (c in DIGITS) {
      if (digit !== undefined && digit !== 0) return undefined;
      digit = DIGITS[c];
      continue;
    }
    const unit = UNITS[c];
    if (unit === undefined || unit >= lastUnit) return undefined;
    // 十五: the 一 before 十 may be left out (only at the start).
    if (digit === undefined) {
      if (unit !== 10 || total !== 0) return undefined;
      digit = 1;
    }
    total += digit * unit;
    lastUnit = unit;
    digit = undefined;
  }
  return total + (digit ?? 0);
}

const CN = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 36 → 三十六, 10 → 十, 105 → 一百零五, 1015 → 一千零一十五 (below 10000; else the digits). */
export function toChineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 10000) return String(n);
  if (n === 0) return '零';
  if (n < 20 && n >= 10) return '十' + (n % 10 ? CN[n % 10] : '');
  const parts: string[] = [];
  const units: Array<[number, string]> = [
    [1000, '千'],
    [100, '百'],
    [10, '十'],
    [1, ''],
  ];
  let zero = false;
  let started = false;
  for (const [u, name] of units) {
    const d = Math.floor(n / u) % 10;
    if (d === 0) {
      if (started) zero = true;
      continue;
    }
    if (zero) parts.push('零');
    zero = false;
    started = true;
    parts.push(CN[d] + name);
  }
  return parts.join('');
}

const ENGLISH_ONES: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const ENGLISH_ORDINAL_ONES: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
};
const ENGLISH_TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const ENGLISH_ORDINAL_TENS: Record<string, number> = {
  twentieth: 20,
  thirtieth: 30,
  fortieth: 40,
  fiftieth: 50,
  sixtieth: 60,
  seventieth: 70,
  eightieth: 80,
  ninetieth: 90,
};

const TENS_WORD = Object.keys(ENGLISH_TENS).join('|');
const ORDINAL_UNIT_WORD = [...Object.keys(ENGLISH_ORDINAL_ONES)].join('|');
const ORDINAL_TENS_WORD = Object.keys(ENGLISH_ORDINAL_TENS).join('|');

/**
 * English ordinals in a text: `36th`, `1st`, `thirty-sixth`, `thirty sixth`, `fourth`, `twentieth`.
 * Each with its position, so the caller can read the noun after it.
 */
export const ENGLISH_ORDINAL = new RegExp(
  `\\b(?:(\\d{1,4})(?:st|nd|rd|th)|(?:(${TENS_WORD})[\\s-]?)?(${ORDINAL_UNIT_WORD})|(${ORDINAL_TENS_WORD}))\\b`,
  'gi',
);

export interface EnglishOrdinal {
  value: number;
  text: string;
  index: number;
}

export function englishOrdinals(text: string): EnglishOrdinal[] {
  const out: EnglishOrdinal[] = [];
  for (const m of text.matchAll(ENGLISH_ORDINAL)) {
    let value: number;
    if (m[1]) value = Number(m[1]);
    else if (m[4]) value = ENGLISH_ORDINAL_TENS[m[4].toLowerCase()];
    else value = (m[2] ? ENGLISH_TENS[m[2].toLowerCase()] : 0) + ENGLISH_ORDINAL_ONES[m[3].toLowerCase()];
    out.push({ value, text: m[0], index: m.index ?? 0 });
  }
  return out;
}

/** `thirty-six` → 36, `twelve` → 12 (cardinals, for completeness of the English side). */
export function englishCardinal(word: string): number | undefined {
  const w = word.toLowerCase().trim();
  if (/^\d+$/.test(w)) return Number(w);
  if (w in ENGLISH_ONES) return ENGLISH_ONES[w];
  const m = new RegExp(`^(${TENS_WORD})(?:[\\s-](\\w+))?$`).exec(w);
  if (!m) return undefined;
  const ones = m[2] ? ENGLISH_ONES[m[2]] : 0;
  return ones === undefined || ones >= 10 ? undefined : ENGLISH_TENS[m[1]] + ones;
}
