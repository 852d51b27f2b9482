/**
 * The machine-readable progress of `npm run index -- --progress jsonl`: one JSON object
 * `{"stage":…,"done":…,"total":…}` per line on stderr, which the bot's reindex job reads back.
 * Stderr also carries log lines, so a line counts as progress only if it has exactly this shape.
 */
import type { BuildProgress } from '../index/build.ts';

const STAGES: ReadonlySet<string> = new Set<BuildProgress['stage']>(['read', 'chunk', 'embed', 'analyse', 'hnsw', 'write', 'merge']);

export function formatProgressLine(p: BuildProgress): string {
  return JSON.stringify({ stage: p.stage, done: p.done, total: p.total });
}

const count = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** The progress event a line carries, or undefined for any other line (a log line, a message). */
export function parseProgressLine(line: string): BuildProgress | undefined {
  const text = line.trim();
  if (!text.startsWith('{')) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const { stage, done, total } = value as Record<string, unknown>;
  if (typeof stage !== 'string' || !STAGES.has(stage) || !count(done) || !count(total)) return undefined;
  return { stage: stage as BuildProgress['stage'], done, total };
}

/**
 * Whether a progress event is worth a line: a new stage or a stage's last step always is (once), otherwise
 * at most one line per `intervalMs` (the embed stage reports every batch, far more than anyone reads).
 */
export function progressLineDue(
  last: { stage: string; done: number; at: number } | undefined,
  p: BuildProgress,
  now: number,
  intervalMs = 250,
): boolean {
  if (!last || last.stage !== p.stage) return true;
  if (p.done === last.done) return false;
  if (p.total > 0 && p.done >= p.total) return true;
  return now - last.at >= intervalMs;
}
