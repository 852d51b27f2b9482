/**
 * Cutting text to Discord's limits without breaking it: at sentence ends when possible, then at
 * clause or space boundaries, and never inside a surrogate pair. Bold markers cut in two are closed
 * and reopened so every piece renders on its own.
 */
import { COLONS, COMMAS, ENUMERATION_COMMA, SENTENCE_BREAK, classOf } from '../text/punctuation.ts';
import { isHighSurrogate } from '../text/surrogates.ts';

/** Characters after which a cut reads naturally, strongest first: sentence ends, then clause ends, spaces and some closers. */
const SENTENCE_END = SENTENCE_BREAK;
const CLAUSE_END = classOf(COMMAS, ENUMERATION_COMMA, COLONS, '\\s）)」』”');

/** The longest prefix length ≤ max that ends neither inside a surrogate pair nor inside a Markdown escape. */
function safeCut(text: string, max: number): number {
  if (max >= text.length) return text.length;
  let cut = isHighSurrogate(text.charCodeAt(max - 1)) ? max - 1 : max;
  // An escape (`\*`) cut in two would leave its marker live at the start of the next piece.
  let slashes = 0;
  while (slashes < cut && text[cut - 1 - slashes] === '\\') slashes++;
  if (slashes % 2 === 1) cut--;
  return cut;
}

/** Where to cut `text` so the head is at most `max` long: after the last sentence end, else clause end, else hard. */
function cutPoint(text: string, max: number): number {
  const hard = safeCut(text, max);
  // Only accept a boundary in the later half, so pieces don't become tiny.
  const floor = Math.floor(hard / 2);
  for (const pattern of [SENTENCE_END, CLAUSE_END]) {
    for (let i = hard - 1; i >= floor; i--) {
      if (pattern.test(text[i]!)) return i + 1;
    }
  }
  return Math.max(hard, 1);
}

const BOLD = /(?<!\\)\*\*/g;

function hasOpenBold(text: string): boolean {
  return (text.match(BOLD)?.length ?? 0) % 2 === 1;
}

/** Splits text into pieces of at most `max` UTF-16 units, at the most natural boundaries. */
export function splitText(text: string, max: number): string[] {
  if (max < 8) throw new RangeError('max too small to split sensibly');
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    // Leave room to close a bold span that the cut interrupts.
    let head = rest.slice(0, cutPoint(rest, max - 2));
    rest = rest.slice(head.length);
    if (hasOpenBold(head)) {
      head += '**';
      rest = '**' + rest;
    }
    head = head.trimEnd();
    if (head) pieces.push(head);
    rest = rest.replace(/^\s+/, '');
  }
  if (rest.trim()) pieces.push(rest);
  return pieces;
}

/** Shortens text to at most `max` units, at a natural boundary, ending with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let head = text.slice(0, cutPoint(text, max - 3)).trimEnd();
  if (hasOpenBold(head)) head += '**';
  return head + '…';
}
