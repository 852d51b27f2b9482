/**
 * The answered-precision / coverage curve: what the decision trades as its bar rises. For each bar,
 * the questions still answered are those answered now whose coverage (the share of the question's
 * weight around the best passage) reaches it; precision is the share of those answered right (a
 * gold span in the short answer or first excerpt; an answered unanswerable question is wrong).
 */
import type { QuestionOutcome } from './metrics.ts';

export interface CurvePoint {
  /** The coverage bar. */
  bar: number;
  /** Share of all questions answered. */
  answered: number;
  /** Share of the answered that are right. */
  precision: number;
  /** Share of answerable questions answered right. */
  recall: number;
}

export const CURVE_BARS = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7];

export function precisionCurve(outcomes: readonly QuestionOutcome[], bars: readonly number[] = CURVE_BARS): CurvePoint[] {
  const answerable = outcomes.filter((o) => o.answerable).length;
  return bars.map((bar) => {
    const kept = outcomes.filter((o) => !o.abstained && !o.error && (o.coverage ?? 1) >= bar);
    const right = kept.filter((o) => o.answerable && (o.inAnswer || o.inFirst)).length;
    return {
      bar,
      answered: outcomes.length ? kept.length / outcomes.length : NaN,
      precision: kept.length ? right / kept.length : NaN,
      recall: answerable ? right / answerable : NaN,
    };
  });
}

export function renderCurve(label: string, points: readonly CurvePoint[]): string {
  const f = (x: number) => (Number.isNaN(x) ? '–' : x.toFixed(3));
  return [
    `| ${label}: coverage bar | answered | answered precision | right of answerable |`,
    '|---:|---:|---:|---:|',
    ...points.map((p) => `| ${p.bar.toFixed(1)} | ${f(p.answered)} | ${f(p.precision)} | ${f(p.recall)} |`),
  ].join('\n');
}
