/**
 * Opens the reports for a front end: the engine over the index folder, building the index first
 * when there is none, and the reindex job the bot's /reindex runs (build into the folder, which
 * publishes atomically, then swap the engine to it; questions keep using the old index meanwhile).
 * The first build runs in-process: nothing is being served yet. A reindex runs `npm run index` as a
 * child process, so the bot's event loop (gateway heartbeats, other questions) never waits on it.
 */
import type { Config } from '../config.ts';
import { buildIndex, type BuildProgress } from '../index/build.ts';
import { createEmbedder } from '../index/embedders/select.ts';
import { IndexError } from '../index/errors.ts';
import { resolveIndexDir } from '../index/index-folder.ts';
import { log } from '../log.ts';
import { ReportsEngine } from '../retrieval/engine.ts';
import type { Reindex } from '../bot/context.ts';
import { runIndexProcess } from './reindex-process.ts';

export function describeProgress(p: BuildProgress): string {
  return p.total > 0 ? `${p.stage} ${p.done}/${p.total}` : p.stage;
}

async function build(config: Config, onProgress: (p: BuildProgress) => void): Promise<void> {
  const { embedder, note } = await createEmbedder(config.embedder, { modelsDir: config.modelsDir });
  log.info(note);
  const s = await buildIndex({ inputs: [config.reportsDir], outDir: config.indexDir, embedder, onProgress });
  log.info(`Indexed ${s.articles} article(s) in ${s.chunks} chunk(s) from ${s.files} file(s) in ${(s.ms / 1000).toFixed(1)} s.`);
}

export async function openReports(config: Config): Promise<{ engine: ReportsEngine; reindex: Reindex }> {
  const open = () => ReportsEngine.open(config.indexDir, { modelsDir: config.modelsDir });
  let engine: ReportsEngine;
  if (!resolveIndexDir(config.indexDir)) {
    log.info(`No index at ${config.indexDir} yet: building it from ${config.reportsDir}…`);
    await build(config, () => undefined);
    engine = await open();
  } else {
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
  const reindex: Reindex = async (onProgress) => {
    const s = await runIndexProcess(config, (p) => onProgress(describeProgress(p)));
    if (s) {
      if (s.embedderNote) log.info(s.embedderNote);
      log.info(`Indexed ${s.articles} article(s) in ${s.chunks} chunk(s) from ${s.files} file(s) in ${(s.ms / 1000).toFixed(1)} s (${s.reused} chunk(s) reused).`);
    }
    await engine.reload();
  };
  return { engine, reindex };
}
