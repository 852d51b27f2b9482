/**
 * The one text form that search compares: traditional → simplified, full-width → half-width (NFKC),
 * Latin lower-cased. Applied at index time to what the analyser and the embedder see, and by
 * retrieval to questions, so a traditional corpus (DRCD) and simplified questions meet.
 */
import { toSimplified } from './chinese-script.ts';
import { hasHan } from './han.ts';

export function toSearchForm(text: string): string {
  const half = text.normalize('NFKC');
  // Only Han text needs the (slow-ish) converter.
  return (hasHan(half) ? toSimplified(half) : half).toLowerCase();
}
