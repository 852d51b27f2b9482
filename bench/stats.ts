/** Latency summaries: nearest-rank percentiles over raw samples (no interpolation, so p99 is a real sample). */
export interface LatencySummary {
  n: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function summarise(samples: readonly number[]): LatencySummary {
  const sorted = samples.slice().sort((a, b) => a - b);
  const mean = sorted.reduce((s, x) => s + x, 0) / (sorted.length || 1);
  return {
    n: sorted.length,
    mean,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1] : NaN,
  };
}

/** Each stage's share of the summed time over all questions (stage names as ask() reports them). */
export function stageShares(timings: ReadonlyArray<Record<string, number>>): Record<string, { meanMs: number; share: number }> {
  const sums = new Map<string, number>();
  for (const t of timings) for (const [k, v] of Object.entries(t)) if (k !== 'total') sums.set(k, (sums.get(k) ?? 0) + v);
  const total = [...sums.values()].reduce((s, x) => s + x, 0) || 1;
  const n = timings.length || 1;
  return Object.fromEntries([...sums].map(([k, v]) => [k, { meanMs: v / n, share: v / total }]));
}
