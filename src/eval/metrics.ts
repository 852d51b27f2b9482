/** Scoring answers against gold spans, and summarising a run. */
import { toSearchForm } from '../text/search-form.ts';

/** Both sides in search form without spaces, so traditional gold matches simplified text and OCR spacing is moot. */
export function matchForm(text: string): string {
  return toSearchForm(text).replace(/\s+/g, '');
}

/**
 * Width and case folding only, spaces dropped: the benchmark's measure (bench/), whose gold spans and
 * excerpts are in the same script. Kept apart from `matchForm` so the benchmark figures stay comparable.
 */
export function widthForm(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** Whether the text contains one of the gold answers, both brought to `form` (default: `matchForm`). */
export function containsGold(text: string | undefined, golds: readonly string[], form: (text: string) => string = matchForm): boolean {
  if (!text) return false;
  const t = form(text);
  return golds.some((g) => {
    const m = form(g);
    return m.length > 0 && t.includes(m);
  });
}

export interface QuestionOutcome {
  kind?: string;
  answerable: boolean;
  abstained: boolean;
  inAnswer: boolean;
  inFirst: boolean;
  inTop3: boolean;
  /** The first citation is from the gold document (undefined when the set names none). */
  docFirst?: boolean;
  ms: number;
  /** A held-out question answered anyway, with its original gold in the answer or first excerpt (from another article). */
  heldGold?: boolean;
  coverage?: number;
  missing?: string[];
  error?: string;
}

export interface Summary {
  n: number;
  answerable: number;
  /** Shares over answerable questions. */
  answer: number;
  first: number;
  answerOrFirst: number;
  top3: number;
  /** Share whose first citation comes from the gold document (NaN when the set names none). */
  docFirst: number;
  falseAbstention: number;
  /** Share of unanswerable questions abstained on (NaN when there are none). */
  abstention: number;
  /** Share of held-out questions answered with their original gold from another article (NaN without a holdout). */
  heldGold: number;
  p50: number;
  p95: number;
  errors: number;
}

export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function summarise(outcomes: readonly QuestionOutcome[]): Summary {
  const ans = outcomes.filter((o) => o.answerable);
  const neg = outcomes.filter((o) => !o.answerable);
  const share = (xs: readonly QuestionOutcome[], f: (o: QuestionOutcome) => boolean) => (xs.length ? xs.filter(f).length / xs.length : NaN);
  const ms = outcomes.filter((o) => !o.error).map((o) => o.ms);
  return {
    n: outcomes.length,
    answerable: ans.length,
    answer: share(ans, (o) => o.inAnswer),
    first: share(ans, (o) => o.inFirst),
    answerOrFirst: share(ans, (o) => o.inAnswer || o.inFirst),
    top3: share(ans, (o) => o.inTop3),
    docFirst: share(
      ans.filter((o) => o.docFirst !== undefined),
      (o) => o.docFirst === true,
    ),
    falseAbstention: share(ans, (o) => o.abstained),
    abstention: share(neg, (o) => o.abstained),
    heldGold: share(
      neg.filter((o) => o.heldGold !== undefined),
      (o) => o.heldGold === true,
    ),
    p50: percentile(ms, 50),
    p95: percentile(ms, 95),
    errors: outcomes.filter((o) => o.error).length,
  };
}
