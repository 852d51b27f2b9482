/**
 * Passages: the sentences of an article body with their offsets, long sentences cut at clause
 * punctuation, so each passage is small enough to be an answer's support and an excerpt's centre.
 */
import { textUnitLookup, type UnitLookup } from '../text/units.ts';
import { isHighSurrogate } from '../text/surrogates.ts';
import { COLONS, COMMAS, ENUMERATION_COMMA, SEMICOLONS, classOf } from '../text/punctuation.ts';

export interface Passage {
  /** Index of the passage within its article. */
  index: number;
  start: number;
  end: number;
  text: string;
  /** The text in search form. */
  norm: string;
  /** Search-form units of the passage text (looked up in `norm`, never listed). */
  units: UnitLookup;
  /**
   * For an item of an enumeration (一是…；二是…, 一要…, 首先…), the index of the passage that introduces
   * it ("王新亭强调，…"): the item leaves its speaker and subject to that passage.
   */
  introducedBy?: number;
}

/** Openings of an enumeration's items. */
const ITEM_START =
  /^(?:[一二三四五六七八九十]是|[一二三四五六七八九十]要|[一二三四五六七八九十]抓|首先|其次|再次|最后|第[一二三四五六七八九十]+[，,、]|[（(][一二三四五六七八九十]+[）)])/;

/** Marks the items of enumerations with the passage that introduces them. */
function markRuns(passages: Passage[]): void {
  for (let i = 1; i < passages.length; i++) {
    if (!ITEM_START.test(passages[i].text.trim())) continue;
    const prev = passages[i - 1];
    passages[i].introducedBy = prev.introducedBy ?? i - 1;
  }
}

/** Longest passage before a sentence is cut at clause punctuation. */
export const MAX_PASSAGE = 140;
const CLAUSE_END = classOf(COMMAS, SEMICOLONS, COLONS, ENUMERATION_COMMA);

/** Cuts [start, end) of `body` at clause punctuation into pieces of at most `max` characters. */
export function cutLong(body: string, start: number, end: number, max = MAX_PASSAGE): Array<[number, number]> {
  if (end - start <= max) return [[start, end]];
  const out: Array<[number, number]> = [];
  let pieceStart = start;
  let lastCut = -1;
  for (let i = start; i < end; i++) {
    if (CLAUSE_END.test(body[i])) lastCut = i + 1;
    if (i + 1 - pieceStart >= max) {
      let cut = lastCut > pieceStart + max / 3 ? lastCut : i + 1;
      // Never split a surrogate pair.
      if (isHighSurrogate(body.charCodeAt(cut - 1))) cut++;
      out.push([pieceStart, cut]);
      pieceStart = cut;
      lastCut = -1;
    }
  }
  if (pieceStart < end) {
    // A short tail belongs with the piece before it.
    const prev = out[out.length - 1];
    if (prev && end - pieceStart < max / 4) prev[1] = end;
    else out.push([pieceStart, end]);
  }
  return out;
}

/** Passages of one article, `normalise` turning raw text into search form for matching. */
export function articlePassages(
  body: string,
  sentences: ReadonlyArray<{ start: number; end: number }>,
  normalise: (t: string) => string,
  max = MAX_PASSAGE,
): Passage[] {
  const spans = sentences.map((x): [number, number] => [x.start, x.end]);
  if (spans.length === 0 && body.trim()) spans.push([0, body.length]);
  const passages: Passage[] = [];
  for (const [s, e] of spans) {
    for (const [a, b] of cutLong(body, s, e, max)) {
      const text = body.slice(a, b);
      const norm = normalise(text);
      passages.push({ index: passages.length, start: a, end: b, text, norm, units: textUnitLookup(norm) });
    }
  }
  markRuns(passages);
  return passages;
}
