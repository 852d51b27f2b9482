/**
 * The running bot's status file (BAOXUN_STATUS_FILE): gateway state, last heartbeat, the index
 * served, whether the reports are newer, the last error. Rewritten atomically (temp file + rename)
 * every BAOXUN_STATUS_INTERVAL_SECONDS and on stop, so a reader never sees half a file; `npm run
 * health` judges it (`healthOf`, pure).
 */
import { readFileSync, renameSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

export interface Status {
  pid: number;
  /** When this file was written. */
  updatedAt: string;
  startedAt: string;
  /** `ready`, `connecting`, `reconnecting`, … as discord.js reports it; `stopped` after a clean stop; `chat` for the local chat. */
  gateway: string;
  /** The last heartbeat Discord acknowledged (ISO), if any yet. */
  lastHeartbeat?: string;
  pingMs?: number;
  index: { builtAt: string; articles: number; chunks: number };
  /** Report files added, changed or removed since the index was built (undefined: not known). */
  reportsNewerThanIndex?: boolean;
  pendingReportChanges?: number;
  lastBuild?: { at: string; ok: boolean; code?: string };
  lastError?: { at: string; message: string };
}

/** Writes `status` to `file` atomically. */
export function writeStatus(file: string, status: Status): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, JSON.stringify(status, null, 2) + '\n');
  renameSync(tmp, file);
}

export function readStatus(file: string): Status | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Status;
  } catch {
    return undefined;
  }
}

export interface Health {
  healthy: boolean;
  /** Why not, in a few words. */
  reason?: string;
}

/**
 * Healthy when the bot is connected (gateway ready), the file is recent, and so is the last
 * heartbeat (or, before the first one, the start). `maxAgeMs` bounds both ages.
 */
export function healthOf(status: Status | undefined, now: Date, maxAgeMs: number): Health {
  if (!status) return { healthy: false, reason: 'no status file (is the bot running?)' };
  const age = (iso: string | undefined) => (iso ? now.getTime() - Date.parse(iso) : Infinity);
  if (status.gateway !== 'ready') return { healthy: false, reason: `gateway ${status.gateway}` };
  if (age(status.updatedAt) > maxAgeMs)
    return { healthy: false, reason: `status not updated for ${Math.round(age(status.updatedAt) / 1000)} s (stopped or hung?)` };
  if (age(status.lastHeartbeat ?? status.startedAt) > maxAgeMs) return { healthy: false, reason: 'no heartbeat acknowledged recently' };
  return { healthy: true };
}
