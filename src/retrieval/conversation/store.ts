/**
 * Conversation state in memory: per conversation key (a Discord thread, a reply chain, the local
 * chat, a batch file's `conversation` value), what the last answer was about. Entries expire after a
 * time-to-live and the least recently used go past a size cap, so a long-running bot stays bounded.
 */
import type { ConversationFacts } from './facts.ts';

export interface StoreLimits {
  /** An entry unused this long is gone. */
  ttlMs: number;
  /** At most this many entries are kept; the least recently used go first. */
  maxEntries: number;
}

/** 30 minutes: a conversation paused longer starts afresh. */
export const DEFAULT_LIMITS: StoreLimits = { ttlMs: 30 * 60_000, maxEntries: 5_000 };

/** A map whose entries expire and whose size is capped (least recently used dropped). */
export class ExpiringMap<V> {
  /** Insertion order is use order: an entry is re-inserted on every read and write. */
  private readonly entries = new Map<string, { value: V; at: number }>();

  constructor(
    private readonly limits: StoreLimits = DEFAULT_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (this.now() - entry.at > this.limits.ttlMs) return undefined;
    this.entries.set(key, { value: entry.value, at: this.now() });
    return entry.value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, { value, at: this.now() });
    while (this.entries.size > this.limits.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}

/** What each conversation's last answer was about. */
export class ConversationStore extends ExpiringMap<ConversationFacts> {}
