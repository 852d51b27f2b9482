/**
 * One build at a time per index folder: `<outDir>.lock` holds the builder's pid, created with
 * O_EXCL so two builders cannot both take it. A lock whose pid is no longer running (a build
 * killed with SIGKILL) is stale and taken over.
 */
import { openSync, closeSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
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

/** Takes the lock or throws IndexBuildError naming the running build; returns the release function. */
export function acquireBuildLock(outDir: string): () => void {
  const file = lockPath(outDir);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
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
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    let pid = NaN;
    try {
      pid = Number.parseInt(readFileSync(file, 'utf8'), 10);
    } catch {
      // Vanished between open and read: retry.
      continue;
    }
    if (Number.isInteger(pid) && pid > 0 && isRunning(pid)) {
      throw new IndexBuildError(
        `Another index build (pid ${pid}) is running for ${outDir}; wait for it to finish. If no build is running, delete ${file}.`,
      );
    }
    // Stale (dead pid or unreadable content): remove and try once more.
    try {
      unlinkSync(file);
    } catch {
      // Someone else removed it first.
    }
  }
  throw new IndexBuildError(`Could not take the build lock ${file}; another build may have just started. Try again.`);
}
