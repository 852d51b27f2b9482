import { describe, expect, it } from 'vitest';
import { ExpiringMap } from '../../src/retrieval/conversation/store.ts';

describe('ExpiringMap', () => {
  it('forgets an entry unused for longer than its time-to-live', () => {
    let now = 0;
    const m = new ExpiringMap<string>({ ttlMs: 100, maxEntries: 10 }, () => now);
    m.set('a', 'x');
    now = 100;
    expect(m.get('a')).toBe('x'); // a read renews it
    now = 199;
    expect(m.get('a')).toBe('x');
    now = 300;
    expect(m.get('a')).toBeUndefined();
  });
  it('drops the least recently used entry past its size cap', () => {
    const m = new ExpiringMap<number>({ ttlMs: 1e9, maxEntries: 2 }, () => 0);
    m.set('a', 1);
    m.set('b', 2);
    m.get('a');
    m.set('c', 3);
    expect(m.get('b')).toBeUndefined();
    expect(m.get('a')).toBe(1);
    expect(m.get('c')).toBe(3);
    expect(m.size).toBe(2);
  });
});
