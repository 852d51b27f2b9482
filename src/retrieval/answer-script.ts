/**
 * Replies in the script of the question: a traditional-Chinese question gets its answer, headlines
 * and excerpts in traditional characters, a simplified question about a traditional report gets them
 * in simplified; English questions keep the Chinese excerpts and get English labels. A pure function
 * over the Answer, for the compose stage.
 *
 * Highlights are offsets into the excerpts, so an excerpt is converted only when the conversion keeps
 * every character in place (OpenCC's character and phrase tables map one to one almost always; a
 * phrase rule that changes the length leaves the excerpt as printed).
 */
import * as OpenCC from 'opencc-js';
import { ABSTAIN_TEXT } from './abstain.ts';
import type { QuestionScript } from './question/types.ts';
import type { Answer, Citation } from './types.ts';

type Convert = (text: string) => string;
let toTraditional: Convert | undefined;
let toSimplified: Convert | undefined;

/** Mainland simplified → Taiwan traditional (characters only, no regional phrases). */
function s2t(text: string): string {
  return (toTraditional ??= OpenCC.Converter({ from: 'cn', to: 'tw' }))(text);
}
/**
 * Traditional → mainland simplified. From 'hk': the same characters as from 't' on the development
 * reports (Taiwan, Hong Kong and Macau; 衞 → 卫 only from 'hk') at a thirtieth of the time (0.04 ms
 * against 1.1 ms for 1,000 characters), which matters as every simplified answer passes through it.
 */
function t2s(text: string): string {
  return (toSimplified ??= OpenCC.Converter({ from: 'hk', to: 'cn' }))(text);
}

/** The abstention sentence for an English question: its label in English only. */
export const ABSTAIN_TEXT_EN = "The reports don't say.";

const HAN = /\p{Script=Han}/u;

/** `text` converted, or as it is when there is nothing to convert or the length would change. */
function sameLength(convert: Convert, text: string): string {
  if (!HAN.test(text)) return text;
  const out = convert(text);
  return out.length === text.length ? out : text;
}

function convertCitation(c: Citation, convert: Convert): Citation {
  const excerpt = sameLength(convert, c.excerpt);
  return {
    ...c,
    headline: convert(c.headline),
    ...(c.meeting !== undefined ? { meeting: convert(c.meeting) } : {}),
    excerpt,
  };
}

/**
 * The answer in the question's script: 'zh-Hant' → traditional, 'zh-Hans' → simplified (a report in
 * traditional quoted to a simplified question), 'en' → the abstention in English (the excerpts stay
 * as printed: they are the evidence, and a reader of English gets them with English labels around).
 * 'mixed' (an English sentence with Chinese words) as English. Returns a new Answer; the input is not changed.
 */
export function inScriptOf(answer: Answer, script: QuestionScript): Answer {
  if (script === 'en' || script === 'mixed') return answer.abstained && answer.answer === ABSTAIN_TEXT ? { ...answer, answer: ABSTAIN_TEXT_EN } : answer;
  if (script !== 'zh-Hant' && script !== 'zh-Hans') return answer;
  const convert: Convert = script === 'zh-Hant' ? s2t : t2s;
  return {
    ...answer,
    answer: convert(answer.answer),
    citations: answer.citations.map((c) => convertCitation(c, convert)),
    related: answer.related.map((c) => convertCitation(c, convert)),
  };
}
