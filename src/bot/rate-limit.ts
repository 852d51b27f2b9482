/** Per-user sliding-window rate limit on questions. Pure apart from the injected clock. */

export interface RateDecision {
  allowed: boolean;
  /** When refused: how long until the oldest question leaves the window. */
  retryAfterMs: number;
}

export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a question by `user` if the window allows it. */
  take(user: string): RateDecision {
    const t = this.now();
    const recent = (this.hits.get(user) ?? []).filter((h) => t - h < this.windowMs);
    if (recent.length >= this.limit) {
      this.hits.set(user, recent);
      return { allowed: false, retryAfterMs: this.windowMs - (t - recent[0]!) };
    }
    recent.push(t);
    this.hits.set(user, recent);
    // Forget idle users so the map does not grow without bound.
    if (this.hits.size > 10_000) {
      for (const [u, h] of this.hits) if (h.every((x) => t - x >= this.windowMs)) this.hits.delete(u);
    }
    return { allowed: true, retryAfterMs: 0 };
  }
}

export function rateLimitMessage(retryAfterMs: number): string {
  const s = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return `提问太频繁了，请 ${s} 秒后再试。 / Too many questions — try again in ${s}s.`;
}
