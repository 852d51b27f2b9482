/**
 * Punctuation as named sets of marks, both widths, so every place that asks "does a sentence (or a
 * clause) end here?" builds its test from the same marks. Readers differ on purpose in which sets
 * they count (a paragraph joiner treats ：as final, an excerpt cutter cuts after ；), and each states
 * its choice by composing these sets; the sets themselves are defined only here.
 *
 * Every set is the content of a regular-expression character class: no `]`, `\`, `^` or `-`.
 */

/** Full stops, exclamation and question marks: 。！？!? */
export const STOPS = '。！？!?';
/** ；; */
export const SEMICOLONS = '；;';
/** ：: */
export const COLONS = '：:';
/** ，, (the enumeration comma 、 is separate: it never ends a clause of a sentence in prose). */
export const COMMAS = '，,';
export const ENUMERATION_COMMA = '、';
export const ELLIPSIS = '…';
/** Closing quotes and brackets that belong to the sentence they follow: ” ’ 」 』 " ' ） ) 》 】. */
export const CLOSERS = '”’」』"\'）)》】';

/** A character class of the given sets (and any further class content, e.g. `\\n`, `\\s`). */
export function classOf(...sets: string[]): RegExp {
  return new RegExp(`[${sets.join('')}]`, 'u');
}

/** Where a sentence ends for cutting text (excerpts, Discord pieces, people's sentences): 。！？!?；; and line ends. */
export const SENTENCE_BREAK = classOf(STOPS, SEMICOLONS, '\\n');

/** Where a clause ends for cutting an excerpt: ，,、：: */
export const CLAUSE_BREAK = classOf(COMMAS, ENUMERATION_COMMA, COLONS);

/** The UTF-16 codes of a set of (BMP) marks, for scans that read `charCodeAt`. */
export function codesOf(...sets: string[]): ReadonlySet<number> {
  return new Set([...sets.join('')].map((c) => c.charCodeAt(0)));
}

/**
 * One form per punctuation mark (after NFKC), so later patterns need to match only one: the rows
 * a question is folded with. Each row: the marks, the form they take.
 */
export const PUNCTUATION_FOLDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/[？⁇]/g, '?'],
  [/[！]/g, '!'],
  [/[，、﹐﹑]/g, ','],
  [/[；]/g, ';'],
  [/[：]/g, ':'],
  [/[“”„‟「」『』〝〞]/g, '"'],
  [/[‘’‛]/g, "'"],
  [/[（【〔［]/g, '('],
  [/[）】〕］]/g, ')'],
  [/[—–―‒]+/g, '-'],
  [/…+|\.{3,}/g, '...'],
  [/[。．]/g, '。'],
];

/** The text with every mark of PUNCTUATION_FOLDS in its one form. */
export function foldPunctuation(text: string): string {
  let out = text;
  for (const [pattern, replacement] of PUNCTUATION_FOLDS) out = out.replace(pattern, replacement);
  return out;
}
