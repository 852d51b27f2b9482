/**
 * Abstention: answer only when a passage supports it. The signals are principled, not per-question:
 * a date/year/meeting the reports do not cover, and how much of the question's weight the best
 * passage (with its neighbours) covers. The threshold is measured on the development sets.
 */

export const ABSTAIN_TEXT = '报道中没有找到这个问题的答案。/ The reports don\'t say.';

export interface AbstainSignals {
  /** False when the question's date, year or meeting filter matched no report. */
  filterSatisfied: boolean;
  /** Share (0–1) of the question's IDF weight found in the best passage and its neighbours. */
  coverage: number;
  /** True when a structured fact answered the question. */
  factAnswered: boolean;
  /** True when there was any candidate passage at all. */
  hasCandidate: boolean;
}

export interface AbstainPolicy {
  /** Minimum coverage to answer. */
  minCoverage: number;
}

/** Measured on seed-dev negatives vs the bench sets' false-abstention rate (see the README). */
export const DEFAULT_POLICY: AbstainPolicy = { minCoverage: 0.5 };

export type AbstainReason = 'filter' | 'no-candidate' | 'low-coverage';

/** The reason to abstain, or undefined to answer. */
export function abstainReason(s: AbstainSignals, policy: AbstainPolicy = DEFAULT_POLICY): AbstainReason | undefined {
  if (!s.filterSatisfied) return 'filter';
  if (!s.hasCandidate) return 'no-candidate';
  if (s.factAnswered) return undefined;
  if (s.coverage < policy.minCoverage) return 'low-coverage';
  return undefined;
}
