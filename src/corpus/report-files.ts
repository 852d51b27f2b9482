/**
 * What the reports folder holds, without reading it: every file's size and modification time, by
 * absolute path. Stored in the index manifest at build time and compared at start-up (and by the
 * watch) to tell which reports were added, changed or removed since. Size and mtime, as make and
 * rsync use, rather than checksums: a start-up over a gigabyte of reports stays a stat per file.
 * Walks as readCorpus does: sorted, dotfiles and dot-folders skipped (an upload in progress is a
 * dotfile), linked folders not followed.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

export interface ReportFileStamp {
  bytes: number;
  mtimeMs: number;
}

/** Absolute path → stamp. A missing input lists nothing. */
export type ReportFiles = Record<string, ReportFileStamp>;

export async function listReportFiles(inputs: readonly string[]): Promise<ReportFiles> {
  const out: ReportFiles = {};
  const add = async (file: string) => {
    const s = await stat(file).catch(() => undefined);
    if (s?.isFile()) out[file] = { bytes: s.size, mtimeMs: Math.floor(s.mtimeMs) };
  };
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const e of entries.filter((x) => !x.name.startsWith('.')).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) await walk(full);
      else await add(full); // files and links to files; add() skips links to folders
    }
  };
  for (const input of inputs) {
    const abs = path.resolve(input);
    const s = await stat(abs).catch(() => undefined);
    if (s?.isDirectory()) await walk(abs);
    else if (s?.isFile()) await add(abs);
  }
  return out;
}

export interface ReportChanges {
  added: string[];
  changed: string[];
  removed: string[];
}

/** What differs between two listings (sorted paths). Pure. */
export function compareReportFiles(before: ReportFiles, now: ReportFiles): ReportChanges {
  const added: string[] = [];
  const changed: string[] = [];
  for (const [file, stamp] of Object.entries(now)) {
    const old = before[file];
    if (!old) added.push(file);
    else if (old.bytes !== stamp.bytes || old.mtimeMs !== stamp.mtimeMs) changed.push(file);
  }
  const removed = Object.keys(before).filter((f) => !(f in now));
  return { added: added.sort(), changed: changed.sort(), removed: removed.sort() };
}

export function changeCount(c: ReportChanges): number {
  return c.added.length + c.changed.length + c.removed.length;
}
