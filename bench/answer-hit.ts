/** The QA sets' natural measure: does a text (an excerpt, a chunk) contain one of the gold answers? */

/** Width and case folding only: the gold spans are verbatim, but excerpts may fold full-width forms. */
function fold(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

export function containsAnswer(text: string | undefined, answers: readonly string[]): boolean {
  if (!text) return false;
  const t = fold(text);
  return answers.some((a) => {
    const f = fold(a);
    return f !== '' && t.includes(f);
  });
}
