/**
 * One build at a time per index folder: `<outDir>.lock` holds the builder's pid, linked into place
 * (which fails if it exists) so two builders cannot both take it. A lock whose pid is no longer
 * running (a build killed with SIGKILL) is stale and taken over: moved aside (rename is atomic) and
 * checked, so a lock another builder has just put in its place is never deleted by name. Whoever
 * takes the lock sweeps the private files (`.new-<pid>-…`, `.stale-<pid>-…`) of builders no longer running.
 */
import { randomBytes } from 'node:crypto';
import { linkSync, readFileSync, readdirSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { IndexBuildError } from './errors.ts';

export function lockPath(outDir: string): string {
  return `${outDir}.lock`;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readPid(file: string): number {
  return Number.parseInt(readFileSync(file, 'utf8'), 10);
}

function runningError(pid: number, outDir: string, file: string): IndexBuildError {
  return new IndexBuildError(
    'LOCKED',
    `Another index build (pid ${pid}) is running for ${outDir}; wait for it to finish. If no build is running, delete ${file}.`,
  );
}

/**
 * Creates the lock holding our pid, or returns false if it exists. The pid is written to a private
 * file first and linked into place, so nobody ever reads a lock that exists but is still empty
 * (and would take it for stale).
 */
function tryCreate(file: string): boolean {
  const mine = `${file}.new-${process.pid}-${randomBytes(4).toString('hex')}`;
  writeFileSync(mine, `${process.pid}\n`);
  try {
    linkSync(mine, file);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return false;
  } finally {
    unlinkSync(mine);
  }
}

/** A builder's private files beside the lock: `<lock>.new-<pid>-<hex>` and `<lock>.stale-<pid>-<hex>`. */
const PRIVATE_FILE = /\.(?:new|stale)-(\d+)-[0-9a-f]+$/;

/**
 * Removes the private files of builders no longer running: one killed between writing its file and
 * removing it leaves it beside the index (seen in the kill-loop test under load).
 */
function sweepDeadBuilders(file: string): void {
  const dir = path.dirname(file);
  const base = path.basename(file);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = name.startsWith(base) ? PRIVATE_FILE.exec(name.slice(base.length)) : null;
    if (!m || isRunning(Number(m[1]))) continue;
    try {
      unlinkSync(path.join(dir, name));
    } catch {
      // Another builder swept it first.
    }
  }
}

/** Takes the lock or throws IndexBuildError naming the running build; returns the release function. */
export function acquireBuildLock(outDir: string): () => void {
  const file = lockPath(outDir);
  for (let attempt = 0; attempt < 2; attempt++) {
    if (tryCreate(file)) {
      sweepDeadBuilders(file);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          unlinkSync(file);
        } catch {
          // Already gone: nothing to release.
        }
      };
    }
    let pid = NaN;
    try {
      pid = readPid(file);
    } catch {
      // Vanished between open and read: retry.
      continue;
    }
    const live = (p: number) => Number.isInteger(p) && p > 0 && isRunning(p);
    if (live(pid)) throw runningError(pid, outDir, file);
    // Stale (dead pid or unreadable content). Another builder may have replaced it with its own live
    // lock since we read it, so move whatever is there now aside and look at what was moved.
    const aside = `${file}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
    try {
      renameSync(file, aside);
    } catch {
      // Someone else moved it first: try once more.
      continue;
    }
    let moved = NaN;
    try {
      moved = readPid(aside);
    } catch {
      // Unreadable: stale.
    }
    if (live(moved)) {
      // A live builder's lock: put it back (link fails only if yet another one took the name) and refuse.
      try {
        linkSync(aside, file);
      } catch {
        // The name is taken again; that builder holds the lock now.
      }
      unlinkSync(aside);
      throw runningError(moved, outDir, file);
    }
    unlinkSync(aside);
  }
  throw new IndexBuildError('LOCKED', `Could not take the build lock ${file}; another build may have just started. Try again.`);
}
