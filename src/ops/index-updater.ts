/**
 * Keeps the served index current with the reports folder. Builds run one after another (a request
 * while one runs waits its turn), in the child process `/reindex` uses, so the front end keeps
 * answering from the previous index until the swap. `updateIfStale` compares the folder with the
 * index's manifest first and builds only when they differ; the watch calls it, debounced, on every
 * change in the folder.
 */
import { watch, type FSWatcher } from 'node:fs';
import type { ProgressListener } from '../bot/context.ts';
import { describeFreshness, indexFreshness, isCurrent, type Freshness } from '../index/freshness.ts';
import { log } from '../log.ts';

export interface UpdaterDeps {
  indexDir: string;
  reportsDir: string;
  /** Builds the index of the reports folder (published atomically) — the index child process. */
  build(onProgress: ProgressListener): Promise<void>;
  /** Loads the published index into the running engine. */
  reload(): Promise<void>;
}

export interface BuildRecord {
  at: string;
  ok: boolean;
  /** The failure's stable code (src/index/errors.ts, ReindexFailedError). */
  code?: string;
  message?: string;
}

export class IndexUpdater {
  private chain: Promise<unknown> = Promise.resolve();
  private pending = 0;
  /** The last build this process ran, for the status file. */
  lastBuild?: BuildRecord;

  constructor(private readonly deps: UpdaterDeps) {}

  /** Whether a build is running or waiting. */
  get busy(): boolean {
    return this.pending > 0;
  }

  /** Rebuilds (after any build already running) and swaps the engine over. Rejects with the build's error. */
  rebuild(onProgress: ProgressListener = () => undefined): Promise<void> {
    return this.enqueue(() => this.buildAndReload(onProgress));
  }

  /** Rebuilds only if the reports differ from the index (checked when its turn comes); resolves true if it built. */
  updateIfStale(why: string): Promise<boolean> {
    return this.enqueue(async () => {
      const f = await this.freshness();
      if (isCurrent(f)) return false;
      log.info(`${why}: ${describeFreshness(f)}; updating the index in the background…`);
      await this.buildAndReload(() => undefined);
      return true;
    });
  }

  freshness(): Promise<Freshness> {
    return indexFreshness(this.deps.indexDir, this.deps.reportsDir);
  }

  /**
   * Watches the reports folder (recursively) and updates the index `debounceMs` after the last change.
   * Returns the stop function. A folder that does not exist yet cannot be watched: logged, no watch.
   */
  watch(debounceMs: number): () => void {
    let timer: NodeJS.Timeout | undefined;
    let watcher: FSWatcher;
    try {
      watcher = watch(this.deps.reportsDir, { recursive: true, persistent: false });
    } catch (err) {
      log.warn(`watch: cannot watch ${this.deps.reportsDir} (${(err as Error).message}); reports added later need a restart or /reindex`);
      return () => undefined;
    }
    watcher.on('error', (err) => log.warn('watch: stopped watching the reports folder', err));
    watcher.on('change', () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        this.updateIfStale('watch: the reports changed').catch(() => undefined);
      }, debounceMs);
    });
    log.info(`watch: watching ${this.deps.reportsDir} for new, changed and removed reports`);
    return () => {
      clearTimeout(timer);
      watcher.close();
    };
  }

  private enqueue<T>(job: () => Promise<T>): Promise<T> {
    this.pending++;
    const run = this.chain.then(job).finally(() => this.pending--);
    this.chain = run.catch(() => undefined);
    return run;
  }

  private async buildAndReload(onProgress: ProgressListener): Promise<void> {
    try {
      await this.deps.build(onProgress);
      await this.deps.reload();
      this.lastBuild = { at: new Date().toISOString(), ok: true };
    } catch (err) {
      const code = typeof (err as { code?: unknown }).code === 'string' ? (err as { code: string }).code : undefined;
      this.lastBuild = { at: new Date().toISOString(), ok: false, code, message: (err as Error).message };
      log.error('index update failed; still answering from the previous index', err);
      throw err;
    }
  }
}
