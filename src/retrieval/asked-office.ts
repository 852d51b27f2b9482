/**
 * The office a who-question asks about, read as the reports print offices: a deputy's post or a
 * general secretary's is not the office whose word it contains (副检察长 is not the 检察长, 总书记 is no
 * 书记), so neither holder answers for the other. Rows are data, each with an example.
 */

export interface OfficePrefixRow {
  /** Printed right before an office word, it makes another post. */
  prefix: string;
  example: { asked: string; printed: string };
}

export const OTHER_POST_PREFIXES: readonly OfficePrefixRow[] = [
  { prefix: '副', example: { asked: '市检察院副检察长是谁', printed: '市人民检察院检察长王明' } },
  { prefix: '总', example: { asked: '县纪委书记是谁', printed: '学习习近平总书记关于反腐败的讲话' } },
];

const PREFIXES = OTHER_POST_PREFIXES.map((r) => r.prefix);

/**
 * The office asked: `office` (matched in the question, search form), with the prefix the question
 * prints right before it when the office word has no row of its own for that post (副 + 检察长).
 * `before` is the question up to the office.
 */
export function askedPost(office: string, before: string): string {
  if (PREFIXES.some((p) => office.startsWith(p))) return office;
  const prefix = PREFIXES.find((p) => before.endsWith(p));
  return prefix ? prefix + office : office;
}

/** A lookbehind that keeps `office` from matching inside another post (副书记, 总书记 for 书记). */
export function otherPostLookbehind(office: string): string {
  const others = PREFIXES.filter((p) => !office.startsWith(p));
  return others.length ? `(?<![${others.join('')}])` : '';
}

/** Whether a title names `office` itself, not only another post containing its word. */
export function titleHoldsPost(title: string, office: string): boolean {
  if (!title.includes(office)) return false;
  const others = PREFIXES.filter((p) => !office.startsWith(p));
  return title.split(office).some((before, k, parts) => k < parts.length - 1 && !others.some((p) => before.endsWith(p)));
}
