/**
 * The manifest: written last into an index folder, it says what built the index and lists every
 * other file with its size and checksum, so a truncated or corrupted file is caught at load time.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { z } from 'zod';
import { crc32 } from './crc32.ts';
import { SEGMENTER, UNRECORDED_SEGMENTER } from './segmenters/identity.ts';
import type { Manifest } from './types.ts';

/**
 * Bump when any file's layout or meaning changes; older indexes are then rebuilt, not misread.
 * 5: articles carry `eventDates`. 6: the index is a list of segments plus deletions. 7: bm25.bin
 * carries block bounds (its file version 2). 8: articles as fields, bodies and records
 * (article-store.ts), files checked by CRC-32 instead of sha256. 10: bm25.bin holds its terms as a
 * hash table (its file version 3, term-table.ts). 11: each segment stores its articles' names
 * (article-names.json). 12: bm25.bin stores documents as 16-bit lows in spans and term frequencies
 * in one byte (its file version 4).
 */
export const FORMAT_VERSION = 12;
export const MANIFEST_FILE = 'manifest.json';

const fileEntry = z.object({ bytes: z.number().int().nonnegative(), crc32: z.string().regex(/^[0-9a-f]{8}$/) });

const schema = z.object({
  formatVersion: z.number().int().positive(),
  embedder: z.object({ id: z.string().min(1), dim: z.number().int().positive() }),
  corpusFingerprint: z.string().min(1),
  counts: z.object({
    files: z.number().int().nonnegative(),
    articles: z.number().int().nonnegative(),
    chunks: z.number().int().nonnegative(),
  }),
  builtAt: z.string().min(1),
  buildMs: z.number().nonnegative(),
  hnsw: z.object({ M: z.number().int().positive(), efConstruction: z.number().int().positive(), efSearch: z.number().int().positive() }),
  /** The segmenter that cut the BM25 terms (segmenters/identity.ts); absent in indexes cut by nodejieba before it was recorded. */
  segmenter: z.string().min(1).optional(),
  /** How the reports were read into articles (corpus/reader-version.ts); absent before it was recorded. */
  readerVersion: z.number().int().positive().optional(),
  /** The live segments, in order: global chunk numbers run through them in this order. */
  segments: z.array(
    z.object({
      id: z.string().regex(/^[0-9a-z-]+$/),
      /** Articles and chunks stored in the segment, deleted ones included. */
      articles: z.number().int().nonnegative(),
      chunks: z.number().int().nonnegative(),
      /** The search ef of this segment's graph. */
      efSearch: z.number().int().positive(),
    }),
  ),
  /** Deleted articles (all their chunks go with them), by segment id: positions in its article files. */
  deleted: z.record(z.string(), z.array(z.number().int().nonnegative())),
  /** Every other file of the index folder, by name (segment files as `segments/<id>/<name>`). */
  files: z.record(z.string(), fileEntry),
  /**
   * The report files the build read (absolute path → size and mtime), to tell at start-up which were
   * added, changed or removed since (src/index/freshness.ts). Absent in indexes built before it.
   */
  reports: z.record(z.string(), z.object({ bytes: z.number().int().nonnegative(), mtimeMs: z.number() })).optional(),
});

export type StoredManifest = Manifest & z.infer<typeof schema>;

/** Content identity (articles, embedded texts): sha256. */
export function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * A file's checksum in the manifest: CRC-32 (crc32.ts), as hex. It guards against truncation and
 * corruption, not tampering, and zlib's alone took half sha256's CPU on this machine's SHA
 * extensions (256 MB: 112 ms against 215 ms); at 100,000 chunks the segment files are ~620 MB,
 * checked at every start.
 */
export function checksum(data: Buffer | string): string {
  return crc32Hex(crc32(data));
}

/** A CRC-32 value as the manifest writes it (8 hex digits). */
export function crc32Hex(value: number): string {
  return (value >>> 0).toString(16).padStart(8, '0');
}

/** A manifest written by another format version, or terms cut by another segmenter: the index is outdated, not damaged. */
export class ManifestVersionError extends Error {}

/** Parses manifest text; throws an Error whose message names the first problem. */
export function parseManifest(text: string): StoredManifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error('manifest.json is not valid JSON');
  }
  // Check the version first: an older format may also differ in shape, and "rebuild" is the fix.
  const version = (json as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof version === 'number' && version !== FORMAT_VERSION) {
    throw new ManifestVersionError(`the index has format version ${version}, this program reads version ${FORMAT_VERSION}`);
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`manifest.json is invalid (${issue.path.join('.') || 'root'}: ${issue.message})`);
  }
  const segmenter = result.data.segmenter ?? UNRECORDED_SEGMENTER;
  if (segmenter !== SEGMENTER) {
    throw new ManifestVersionError(`the index's search terms were cut by ${segmenter}, this program cuts them with ${SEGMENTER}`);
  }
  return result.data;
}

/** Verifies one listed file; returns its contents so callers read each file once. */
export function readVerified(dir: string, name: string, manifest: StoredManifest): Buffer {
  const entry = manifest.files[name];
  if (!entry) throw new Error(`the manifest does not list ${name}`);
  let data: Buffer;
  try {
    data = readFileSync(`${dir}/${name}`);
  } catch {
    throw new Error(`${name} is missing`);
  }
  if (data.length !== entry.bytes)
    throw new Error(`${name} is ${data.length} bytes, the manifest says ${entry.bytes} (truncated or changed)`);
  if (checksum(data) !== entry.crc32) throw new Error(`${name} does not match its checksum (corrupted or changed)`);
  return data;
}

/** The size check of `readVerified` alone (the checksum is verified elsewhere, e.g. in the background). */
export function checkListedSize(dir: string, name: string, manifest: StoredManifest): void {
  const entry = manifest.files[name];
  if (!entry) throw new Error(`the manifest does not list ${name}`);
  let bytes: number;
  try {
    bytes = statSync(`${dir}/${name}`).size;
  } catch {
    throw new Error(`${name} is missing`);
  }
  if (bytes !== entry.bytes) throw new Error(`${name} is ${bytes} bytes, the manifest says ${entry.bytes} (truncated or changed)`);
}

/** Compares a computed digest with the manifest's entry (same messages as `readVerified`). */
export function checkListedDigest(name: string, manifest: StoredManifest, digest: { crc32?: string; error?: string }): void {
  if (digest.error !== undefined) throw new Error(`${name} cannot be read (${digest.error})`);
  if (digest.crc32 !== manifest.files[name]?.crc32) throw new Error(`${name} does not match its checksum (corrupted or changed)`);
}
