/** Sentence splitting with offsets, shared by chunking and answer selection. */

export interface SentenceSpan {
  text: string;
  start: number;
  end: number;
}

/** Sentences longer than this are split again at commas so an excerpt can hold one. */
export const MAX_SENTENCE = 300;

const CJK_END = new Set(['。', '！', '？', '；', '!', '?']);
const CLOSERS = new Set(['”', '’', '」', '』', '"', "'", '）', ')', '》', '】']);
const SOFT_BREAKS = new Set(['，', '、', ',', '：']);

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\r' || ch === '\u3000';
}

/** Splits at Chinese sentence ends (with their closing quotes), Western `.` before a space (`!` `?` anywhere), and newlines. */
export function splitSentences(text: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  let start = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const ch = text[i];
    let cut = -1;
    if (ch === '\n') cut = i;
    else if (CJK_END.has(ch) || ch === '.') {
      // "？”" and "。）" belong to the sentence they close.
      let j = i + 1;
      while (j < n && CLOSERS.has(text[j])) j++;
      // A Western full stop ends a sentence only before a space or the end (not in 3.5 or a.b).
      if (ch === '.' && j < n && !isSpace(text[j]) && text[j] !== '\n') continue;
      cut = j;
      i = j - 1;
    }
    if (cut >= 0) {
      push(text, start, cut, out);
      start = ch === '\n' ? cut + 1 : cut;
    }
  }
  push(text, start, n, out);
  return out;
}

function push(text: string, from: number, to: number, out: SentenceSpan[]): void {
  let s = from;
  let e = to;
  while (s < e && (isSpace(text[s]) || text[s] === '\n')) s++;
  while (e > s && (isSpace(text[e - 1]) || text[e - 1] === '\n')) e--;
  if (s >= e) return;
  if (e - s <= MAX_SENTENCE) {
    out.push({ text: text.slice(s, e), start: s, end: e });
    return;
  }
  // Too long for one excerpt: cut after the last comma that keeps the piece within the limit.
  while (e - s > MAX_SENTENCE) {
    let cut = -1;
    for (let k = s + MAX_SENTENCE; k > s + MAX_SENTENCE / 3; k--) {
      if (SOFT_BREAKS.has(text[k - 1])) {
        cut = k;
        break;
      }
    }
    if (cut < 0) cut = s + MAX_SENTENCE;
    out.push({ text: text.slice(s, cut), start: s, end: cut });
    s = cut;
    while (s < e && isSpace(text[s])) s++;
  }
  if (s < e) out.push({ text: text.slice(s, e), start: s, end: e });
}
