/** Turns a raw user message into a question worth searching, or refuses it with a message for the user. */
import { QuestionError } from '../types.ts';

export const MAX_QUESTION_CHARS = 500;

/** Discord markup that names users, roles, channels, commands or custom emoji rather than saying anything. */
const DISCORD_MARKUP = /<@!?\d+>|<@&\d+>|<#\d+>|<\/[\w -]+:\d+>|<a?:\w+:\d+>|@everyone\b|@here\b/g;
/** Unpaired UTF-16 surrogates (broken text from clients or copy-paste). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Format characters (zero-width, bidi controls, BOM, soft hyphen) and variation selectors: invisible. */
const INVISIBLE = /[\p{Cf}\uFE00-\uFE0F]/gu;
/** Control characters; line breaks and tabs become spaces rather than gluing words together. */
const CONTROL = /\p{Cc}/gu;
/** Something that carries meaning: a letter or a digit in any script. */
const MEANINGFUL = /[\p{L}\p{N}]/u;

export const MESSAGES = {
  empty: '问题为空。/ The question is empty.',
  tooLong: `问题太长（最多 ${MAX_QUESTION_CHARS} 个字）。/ The question is too long (at most ${MAX_QUESTION_CHARS} characters).`,
  meaningless: '问题里没有可搜索的文字。/ The question has no words to search for.',
} as const;

/** Returns the cleaned question, or throws QuestionError when it cannot be asked. */
export function checkQuestion(raw: string): string {
  if (typeof raw !== 'string') throw new QuestionError(MESSAGES.empty);
  const cleaned = raw
    .replace(LONE_SURROGATE, '')
    .replace(DISCORD_MARKUP, ' ')
    .replace(INVISIBLE, '')
    .replace(CONTROL, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
  if (cleaned === '') throw new QuestionError(MESSAGES.empty);
  // Count code points, so an emoji or a rare CJK character counts once.
  if ([...cleaned].length > MAX_QUESTION_CHARS) throw new QuestionError(MESSAGES.tooLong);
  if (!MEANINGFUL.test(cleaned)) throw new QuestionError(MESSAGES.meaningless);
  return cleaned;
}
