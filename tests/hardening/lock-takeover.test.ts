/**
 * Two builders taking over the same stale lock (left by a SIGKILLed build) at the same moment. The
 * interleaving is forced: while builder B reads the stale lock, builder A completes its own takeover
 * (removes the stale lock, writes its live one). B must then refuse, and A's lock must survive.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as realFs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { tempDir } from './support.ts';

/** Runs once, inside the next read of the lock file, after the read: the racing builder's moves. */
let duringRead: (() => void) | undefined;

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const readFileSync = ((...args: Parameters<typeof fs.readFileSync>) => {
    const out = fs.readFileSync(...args);
    const hook = duringRead;
    if (hook && String(args[0]).endsWith('.lock')) {
      duringRead = undefined;
      hook();
    }
    return out;
  }) as typeof fs.readFileSync;
  return { ...fs, default: { ...fs, readFileSync }, readFileSync };
});

const { acquireBuildLock, lockPath } = await import('../../src/index/build-lock.ts');
const { IndexBuildError } = await import('../../src/index/errors.ts');

let dir: string;
let alive: ReturnType<typeof spawn>;

beforeAll(() => {
  dir = tempDir('lock');
  // A live process standing for builder A.
  alive = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
});
afterAll(() => {
  alive.kill('SIGKILL');
  realFs.rmSync(dir, { recursive: true, force: true });
});

describe('taking over a stale build lock', () => {
  it('takes over a lock whose builder is dead', () => {
    const outDir = path.join(dir, 'plain');
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    realFs.writeFileSync(lockPath(outDir), `${dead}\n`);
    const release = acquireBuildLock(outDir);
    expect(realFs.readFileSync(lockPath(outDir), 'utf8').trim()).toBe(String(process.pid));
    release();
    expect(realFs.existsSync(lockPath(outDir))).toBe(false);
  });

  it('refuses, and leaves the other builder its lock, when that builder took the stale lock first', () => {
    const outDir = path.join(dir, 'race');
    const file = lockPath(outDir);
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    realFs.writeFileSync(file, `${dead}\n`);
    // B has read the dead pid; before it acts, A removes the stale lock and creates its own.
    duringRead = () => {
      realFs.unlinkSync(file);
      realFs.writeFileSync(file, `${alive.pid}\n`, { flag: 'wx' });
    };
    let error: unknown;
    try {
      acquireBuildLock(outDir)();
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(IndexBuildError);
    expect((error as Error).message).toMatch(new RegExp(`Another index build \\(pid ${alive.pid}\\)`));
    expect(realFs.readFileSync(file, 'utf8').trim()).toBe(String(alive.pid));
    // Nothing left beside the lock but the lock.
    expect(realFs.readdirSync(dir).filter((n) => n.startsWith('race'))).toEqual(['race.lock']);
  });
});
