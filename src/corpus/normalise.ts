/** Text normalisation shared by every reader: Unicode form, odd spaces, and OCR spacing around Chinese. */

const HAN = '\\p{Script=Han}';
/** CJK and full-width punctuation, plus the curly quotes Chinese text uses. */
const WIDE_PUNCT = '\\u3000-\\u303F\\uFF00-\\uFFEF“”‘’…—·';
const WIDE = `${HAN}${WIDE_PUNCT}`;

const SPACE_BETWEEN_WIDE = new RegExp(`(?<=[${WIDE}])[ \\t]+(?=[${WIDE}0-9])`, 'gu');
const SPACE_DIGIT_WIDE = new RegExp(`(?<=[0-9])[ \\t]+(?=[${WIDE}])`, 'gu');
const SPACE_AROUND_PUNCT = new RegExp(`[ \\t]+(?=[${WIDE_PUNCT}])|(?<=[${WIDE_PUNCT}])[ \\t]+`, 'gu');
/** OCR reads a full-width comma between Chinese words as ", ". */
const ASCII_COMMA_IN_HAN = new RegExp(`(?<=[${HAN}]) ?, ?(?=[${HAN}])`, 'gu');

/** NFC, Windows line ends, full-width and no-break spaces as plain spaces, control characters dropped. */
export function normaliseUnicode(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u3000\u00A0\u2000-\u200A\u202F\u205F\t]/g, ' ')
    .replace(/[\u200B-\u200D\uFEFF\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
}

/**
 * Removes the spaces OCR puts between Chinese characters and digits (`1月 12日`, `第 27次`, `2021 年度`)
 * while keeping spaces between Latin words.
 */
export function tightenSpacing(line: string): string {
  return line
    .replace(SPACE_BETWEEN_WIDE, '')
    .replace(SPACE_DIGIT_WIDE, '')
    .replace(SPACE_AROUND_PUNCT, '')
    .replace(ASCII_COMMA_IN_HAN, '，')
    .replace(/ {2,}/g, ' ');
}

/** Cheap whole-document normalisation for bulk archives: Unicode, spacing, at most one blank between paragraphs. */
export function normaliseDocument(text: string): string {
  return tightenSpacing(normaliseUnicode(text))
    .replace(/ *\n[ \n]*/g, '\n')
    .trim();
}

export const HAN_CHAR = new RegExp(`[${HAN}]`, 'u');
