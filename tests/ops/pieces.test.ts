/** The pure pieces of running unattended: report-folder comparison, health, stats, upload checks. */
import { describe, expect, it } from 'vitest';
import { compareReportFiles } from '../../src/corpus/report-files.ts';
import { healthOf, type Status } from '../../src/ops/status.ts';
import { formatStats, parseSince, summarise } from '../../src/ops/stats.ts';
import type { LogLine } from '../../src/ops/question-log.ts';
import { uploadProblem } from '../../src/bot/report-upload.ts';

describe('compareReportFiles', () => {
  it('names added, changed (size or mtime) and removed files', () => {
    const before = {
      '/r/a.txt': { bytes: 10, mtimeMs: 1 },
      '/r/b.txt': { bytes: 10, mtimeMs: 1 },
      '/r/c.txt': { bytes: 10, mtimeMs: 1 },
      '/r/d.txt': { bytes: 5, mtimeMs: 9 },
    };
    const now = {
      '/r/a.txt': { bytes: 10, mtimeMs: 1 },
      '/r/b.txt': { bytes: 11, mtimeMs: 1 },
      '/r/d.txt': { bytes: 5, mtimeMs: 10 },
      '/r/e.txt': { bytes: 1, mtimeMs: 1 },
    };
    expect(compareReportFiles(before, now)).toEqual({ added: ['/r/e.txt'], changed: ['/r/b.txt', '/r/d.txt'], removed: ['/r/c.txt'] });
    expect(compareReportFiles(now, now)).toEqual({ added: [], changed: [], removed: [] });
  });
});

describe('healthOf', () => {
  const now = new Date('2026-01-01T12:00:00Z');
  const status = (over: Partial<Status>): Status => ({
    pid: 1,
    updatedAt: '2026-01-01T11:59:50Z',
    startedAt: '2026-01-01T10:00:00Z',
    gateway: 'ready',
    lastHeartbeat: '2026-01-01T11:59:30Z',
    index: { builtAt: '2026-01-01T09:00:00Z', articles: 3, chunks: 16 },
    ...over,
  });
  it('is healthy when connected with a recent file and heartbeat', () => {
    expect(healthOf(status({}), now, 120_000)).toEqual({ healthy: true });
  });
  it('fails without a file, when not connected, stopped, stale, or without recent heartbeats', () => {
    expect(healthOf(undefined, now, 120_000).healthy).toBe(false);
    expect(healthOf(status({ gateway: 'reconnecting' }), now, 120_000)).toEqual({ healthy: false, reason: 'gateway reconnecting' });
    expect(healthOf(status({ gateway: 'stopped' }), now, 120_000).healthy).toBe(false);
    expect(healthOf(status({ updatedAt: '2026-01-01T11:50:00Z' }), now, 120_000).reason).toMatch(/not updated for 600 s/);
    expect(healthOf(status({ lastHeartbeat: '2026-01-01T11:00:00Z' }), now, 120_000).reason).toMatch(/heartbeat/);
    // Before the first heartbeat, a recent start counts.
    expect(healthOf(status({ lastHeartbeat: undefined, startedAt: '2026-01-01T11:59:00Z' }), now, 120_000).healthy).toBe(true);
  });
});

describe('stats', () => {
  const q = (time: string, outcome: 'answered' | 'closest' | 'refused', question?: string, id = time): LogLine => ({
    type: 'question',
    id,
    time,
    source: 'discord',
    latencyMs: 5,
    outcome,
    question,
  });
  const lines: LogLine[] = [
    q('2026-01-01T00:00:00Z', 'refused', '旧问题'),
    q('2026-01-05T00:00:00Z', 'answered', '谁主持了会议？', 'a'),
    q('2026-01-05T01:00:00Z', 'refused', '上海 地铁票价？'),
    q('2026-01-05T02:00:00Z', 'refused', '上海 地铁票价'),
    q('2026-01-05T03:00:00Z', 'closest', '第三次会议？'),
    { type: 'feedback', id: 'a', time: '2026-01-05T00:01:00Z', vote: 'up' },
    { type: 'feedback', id: 'a', time: '2026-01-05T00:02:00Z', vote: 'down' },
  ];
  it('summarises a period: questions, refusal rate, votes, the most frequent unanswered questions', () => {
    const s = summarise(lines, { from: new Date('2026-01-02T00:00:00Z'), to: new Date('2026-01-06T00:00:00Z') });
    expect(s).toMatchObject({ questions: 4, answered: 1, closest: 1, refused: 2, refusalRate: 0.75, up: 1, down: 1, textLogged: true });
    expect(s.topUnanswered).toEqual([
      { question: '上海 地铁票价？', count: 2 },
      { question: '第三次会议？', count: 1 },
    ]);
    expect(formatStats(s)).toMatch(/refusal rate 75\.0%/);
  });
  it('says when question text is not logged', () => {
    const s = summarise([q('2026-01-05T00:00:00Z', 'refused')], { to: new Date('2026-01-06T00:00:00Z') });
    expect(s.topUnanswered).toEqual([]);
    expect(formatStats(s)).toMatch(/BAOXUN_LOG_QUESTIONS=1/);
  });
  it('reads periods as 7d / 24h / 30m or a date', () => {
    const now = new Date('2026-01-08T00:00:00Z');
    expect(parseSince('7d', now)?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(parseSince('24h', now)?.toISOString()).toBe('2026-01-07T00:00:00.000Z');
    expect(parseSince('2026-01-03', now)?.toISOString()).toBe('2026-01-03T00:00:00.000Z');
    expect(parseSince('soon', now)).toBeUndefined();
  });
});

describe('uploadProblem', () => {
  it('takes report files under the limit with a plain name, and nothing else', () => {
    expect(uploadProblem('page.txt', 100, 1000)).toBeUndefined();
    expect(uploadProblem('archive.JSONL', 100, 1000)).toBeUndefined();
    expect(uploadProblem('setup.exe', 100, 1000)).toMatch(/unsupported file type \(\.exe/);
    expect(uploadProblem('page.txt', 1001, 1000)).toMatch(/too large/);
    expect(uploadProblem('../page.txt', 100, 1000)).toMatch(/invalid file name/);
    expect(uploadProblem('.hidden.txt', 100, 1000)).toMatch(/invalid file name/);
  });
});
