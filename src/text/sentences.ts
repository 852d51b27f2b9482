/** Sentence splitting with offsets, shared by chunking and answer selection. */
import { CLOSERS, COMMAS, ENUMERATION_COMMA, STOPS, codesOf } from './punctuation.ts';

export interface SentenceSpan {
  text: string;
  start: number;
  end: number;
}

/** Sentences longer than this are split again at commas so an excerpt can hold one. */
export const MAX_SENTENCE = 300;

const NEWLINE = 0x0a;
const FULL_STOP = 0x2e;

/** 。！？!? and the full-width ； end a sentence wherever they stand (an ASCII ; does not). */
const HARD_END = codesOf(STOPS, '；');
/** Closing quotes and brackets stay with the sentence they follow. */
const CLOSER = codesOf(CLOSERS);
/** Commas (，,、 and the full-width ：) where an over-long sentence may be cut. */
const SOFT_BREAK = codesOf(COMMAS, ENUMERATION_COMMA, '：');

const isHardEnd = (c: number) => HARD_END.has(c);
const isCloser = (c: number) => CLOSER.has(c);
const isSoftBreak = (c: number) => SOFT_BREAK.has(c);

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x3000 || c === NEWLINE;
}

/**
 * Splits at Chinese sentence ends (with their closing quotes), a Western `.` before a space or the end,
 * `!` `?` anywhere, and newlines. Offsets index into `text`; sentences are trimmed and never empty.
 */
export function splitSentences(text: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  const n = text.length;
  let start = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === NEWLINE) {
      push(text, start, i, out);
      start = i + 1;
      continue;
    }
    if (!isHardEnd(c) && c !== FULL_STOP) continue;
    let j = i + 1;
    while (j < n && isCloser(text.charCodeAt(j))) j++;
    // A Western full stop ends a sentence only before a space or the end (not in 3.5 or a.b).
    if (c === FULL_STOP && j < n && !isSpace(text.charCodeAt(j))) continue;
    push(text, start, j, out);
    start = j;
    i = j - 1;
  }
  push(text, start, n, out);
  return out;
}

function push(text: string, from: number, to: number, out: SentenceSpan[]): void {
  let s = from;
  let e = to;
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  if (s >= e) return;
  // Too long for one excerpt: cut after the last comma that keeps the piece within the limit.
  while (e - s > MAX_SENTENCE) {
    let cut = s + MAX_SENTENCE;
    for (let k = s + MAX_SENTENCE; k > s + MAX_SENTENCE / 3; k--) {
      if (isSoftBreak(text.charCodeAt(k - 1))) {
        cut = k;
        break;
      }
    }
    out.push({ text: text.slice(s, cut), start: s, end: cut });
    s = cut;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
  }
  if (s < e) out.push({ text: text.slice(s, e), start: s, end: e });
}
