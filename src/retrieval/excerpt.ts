/**
 * Excerpts: at most 200 characters of an article body around a supporting span, widened evenly on
 * both sides and cut at sentence or clause boundaries where possible, never inside a surrogate pair.
 */
import { CLAUSE_BREAK as CLAUSE_END, SENTENCE_BREAK as SENTENCE_END } from '../text/punctuation.ts';
import { isHighSurrogate, isLowSurrogate } from '../text/surrogates.ts';

export const MAX_EXCERPT = 200;

/** Moves an offset off the middle of a surrogate pair (backwards). */
function safeBoundary(text: string, i: number): number {
  if (i > 0 && i < text.length && isLowSurrogate(text.charCodeAt(i)) && isHighSurrogate(text.charCodeAt(i - 1))) return i - 1;
  return i;
}

/**
 * Start of the excerpt in [lo, hi] (hi = the support's start): after a sentence end if that keeps
 * at least half the room before the support, else after a clause end, else `lo` itself.
 */
function snapStart(body: string, lo: number, hi: number): number {
  if (lo <= 0) return 0;
  const limit = lo + Math.floor((hi - lo) / 2);
  for (const re of [SENTENCE_END, CLAUSE_END]) {
    for (let i = lo; i <= limit; i++) if (re.test(body[i - 1])) return i;
  }
  return safeBoundary(body, lo);
}

/** The earliest sentence start in [lo, hi], else the earliest clause start, else `hi`. */
function reachBack(body: string, lo: number, hi: number): number {
  if (lo === 0) return 0;
  for (const re of [SENTENCE_END, CLAUSE_END]) {
    for (let i = lo; i < hi; i++) if (re.test(body[i - 1])) return i;
  }
  return hi;
}

/** End of the excerpt in [lo, hi] (lo = the support's end), mirroring `snapStart`. */
function snapEnd(body: string, lo: number, hi: number): number {
  if (hi >= body.length) return body.length;
  const limit = hi - Math.floor((hi - lo) / 2);
  for (const re of [SENTENCE_END, CLAUSE_END]) {
    for (let i = hi; i >= limit && i > 0; i--) if (re.test(body[i - 1])) return i;
  }
  return safeBoundary(body, hi);
}

export interface ExcerptSpan {
  start: number;
  end: number;
}

/**
 * The excerpt window for support [start, end) of `body`: at most `max` characters. A support longer
 * than `max` is cut around its `focus` offset (default: its middle).
 */
export function excerptSpan(body: string, start: number, end: number, max = MAX_EXCERPT, focus?: number): ExcerptSpan {
  if (end - start >= max) {
    const centre = focus ?? Math.floor((start + end) / 2);
    let s = Math.max(start, Math.min(centre - Math.floor(max / 2), end - max));
    s = safeBoundary(body, s);
    let e = safeBoundary(body, Math.min(s + max, body.length));
    const snappedS = snapStart(body, s, s + Math.floor(max / 5));
    if (snappedS > s && snappedS < centre) s = snappedS;
    const snappedE = snapEnd(body, e - Math.floor(max / 5), e);
    if (snappedE < e && snappedE > centre) e = snappedE;
    return { start: s, end: e };
  }
  const spare = max - (end - start);
  let left = Math.floor(spare / 2);
  let right = spare - left;
  // Give unused room on one side to the other.
  if (start - left < 0) {
    right += left - start;
    left = start;
  }
  if (end + right > body.length) {
    left += end + right - body.length;
    right = body.length - end;
    left = Math.min(left, start);
  }
  let s = Math.max(0, start - left);
  let e = Math.min(body.length, end + right);
  s = snapStart(body, s, start);
  e = snapEnd(body, end, e);
  // Snapping only shrinks; let the end use the freed room when it can stop at a boundary there.
  const room = max - (e - s);
  if (room > 1 && e < body.length) {
    const hi = Math.min(body.length, e + room);
    const e2 = snapEnd(body, e, hi);
    if (e2 === body.length || SENTENCE_END.test(body[e2 - 1]) || CLAUSE_END.test(body[e2 - 1])) e = e2;
  }
  // ...and the start too, when the end could not take it: the subject a passage leaves implicit
  // often sits just before it (measured: drcd-dev first excerpt +2 questions, others unchanged).
  const back = max - (e - s);
  if (back > 1 && s > 0) s = reachBack(body, Math.max(0, s - back), s);
  return { start: safeBoundary(body, s), end: safeBoundary(body, e) };
}

/** The excerpt text, with line breaks folded to spaces and edges trimmed; offsets map via `shift`. */
export function excerptText(body: string, span: ExcerptSpan): { text: string; shift: number } {
  const raw = body.slice(span.start, span.end);
  const lead = raw.length - raw.trimStart().length;
  return { text: raw.trim().replace(/\n/g, ' '), shift: span.start + lead };
}
