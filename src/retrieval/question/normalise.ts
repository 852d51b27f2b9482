/** Brings a validated question into the form the index compares (simplified, half-width, lower-case). */
import { toSearchForm } from '../../text/search-form.ts';
import { ENGLISH_STOP_WORDS } from './english-words.ts';
import type { QuestionScript } from './types.ts';
import { countHan } from '../../text/han.ts';
import { foldPunctuation } from '../../text/punctuation.ts';

export interface NormalisedQuestion {
  text: string;
  script: QuestionScript;
}

/** A Han character or CJK punctuation: spaces between two of these are OCR or typing noise. */
const CJK_LIKE = '\\p{Script=Han}\\u3000-\\u303F\\uFF00-\\uFF65';
const SPACE_IN_CJK = new RegExp(`(?<=[${CJK_LIKE}])\\s+(?=[${CJK_LIKE}])`, 'gu');
/** Spaces between Han and the (now half-width) punctuation around it. */
const SPACE_AT_PUNCTUATION = /(?<=\p{Script=Han})\s+(?=[?!,;:。"()])|(?<=[?!,;:。"()])\s+(?=\p{Script=Han})/gu;

/** Characters simplified text also uses that the converter still changes (著名 → 着名): no sign of traditional input. */
const AMBIGUOUS = new Set(['著', '么', '舖', '簷', '霑', '乾', '夥', '於', '瞭', '藉', '餘']);

/** Full-width → half-width, traditional → simplified, lower-case, CJK spacing removed, punctuation unified. */
export function normaliseQuestion(question: string): NormalisedQuestion {
  // Spaces go first: the converter works on phrases, and a lone 么 in "什 么" would become 幺.
  let plain = question.normalize('NFKC').toLowerCase().replace(SPACE_IN_CJK, '');
  plain = foldPunctuation(plain);
  plain = plain.replace(SPACE_AT_PUNCTUATION, '').replace(/\s+/g, ' ').trim();
  const text = toSearchForm(plain);
  return { text, script: detectScript(question, changedTraditional(plain, text)) };
}

function changedTraditional(before: string, after: string): boolean {
  const a = [...before];
  const b = [...after.normalize('NFKC')];
  // The converter maps character for character; if lengths differ, compare nothing and trust inequality.
  if (a.length !== b.length) return before !== after;
  return a.some((ch, i) => ch !== b[i] && !AMBIGUOUS.has(ch));
}

/**
 * English when there is no Han at all; mixed when an English sentence carries Chinese words
 * (several English words including function words); otherwise Chinese, traditional when the
 * conversion to simplified changed something.
 */
function detectScript(question: string, convertedFromTraditional: boolean): QuestionScript {
  const han = countHan(question);
  const words =
    question
      .normalize('NFKC')
      .toLowerCase()
      .match(/[a-z]+/g) ?? [];
  if (han === 0) return words.length > 0 ? 'en' : 'zh-Hans';
  if (words.length >= 3 && words.some((w) => ENGLISH_STOP_WORDS.has(w))) return 'mixed';
  return convertedFromTraditional ? 'zh-Hant' : 'zh-Hans';
}
