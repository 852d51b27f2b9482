/**
 * Names a question sets in quotation marks or title marks: a work, a law, a slogan, a coined term
 * (《真腊风土记》的作者是谁, 「YouBike」最早在哪里推出, “十四五”规划提出了什么). The question is about
 * that name, so a report that never prints it does not answer it, however many other words match.
 */
import { toSearchForm } from '../../text/search-form.ts';

/** Title marks and the quotation marks of simplified, traditional and Western text, as open/close pairs. */
const QUOTED = /[《〈「『“]([^》〉」』”]{2,30})[》〉」』”]/g;

/** The quoted names of a question, in search form without spaces. */
export function quotedNames(question: string): string[] {
  return [...question.matchAll(QUOTED)].map((m) => toSearchForm(m[1]).replace(/\s+/g, '')).filter((n) => n.length >= 2);
}

/**
 * Spaces and punctuation left out: the question's normaliser folds 、 into a comma where a report's
 * text keeps it (《利维坦，或…的实质、形式和权力》 was refused as unprinted, drcd-dev).
 */
const bare = (s: string) => s.replace(/[\s\p{P}]+/gu, '');

/** The quoted names of `question` that `text` (search form) never prints. */
export function absentQuotedNames(question: string, text: string): string[] {
  const flat = bare(text);
  return quotedNames(question).filter((n) => !flat.includes(bare(n)));
}
