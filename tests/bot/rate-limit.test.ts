import { describe, expect, it } from 'vitest';
import { RateLimiter, rateLimitMessage } from '../../src/bot/rate-limit.ts';

describe('RateLimiter', () => {
  it('allows N per window per user, then refuses until the oldest leaves the window', () => {
    let t = 0;
    const limiter = new RateLimiter(2, 10_000, () => t);
    expect(limiter.take('u').allowed).toBe(true);
    t = 3_000;
    expect(limiter.take('u').allowed).toBe(true);
    t = 5_000;
    const refused = limiter.take('u');
    expect(refused).toEqual({ allowed: false, retryAfterMs: 5_000 });
    expect(limiter.take('other').allowed).toBe(true);
    t = 10_000; // the first question left the window
    expect(limiter.take('u').allowed).toBe(true);
    expect(limiter.take('u').allowed).toBe(false);
  });

  it('does not count refused questions', () => {
    let t = 0;
    const limiter = new RateLimiter(1, 1_000, () => t);
    limiter.take('u');
    for (let i = 0; i < 5; i++) expect(limiter.take('u').allowed).toBe(false);
    t = 1_000;
    expect(limiter.take('u').allowed).toBe(true);
  });

  it('says when to retry, in whole seconds', () => {
    expect(rateLimitMessage(1_200)).toContain('2');
  });
});
