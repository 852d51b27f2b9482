/**
 * Question understanding: validate → normalise → (translate if English) → intent. Pure apart from
 * loading the lexicon once, on the first English question.
 */
import { analyseQuestion } from './intent.ts';
import { loadLexicon, type Lexicon } from './lexicon.ts';
import { normaliseQuestion } from './normalise.ts';
import type { PinyinNameIndex } from './pinyin-names.ts';
import { translateQuestion } from './translate.ts';
import type { UnderstoodQuestion } from './types.ts';
import { checkQuestion } from './validate.ts';
import { hanRuns } from '../../text/han.ts';

/** `names`: the reports' names by pinyin, so an English question's `Zhu Long` searches for 朱龙. */
export function understand(raw: string, lexicon?: Lexicon, names?: PinyinNameIndex): UnderstoodQuestion {
  const original = checkQuestion(raw);
  const { text: normalised, script } = normaliseQuestion(original);
  const intent = analyseQuestion(normalised);
  if (script !== 'en' && script !== 'mixed') {
    return { original, text: normalised, script, kept: [], groups: [], intent };
  }
  const { terms, kept, groups, names: named } = translateQuestion(original, lexicon ?? loadLexicon(), names ? { names } : {});
  // Chinese words inside an English question (names, places) are the most precise terms there are.
  const chinese = script === 'mixed' ? hanRuns(normalised) : [];
  return {
    original,
    text: [...chinese, ...terms, ...kept].join(' '),
    script,
    kept,
    groups,
    ...(chinese.length ? { han: chinese } : {}),
    ...(named.length ? { names: named } : {}),
    intent,
  };
}

export { checkQuestion, MAX_QUESTION_CHARS, MESSAGES as QUESTION_MESSAGES } from './validate.ts';
export { normaliseQuestion, type NormalisedQuestion } from './normalise.ts';
export { translateQuestion, type Translation, type TranslateOptions } from './translate.ts';
export { analyseQuestion } from './intent.ts';
export { parseFilters } from './filters.ts';
export { pinyinNameIndex, matchPinyinNames, type PinyinNameIndex } from './pinyin-names.ts';
export { conflictingOrdinals } from './ordinals.ts';
export { ordinalMentions, ordinalSearchTerms, type OrdinalMention } from '../../text/ordinals.ts';
export { loadLexicon, lexiconFromEntries, DEFAULT_LEXICON_PATH, type Lexicon } from './lexicon.ts';
export type * from './types.ts';
