/**
 * Where an index lives on disk, and how a new build replaces the old one atomically.
 *
 * Scheme: `<outDir>` is a symbolic link to a sibling version folder `<outDir>.v-<time>-<rand>`.
 * A build writes `<outDir>.tmp-<pid>-<rand>`, fsyncs it, renames it to a version folder, points
 * a fresh link at it and renames that link over `<outDir>`. rename(2) replaces the link in one
 * step, so a reader resolves either the old complete version or the new one, never a mix, and a
 * crash at any moment leaves `<outDir>` pointing at a complete index. Readers resolve the link
 * once (`resolveIndexDir`) and read every file from the real folder.
 *
 * The one non-atomic step is upgrading an `<outDir>` that is a plain folder (first build over an
 * index made by hand or by an older version): it is renamed to a version folder first; if the
 * process dies right then, `<outDir>` is missing and `resolveIndexDir` falls back to the newest
 * complete version folder.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  lstatSync,
  openSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  rmdirSync,
  symlinkSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { IndexBuildError } from './errors.ts';
import { MANIFEST_FILE } from './manifest.ts';

/** Names this module creates beside `<outDir>`; nothing else there is ever touched. */
const SIBLING_PATTERNS = {
  '.v-': /^\d{15}-[0-9a-f]{8}$/,
  '.tmp-': /^\d+-[0-9a-f]{8}$/,
  '.link-': /^\d+-[0-9a-f]{8}$/,
} as const;

function siblings(outDir: string, infix: keyof typeof SIBLING_PATTERNS): string[] {
  const parent = path.dirname(outDir);
  const prefix = `${path.basename(outDir)}${infix}`;
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return [];
  }
  return names.filter((n) => n.startsWith(prefix) && SIBLING_PATTERNS[infix].test(n.slice(prefix.length))).map((n) => path.join(parent, n));
}

function stamp(): string {
  return `${Date.now().toString().padStart(15, '0')}-${randomBytes(4).toString('hex')}`;
}

/** A fresh build folder name beside `outDir`. */
export function tempDirFor(outDir: string): string {
  return `${outDir}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
}

/** Flushes a folder's entries (new names, renames) to disk. */
export function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Some file systems do not support fsync on folders; the renames are still ordered.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The real folder `p` is or points at now, or undefined when there is none. */
function currentTarget(p: string): string | undefined {
  try {
    return realpathSync(p);
  } catch {
    return undefined;
  }
}

/**
 * The folder to read an index from: the link's target, a plain folder, or — if a crash hit the
 * one-time upgrade step — the newest complete version folder. Undefined when there is no index.
 */
export function resolveIndexDir(outDir: string): string | undefined {
  const target = currentTarget(outDir);
  if (target) return target;
  const versions = siblings(outDir, '.v-')
    .filter((d) => existsSync(path.join(d, MANIFEST_FILE)))
    .sort();
  return versions.length ? realpathSync(versions[versions.length - 1]) : undefined;
}

/**
 * Removes what interrupted builds left behind: temp folders, temp links, and version folders the
 * link no longer points at. Call only while holding the build lock.
 */
export function cleanStale(outDir: string): void {
  const keep = resolveIndexDir(outDir);
  for (const dir of [...siblings(outDir, '.tmp-'), ...siblings(outDir, '.link-'), ...siblings(outDir, '.v-')]) {
    if (keep && currentTarget(dir) === keep) continue;
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Makes `builtDir` (complete and fsynced) the index at `outDir`, atomically, and removes the
 * version it replaced. Call only while holding the build lock.
 */
export function publish(outDir: string, builtDir: string): void {
  const parent = path.dirname(outDir);
  let previous: string | undefined;
  let stat;
  try {
    stat = lstatSync(outDir);
  } catch {
    stat = undefined;
  }
  if (stat?.isSymbolicLink()) {
    previous = currentTarget(outDir);
  } else if (stat?.isDirectory()) {
    const entries = readdirSync(outDir);
    if (entries.length > 0 && !entries.includes(MANIFEST_FILE)) {
      throw new IndexBuildError('BAD_OUTPUT', `${outDir} exists and is not an index folder; choose another --out or move it away.`);
    }
    // One-time upgrade of a plain index folder (see the module comment).
    previous = `${outDir}.v-${stamp()}`;
    renameSync(outDir, previous);
  } else if (stat) {
    throw new IndexBuildError('BAD_OUTPUT', `${outDir} exists and is not a folder; choose another --out or move it away.`);
  }
  const version = `${outDir}.v-${stamp()}`;
  renameSync(builtDir, version);
  const link = `${outDir}.link-${process.pid}-${randomBytes(4).toString('hex')}`;
  // A relative target keeps the index working when its parent folder is moved.
  symlinkSync(path.basename(version), link, 'dir');
  renameSync(link, outDir);
  fsyncDir(parent);
  if (previous && previous !== realpathSync(version)) rmSync(previous, { recursive: true, force: true });
}

/** Removes a build folder after a failed build (best effort). */
export function discardBuild(builtDir: string): void {
  try {
    rmSync(builtDir, { recursive: true, force: true });
  } catch {
    try {
      rmdirSync(builtDir);
    } catch {
      // Left for the next build's cleanStale.
    }
  }
}
