/**
 * Is the index current? Compares the reports folder now with the listing the index's manifest
 * recorded at build time. Reads the manifest alone (no checksums): cheap enough for every start-up
 * and every change the watch sees.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compareReportFiles, listReportFiles, type ReportChanges } from '../corpus/report-files.ts';
import { READER_VERSION } from '../corpus/reader-version.ts';
import { resolveIndexDir } from './index-folder.ts';
import { MANIFEST_FILE, parseManifest } from './manifest.ts';

export interface Freshness {
  /** False when there is no readable index, or its manifest predates the report listing. */
  known: boolean;
  changes: ReportChanges;
  /** The index was read from the reports by another version of the reader (corpus/reader-version.ts). */
  readerChanged: boolean;
  /** When the index was built (ISO), if there is one. */
  builtAt?: string;
}

export function isCurrent(f: Freshness): boolean {
  return f.known && !f.readerChanged && f.changes.added.length + f.changes.changed.length + f.changes.removed.length === 0;
}

/** Why the index is not current, for the log. */
export function describeFreshness(f: Freshness): string {
  if (!f.known) return 'the index lists no report files';
  return describeChanges(f.changes) + (f.readerChanged ? '; reports are read differently since the index was built' : '');
}

/** One line for the log: "2 new, 1 changed, 0 removed report file(s)". */
function describeChanges(c: ReportChanges): string {
  return `${c.added.length} new, ${c.changed.length} changed, ${c.removed.length} removed report file(s)`;
}

export async function indexFreshness(indexDir: string, reportsDir: string): Promise<Freshness> {
  const now = await listReportFiles([reportsDir]);
  const real = resolveIndexDir(path.resolve(indexDir));
  let recorded: Record<string, { bytes: number; mtimeMs: number }> | undefined;
  let builtAt: string | undefined;
  let readerChanged = false;
  if (real) {
    try {
      const manifest = parseManifest(readFileSync(path.join(real, MANIFEST_FILE), 'utf8'));
      recorded = manifest.reports;
      builtAt = manifest.builtAt;
      readerChanged = manifest.readerVersion !== READER_VERSION;
    } catch {
      // Unreadable: not known to be current; loading it reports the problem itself.
    }
  }
  return { known: recorded !== undefined, changes: compareReportFiles(recorded ?? {}, now), readerChanged, builtAt };
}
