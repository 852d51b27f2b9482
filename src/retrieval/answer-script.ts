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
import type { QuestionScript } from './question/types.ts';
import { CLOSEST_TEXT, NONE_TEXT, type Answer, type Citation } from './types.ts';
import { hasHan, isHanChar } from '../text/han.ts';

type Convert = (text: string) => string;
let toTraditional: Convert | undefined;
let toSimplified: Convert | undefined;

/** Mainland simplified → Taiwan traditional (characters only, no regional phrases). */
export function s2t(text: string): string {
  return (toTraditional ??= OpenCC.Converter({ from: 'cn', to: 'tw' }))(text);
}

/** Share of Han characters that must be traditional-only for a text to count as traditional. */
const TRADITIONAL_SHARE = 0.05;

let traditionalOnly: Set<string> | undefined;

/**
 * The characters that conversion to simplified changes on their own (會, 陸, 後, 臺 …; about 3,100 of
 * the basic CJK block), found once by converting each character of the block (about 0.2 s).
 */
function traditionalChars(): Set<string> {
  if (traditionalOnly) return traditionalOnly;
  const chars: string[] = [];
  for (let c = 0x4e00; c <= 0x9fff; c++) chars.push(String.fromCharCode(c));
  const out = simplify(chars.join('\n')).split('\n');
  traditionalOnly = new Set(out.length === chars.length ? chars.filter((c, i) => out[i] !== c) : []);
  return traditionalOnly;
}

function simplify(text: string): string {
  return (toSimplified ??= OpenCC.Converter({ from: 't', to: 'cn' }))(text);
}

/**
 * Whether a text is in traditional script: a good share of its Han characters exist only in
 * traditional. Simplified text has hardly any (a 乾 of 乾隆), traditional text a fifth or more.
 */
function looksTraditional(text: string): boolean {
  const trad = traditionalChars();
  let han = 0;
  let changed = 0;
  for (const ch of text) {
    if (!isHanChar(ch)) continue;
    han++;
    if (trad.has(ch)) changed++;
  }
  return changed > 0 && changed >= han * TRADITIONAL_SHARE;
}

/**
 * Traditional → mainland simplified, with OpenCC's phrase tables, only for text that is traditional:
 * every simplified answer passes through here, and converting costs about 1 ms for 1,000 characters
 * where the check costs a set look-up a character.
 */
function t2s(text: string): string {
  return looksTraditional(text) ? simplify(text) : text;
}

/**
 * Simplified → traditional, only for text that is not traditional already: converting printed
 * traditional text again is not the identity (the 里 of 里長 becomes 裡), so
 * a traditional report is quoted to a traditional question as printed.
 */
function toTraditionalIfSimplified(text: string): string {
  return looksTraditional(text) ? text : s2t(text);
}

/** The abstention sentence for an English question: its label in English only. */
export const ABSTAIN_TEXT_EN = "The reports don't say.";
export const CLOSEST_TEXT_EN = 'No direct answer in the reports; the closest reports are below.';
const ENGLISH: Record<string, string> = { [NONE_TEXT]: ABSTAIN_TEXT_EN, [CLOSEST_TEXT]: CLOSEST_TEXT_EN };

/** `text` converted, or as it is when there is nothing to convert or the length would change. */
function sameLength(convert: Convert, text: string): string {
  if (!hasHan(text)) return text;
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
  if (script === 'en' || script === 'mixed')
    return answer.abstained && ENGLISH[answer.answer] ? { ...answer, answer: ENGLISH[answer.answer] } : answer;
  if (script !== 'zh-Hant' && script !== 'zh-Hans') return answer;
  const convert: Convert = script === 'zh-Hant' ? toTraditionalIfSimplified : t2s;
  return {
    ...answer,
    answer: convert(answer.answer),
    citations: answer.citations.map((c) => convertCitation(c, convert)),
    related: answer.related.map((c) => convertCitation(c, convert)),
  };
}
