/**
 * Content words of a question that occur nowhere in the reports: a person, place or topic the
 * reports do not cover ("市长", "财政收入"). A strong abstention signal when little else matches.
 */
import { segmentWords } from '../index/analyser.ts';

/** Words that frame a question rather than name its topic. */
const FRAME_WORDS = new Set(
  '什么 什么样 为什么 哪些 哪个 哪里 哪儿 哪位 哪一 多少 怎么 怎样 怎么样 如何 是否 时候 请问 今年 去年 明年 当时 目前 现在 主要 一般 有关 关于 进行 一个 一些 可以 应该 应当 需要 负责 位置 方面 情况 内容 职务 职位 身份 官职 头衔 职称 岗位'.split(
    ' ',
  ),
);
const HAN_WORD = /^\p{Script=Han}{2,}$/u;
/** Words holding a question word (哪一年, 何年, 甚么, 哪一位) ask rather than name a topic. */
const ASKING = /[哪何谁]|什么|甚么|多少|几/;
/**
 * A number in Chinese numerals (四十四 in 第四十四次会议): reports may print it in digits (第44次), and
 * numbers are compared by value where they matter (ordinals.ts), so it is no absent topic.
 */
const NUMERAL = /^第?[零〇一二三四五六七八九十百千万两]+[次届屆期批轮輪号]?$/u;
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
    if (!HAN_WORD.test(w) || FRAME_WORDS.has(w) || ASKING.test(w) || NUMERAL.test(w) || out.includes(w)) continue;
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
 * Ordinals of the question that the answering article prints only with other numbers (the 第4次 meeting
 * beside its 第3次, 八届十次 beside 八届九次, 第三季度 beside 第二季度): see question/ordinals.ts.
 */
export { conflictingOrdinals } from './question/ordinals.ts';
