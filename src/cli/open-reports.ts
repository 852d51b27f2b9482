/**
 * Opens the reports for a front end: the engine over the index folder, building the index first
 * when there is none, and the updater that keeps it current (src/ops/index-updater.ts): the bot's
 * /reindex, the start-up check and the watch all rebuild through it, in a child process (`npm run
 * index` itself) so the bot's event loop (gateway heartbeats, other questions) never waits on a build,
 * then swap the engine to the new index; questions keep using the old one meanwhile.
 * Builds before anything is served (no index yet; the local chat and `ask` with reports newer than
 * the index) run in-process: nobody is waiting on the event loop then.
 */
import type { Config } from '../config.ts';
import type { BuildProgress } from '../index/build.ts';
import { createEmbedder } from '../index/embedders/select.ts';
import { errorCode, IndexError } from '../index/errors.ts';
import { describeFreshness, indexFreshness, isCurrent } from '../index/freshness.ts';
import { resolveIndexDir } from '../index/index-folder.ts';
import { log } from '../log.ts';
import { ReportsEngine } from '../retrieval/engine.ts';
import type { Reindex } from '../bot/context.ts';
import { IndexUpdater } from '../ops/index-updater.ts';
import { runIndexProcess } from './reindex-process.ts';

export function describeProgress(p: BuildProgress): string {
  return p.total > 0 ? `${p.stage} ${p.done}/${p.total}` : p.stage;
}

async function build(config: Config, onProgress: (p: BuildProgress) => void): Promise<void> {
  // Imported when a build runs: the readers of every report format are most of the start-up's imports.
  const { buildIndex } = await import('../index/build.ts');
  const { embedder, note } = await createEmbedder(config.embedder, { modelsDir: config.modelsDir });
  log.info(note);
  const s = await buildIndex({ inputs: [config.reportsDir], outDir: config.indexDir, embedder, onProgress });
  log.info(
    `Indexed ${s.articles} article(s) in ${s.chunks} chunk(s) from ${s.files} file(s) in ${(s.ms / 1000).toFixed(1)} s (${s.reused} chunk(s) reused).`,
  );
}

/**
 * Before the first answer of a one-shot or local front end: if the reports folder differs from what
 * the index was built from, update the index in-process (unchanged articles keep their vectors).
 * A build that cannot run (another build holds the lock, the folder emptied) leaves the index as it
 * is, with a warning: answering from it beats answering nothing.
 */
export async function updateBeforeAnswering(config: Config): Promise<void> {
  if (!resolveIndexDir(config.indexDir)) return;
  const f = await indexFreshness(config.indexDir, config.reportsDir);
  if (isCurrent(f)) return;
  log.info(`The index is not current (${describeFreshness(f)}): updating it first…`);
  try {
    await build(config, () => undefined);
  } catch (err) {
    if (errorCode(err) === undefined) throw err;
    log.warn(`Could not update the index (${errorCode(err)}): ${(err as Error).message} Answering from the index as it is.`);
  }
}

export interface OpenOptions {
  /** Bring the index up to date in-process before returning (the local chat). Otherwise the caller runs `updater.updateIfStale` when serving. */
  updateFirst?: boolean;
}

export async function openReports(
  config: Config,
  opts: OpenOptions = {},
): Promise<{ engine: ReportsEngine; reindex: Reindex; updater: IndexUpdater }> {
  const open = () => ReportsEngine.open(config.indexDir, { modelsDir: config.modelsDir });
  let engine: ReportsEngine;
  if (!resolveIndexDir(config.indexDir)) {
    log.info(`No index at ${config.indexDir} yet: building it from ${config.reportsDir}…`);
    await build(config, () => undefined);
    engine = await open();
  } else {
    if (opts.updateFirst) await updateBeforeAnswering(config);
    try {
      engine = await open();
    } catch (err) {
      if (!(err instanceof IndexError)) throw err;
      // A stale or unreadable index is rebuilt rather than refused: the reports are right here.
      log.warn(`${err.message} Rebuilding it now…`);
      await build(config, () => undefined);
      engine = await open();
    }
  }
  // Long-running front ends pay one-time costs (lexicon, JIT) now, not on someone's first question.
  await engine.warmUp();
  const updater = new IndexUpdater({
    indexDir: config.indexDir,
    reportsDir: config.reportsDir,
    build: async (onProgress) => {
      const s = await runIndexProcess(config, (p) => onProgress(describeProgress(p)));
      if (s) {
        if (s.embedderNote) log.info(s.embedderNote);
        log.info(
          `Indexed ${s.articles} article(s) in ${s.chunks} chunk(s) from ${s.files} file(s) in ${(s.ms / 1000).toFixed(1)} s (${s.reused} chunk(s) reused).`,
        );
      }
    },
    reload: () => engine.reload(),
  });
  const reindex: Reindex = (onProgress) => updater.rebuild(onProgress);
  return { engine, reindex, updater };
}
