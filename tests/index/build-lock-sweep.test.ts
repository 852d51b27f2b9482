/** A builder killed between writing its private lock file and removing it leaves it; the next builder sweeps it. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireBuildLock, lockPath } from '../../src/index/build-lock.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'baoxun-lock-sweep-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('build lock', () => {
  it("removes dead builders' private files when taken, and keeps a running one's", () => {
    const outDir = path.join(dir, 'index');
    const lock = lockPath(outDir);
    // A process that has exited: its pid is no longer running.
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    const leftovers = [`${lock}.new-${dead}-ab12cd34`, `${lock}.stale-${dead}-ef56ab78`];
    const live = `${lock}.new-${process.pid}-0a0b0c0d`;
    for (const f of [...leftovers, live]) writeFileSync(f, `${dead}\n`);
    const release = acquireBuildLock(outDir);
    try {
      for (const f of leftovers) expect(existsSync(f), f).toBe(false);
      expect(existsSync(live)).toBe(true);
      expect(existsSync(lock)).toBe(true);
    } finally {
      release();
    }
    expect(existsSync(lock)).toBe(false);
  });
});
