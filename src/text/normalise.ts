/** Text normalisation shared by every reader: Unicode form, odd spaces, and OCR spacing around Chinese. */
import { isHanCodeUnit as isHan } from './han.ts';

/** CJK and full-width punctuation, plus the curly quotes, ellipsis and dashes Chinese text uses. */
function isWidePunct(c: number): boolean {
  return (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x2010 && c <= 0x2027) || c === 0xb7;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

const ODD_SPACE_OR_CONTROL = /[\u3000\u00A0\u2000-\u200A\u202F\u205F\t\u200B-\u200D\uFEFF\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/**
 * A pinyin reading in brackets right after a character (`統(tǒng)籌`, `建設(shè)`): pages converted between
 * the scripts by some sites print one after every character whose conversion is ambiguous, which
 * splits every word it touches. A syllable with a tone mark is never report text.
 */
const PINYIN_GLOSS = /(?<=\p{Script=Han})\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\)/gu;

/** NFC, Windows line ends, pinyin glosses dropped, full-width and no-break spaces as plain spaces, control characters dropped. */
export function normaliseUnicode(text: string): string {
  let t = text.normalize('NFC');
  if (t.includes('\r')) t = t.replace(/\r\n?/g, '\n');
  if (t.includes('(')) t = t.replace(PINYIN_GLOSS, '');
  return t.replace(ODD_SPACE_OR_CONTROL, (ch) => (/[\u3000\u00A0\u2000-\u200A\u202F\u205F\t]/.test(ch) ? ' ' : ''));
}

/** Whether a run of spaces between `left` and `right` is OCR noise rather than a word separator. */
function spaceIsNoise(left: number, right: number): boolean {
  if (isWidePunct(left) || isWidePunct(right)) return true;
  if (isHan(left)) return isHan(right) || isDigit(right);
  return isDigit(left) && isHan(right);
}

/**
 * Removes the spaces OCR puts between Chinese characters and digits (`1月 12日`, `第 27次`, `2021 年度`)
 * while keeping (single) spaces between Latin words; `会, 传达` becomes `会，传达`.
 * Scans only for spaces and commas, so text without them costs one pass.
 */
export function tightenSpacing(line: string): string {
  let out = line;
  if (out.includes(' ')) {
    out = out.replace(/ +/g, (run, at: number, s: string) => {
      if (at === 0 || at + run.length >= s.length) return ' ';
      return spaceIsNoise(s.charCodeAt(at - 1), s.charCodeAt(at + run.length)) ? '' : ' ';
    });
  }
  if (out.includes(',')) {
    out = out.replace(/ ?, ?/g, (m, at: number, s: string) =>
      at > 0 && isHan(s.charCodeAt(at - 1)) && isHan(s.charCodeAt(at + m.length)) ? '，' : m,
    );
  }
  return out;
}

/**
 * Cheap whole-document normalisation for bulk archives: Unicode, odd spaces, runs of spaces collapsed,
 * no blank lines between paragraphs. Spaces beside Chinese are kept: archives are typed, not OCR'd,
 * and their question sets quote spans verbatim.
 */
export function normaliseDocument(text: string): string {
  let t = normaliseUnicode(text);
  if (t.includes('  ')) t = t.replace(/ {2,}/g, ' ');
  if (t.includes('\n')) t = t.replace(/ *\n[ \n]*/g, '\n');
  return t.trim();
}
