/** The updater: builds one at a time, and only when the reports differ from the index. Real builds, in-process. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/index/build.ts';
import { BuiltinEmbedder } from '../../src/index/embedders/builtin.ts';
import { IndexBuildError } from '../../src/index/errors.ts';
import { IndexUpdater } from '../../src/ops/index-updater.ts';
import { QINGLONG, TIANHE } from './support.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'baoxun-updater-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('IndexUpdater', () => {
  it('updates only when the reports changed, one build at a time, and records the last build', async () => {
    const reports = path.join(dir, 'reports');
    const indexDir = path.join(dir, 'index');
    mkdirSync(reports);
    writeFileSync(path.join(reports, QINGLONG.file), QINGLONG.line);
    const events: string[] = [];
    let running = 0;
    const updater = new IndexUpdater({
      indexDir,
      reportsDir: reports,
      build: async () => {
        running++;
        events.push(`build (${running} running)`);
        try {
          await buildIndex({ inputs: [reports], outDir: indexDir, embedder: new BuiltinEmbedder() });
        } finally {
          running--;
        }
      },
      reload: async () => void events.push('reload'),
    });
    // No index yet: not current.
    expect(await updater.updateIfStale('test')).toBe(true);
    expect(await updater.updateIfStale('test')).toBe(false);
    expect(updater.lastBuild).toMatchObject({ ok: true });

    writeFileSync(path.join(reports, TIANHE.file), TIANHE.line);
    // Three requests at once: the forced rebuild, then the checks, which find the index current.
    const results = await Promise.all([updater.rebuild(), updater.updateIfStale('a'), updater.updateIfStale('b')]);
    expect(results).toEqual([undefined, false, false]);
    expect(events).toEqual(['build (1 running)', 'reload', 'build (1 running)', 'reload']);
    expect(updater.busy).toBe(false);
  });

  it('a failed build is recorded with its code and rejects; the next one still runs', async () => {
    let fail = true;
    const updater = new IndexUpdater({
      indexDir: path.join(dir, 'none'),
      reportsDir: path.join(dir, 'no-reports'),
      build: async () => {
        if (fail) throw new IndexBuildError('NO_ARTICLES', 'No articles found');
      },
      reload: async () => undefined,
    });
    await expect(updater.rebuild()).rejects.toThrow(/No articles/);
    expect(updater.lastBuild).toMatchObject({ ok: false, code: 'NO_ARTICLES' });
    fail = false;
    await updater.rebuild();
    expect(updater.lastBuild).toMatchObject({ ok: true });
  });
});
