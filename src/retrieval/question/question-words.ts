/**
 * Interrogatives and particles (search form: simplified): they say what is asked, never what a
 * passage contains, so both the intent's focus terms and the weighted query units leave them out.
 * Longer forms come first, so 什么时候 goes before 什么 and 多少人 before 多少. "是" alone stays: in
 * 的关键是什么 it anchors the sentence the answer follows. Literary forms (何年, 何处, 甚么) are
 * frequent in traditional-script questions.
 */
import { segmentWords } from '../../index/analyser.ts';

export const QUESTION_WORDS =
  /请问|是不是|各自|分别|有没有|什么时[候间]|什么地方|什么人|什么年份|什么日子|什么样|什么|甚么|为什么|为何|多少[家个位项次名条件场批所座种元天年人]?|几[家个位项次名条件场批所座种元天年人]|几月几[日号]|几号|几|何时|何年|何日|何地|何处|何人|何种|何者|何物|何故|何以|哪一年|哪一天|哪一个|哪一位|哪一|有哪些|哪些|哪个|哪位|哪里|哪儿|哪年|哪天|哪几|哪|是谁|谁|多大|多长|多久|怎么样|怎样|怎么|如何|是否|吗|呢|吧|啊|呀|么/g;

/**
 * The text with its question words replaced by spaces. A question word counts only where a word of
 * the text begins: 多大 asks in 这座城市有多大 but is part of the name in 多伦多大学.
 */
export function withoutQuestionWords(text: string): string {
  const starts = new Set<number>();
  let at = 0;
  for (const w of segmentWords(text)) {
    starts.add(at);
    at += w.length;
  }
  return text.replace(QUESTION_WORDS, (m: string, offset: number) => (starts.has(offset) ? ' ' : m));
}
