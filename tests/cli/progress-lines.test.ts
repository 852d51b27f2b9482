import { describe, expect, it } from 'vitest';
import { formatProgressLine, parseProgressLine, progressLineDue } from '../../src/cli/progress-lines.ts';

describe('progress lines', () => {
  it('reads back what the index CLI writes', () => {
    const p = { stage: 'embed', done: 32, total: 1200 } as const;
    expect(parseProgressLine(formatProgressLine(p))).toEqual(p);
    expect(parseProgressLine('  {"stage":"read","done":3,"total":0}\r')).toEqual({ stage: 'read', done: 3, total: 0 });
  });

  it('ignores every other stderr line', () => {
    for (const line of [
      '',
      'index: No articles found in /srv/reports; the existing index, if any, is unchanged.',
      '2026-01-01T00:00:00.000Z INFO Embedder: built-in character n-grams',
      '{"stage":"embed","done":1}',
      '{"stage":"paint","done":1,"total":2}',
      '{"stage":"embed","done":-1,"total":2}',
      '{"stage":"embed","done":1.5,"total":2}',
      '{"stage":"embed","done":"1","total":2}',
      '{"stage":"embed","done":1,"total":2',
      '[{"stage":"embed","done":1,"total":2}]',
      'null',
    ]) {
      expect(parseProgressLine(line), line).toBeUndefined();
    }
  });

  it('writes a line per new stage and stage end, otherwise a few a second', () => {
    const p = (stage: 'embed' | 'analyse', done: number, total = 100) => ({ stage, done, total });
    expect(progressLineDue(undefined, p('embed', 0), 0)).toBe(true);
    const last = { stage: 'embed', done: 10, at: 1000 };
    expect(progressLineDue(last, p('embed', 11), 1100)).toBe(false);
    expect(progressLineDue(last, p('embed', 11), 1250)).toBe(true);
    expect(progressLineDue(last, p('embed', 100), 1001)).toBe(true);
    expect(progressLineDue(last, p('analyse', 0), 1001)).toBe(true);
    // The same step twice (hnsw reports its end twice) is one line.
    expect(progressLineDue({ stage: 'embed', done: 100, at: 1000 }, p('embed', 100), 5000)).toBe(false);
  });
});
