/**
 * Content words of a question that occur nowhere in the reports: a person, place or topic the
 * reports do not cover ("市长", "财政收入"). A strong abstention signal when little else matches.
 */
import { segmentWords } from '../index/analyser.ts';

/** Words that frame a question rather than name its topic. */
const FRAME_WORDS = new Set(
  '什么 什么样 为什么 哪些 哪个 哪里 哪儿 哪位 哪一 多少 怎么 怎样 怎么样 如何 是否 时候 请问 今年 去年 明年 当时 目前 现在 主要 一般 有关 关于 进行 一个 一些 可以 应该 应当 需要 负责 位置 方面 情况 内容'.split(' '),
);
const HAN_WORD = /^\p{Script=Han}{2,}$/u;
/** Words holding a question word (哪一年, 何年, 甚么, 哪一位) ask rather than name a topic. */
const ASKING = /[哪何谁]|什么|甚么|多少|几/;
// The cut is dictionary-only: an HMM-guessed fragment is no evidence that the reports miss a topic
// (measured: drcd-dev false abstention 0.43% → 0.37%).

/**
 * Question words (search form) of two or more Han characters that the reports do not contain:
 * `corpus` is their whole text, or a look-up saying whether a word occurs in it.
 */
export function missingWords(question: string, corpus: string | ((word: string) => boolean)): string[] {
  const occurs = typeof corpus === 'string' ? (w: string) => corpus.includes(w) : corpus;
  const out: string[] = [];
  for (const w of segmentWords(question)) {
    if (!HAN_WORD.test(w) || FRAME_WORDS.has(w) || ASKING.test(w) || out.includes(w)) continue;
    if (!occurs(w)) out.push(w);
  }
  return out;
}

/**
 * A place, or a place's party committee, by its suffix (上海市, 河南省委): the stem names which one.
 * Bodies (财政局, 林业局) are left out: their names are generic and reports word them variously.
 */
const NAMED_PLACE = /^(\p{Script=Han}{2,})(?:省委|市委|县委|区委|省|市|县|区|镇|乡|村)$/u;
/** Generic nouns in 区 (地区, 社区, 辖区…): no particular place. */
const GENERIC_AREA = /[地社园城市辖山郊景学]区$/u;

/**
 * The absent words that settle it, whatever else matches: a place whose name the reports never
 * print (上海市 when they never mention 上海). Other absent words (a verb, a paraphrase) only count
 * when little else of the question matches.
 */
export function decisiveAbsences(missing: readonly string[], occurs: (word: string) => boolean): string[] {
  return missing.filter((w) => {
    const named = NAMED_PLACE.exec(w);
    return named !== null && !GENERIC_AREA.test(w) && !occurs(named[1]);
  });
}

/**
 * An ordinal naming which one: a session (第4次区务会议, 第五次集体学习), a term (第二届), a period
 * (第三季度). Occurrences (第一次来到) and ranks (第五名) are left out: they are what questions ask.
 */
const ORDINAL = /第\s*([0-9]{1,3}|[一二三四五六七八九十]{1,3})\s*(次(?=\p{Script=Han}{0,8}?(?:会议|会|学习))|届|期|季度|季|批|轮)/gu;
const DIGIT: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 4 → 4, 四 → 4, 十二 → 12, 二十 → 20. */
function ordinalValue(n: string): number {
  if (/^[0-9]+$/.test(n)) return Number(n);
  const [tens, ones] = n.includes('十') ? n.split('十') : ['0', n];
  return (tens === '' ? 1 : (DIGIT[tens] ?? 0)) * 10 + (ones === '' ? 0 : (DIGIT[ones] ?? 0));
}

/**
 * Ordinals of the question that the answering article prints only with other numbers: asked about
 * the 第4次 meeting or the 第三季度, it reports the 第3次 or the 第二季度 — another event, however well
 * the rest of the question matches. `text` is the article in search form.
 */
export function conflictingOrdinals(question: string, text: string): string[] {
  const printed = new Map<string, Set<number>>();
  for (const m of text.matchAll(ORDINAL)) {
    const set = printed.get(m[2]) ?? new Set<number>();
    set.add(ordinalValue(m[1]));
    printed.set(m[2], set);
  }
  const out: string[] = [];
  for (const m of question.matchAll(ORDINAL)) {
    const values = printed.get(m[2]);
    if (values && !values.has(ordinalValue(m[1]))) out.push(m[0].replace(/\s+/g, ''));
  }
  return out;
}
