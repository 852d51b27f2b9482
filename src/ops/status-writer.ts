/**
 * Keeps the status file (src/ops/status.ts) of a running front end up to date: every interval, when
 * asked (`touch`), and once more on stop (gateway `stopped`, so a health check fails at once).
 */
import { Status as GatewayStatus, type Client } from 'discord.js';
import { onLoggedError } from '../log.ts';
import type { ReportsEngine } from '../retrieval/engine.ts';
import type { IndexUpdater } from './index-updater.ts';
import { writeStatus, type Status } from './status.ts';

export interface StatusSources {
  file: string;
  intervalMs: number;
  engine: ReportsEngine;
  updater: IndexUpdater;
  /** The Discord client; none for the local chat. */
  client?: Client;
}

function gatewayState(client: Client | undefined): string {
  if (!client) return 'chat';
  const name = GatewayStatus[client.ws.status];
  return name ? name.replace(/[A-Z]/g, (c, i: number) => (i ? '_' : '') + c.toLowerCase()) : String(client.ws.status);
}

export function startStatusWriter(src: StatusSources): { touch(): Promise<void>; stop(): void } {
  const startedAt = new Date().toISOString();
  let lastError: Status['lastError'];
  const offError = onLoggedError((message) => (lastError = { at: new Date().toISOString(), message: message.slice(0, 300) }));

  const collect = async (gateway?: string): Promise<Status> => {
    const m = src.engine.index.manifest;
    const fresh = await src.updater.freshness().catch(() => undefined);
    const pending = fresh ? fresh.changes.added.length + fresh.changes.changed.length + fresh.changes.removed.length : undefined;
    const beat = src.client?.ws.shards.first()?.lastPingTimestamp;
    const ping = src.client?.ws.ping;
    const last = src.updater.lastBuild;
    return {
      pid: process.pid,
      updatedAt: new Date().toISOString(),
      startedAt,
      gateway: gateway ?? gatewayState(src.client),
      ...(beat !== undefined && beat > 0 ? { lastHeartbeat: new Date(beat).toISOString() } : {}),
      ...(ping !== undefined && ping >= 0 ? { pingMs: ping } : {}),
      index: { builtAt: m.builtAt, articles: m.counts.articles, chunks: m.counts.chunks },
      ...(fresh ? { reportsNewerThanIndex: !fresh.known || pending! > 0, pendingReportChanges: pending } : {}),
      ...(last ? { lastBuild: { at: last.at, ok: last.ok, ...(last.code ? { code: last.code } : {}) } } : {}),
      ...(lastError ? { lastError } : {}),
    };
  };
  let writing = Promise.resolve();
  const touch = (gateway?: string) => {
    writing = writing.then(async () => writeStatus(src.file, await collect(gateway))).catch(() => undefined);
    return writing;
  };
  const timer = setInterval(() => void touch(), src.intervalMs);
  timer.unref();
  void touch();
  return {
    touch: () => touch(),
    stop() {
      clearInterval(timer);
      offError();
      // Synchronous last word: the process may exit right after.
      const m = src.engine.index.manifest;
      writeStatus(src.file, {
        pid: process.pid,
        updatedAt: new Date().toISOString(),
        startedAt,
        gateway: 'stopped',
        index: { builtAt: m.builtAt, articles: m.counts.articles, chunks: m.counts.chunks },
        ...(lastError ? { lastError } : {}),
      });
    },
  };
}
