/**
 * Before an update keeps a segment of the previous index, it checks it: every file's size and
 * checksum against the manifest, and the counts its files imply (vector rows, BM25 documents, HNSW
 * elements and the graph's stored size, chunk spans, article rows). A damaged segment makes the update
 * a full rebuild instead of carrying the damage forward. Checksums are remembered in `checked.json`
 * of each version folder by (inode, size, modification time) — segment files are hard-linked from
 * version to version and never rewritten — so a large unchanged segment is hashed once, not on every
 * update; a file written again (by anything) has a new modification time and is hashed again.
 */
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { crc32 } from './crc32.ts';
import { crc32Hex, type StoredManifest } from './manifest.ts';
import { BM25_FILE, CHUNKS_FILE, HNSW_FILE, SEGMENT_FILES, segmentFile, type SegmentEntry } from './segment.ts';
import { VECTORS_FILE } from './vectors-store.ts';

export const CHECKED_FILE = 'checked.json';

/** A file's identity for the checksum cache. */
export function fileKey(file: string): string {
  const st = statSync(file);
  return `${st.ino}:${st.size}:${st.mtimeMs}`;
}

function checksumFile(file: string): string {
  let value = 0;
  const buf = Buffer.allocUnsafe(4 << 20);
  const fd = openSync(file, 'r');
  try {
    for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0;) value = crc32(buf.subarray(0, n), value);
  } finally {
    closeSync(fd);
  }
  return crc32Hex(value);
}

/** The checksum cache of a version folder: manifest name → `fileKey` when it last matched. */
export function readChecked(real: string): Record<string, string> {
  try {
    return JSON.parse(readFileSync(path.join(real, CHECKED_FILE), 'utf8')) as Record<string, string>;
  } catch {
    return {};
  }
}

/** hnswlib's file header (size_t fields, little-endian): element count and bytes per element. */
function hnswHeader(file: string): { count: number; perElement: number; bytes: number } {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(96);
    if (readSync(fd, head, 0, 96, 0) < 96) throw new Error('the HNSW file is truncated');
    return { count: Number(head.readBigUInt64LE(16)), perElement: Number(head.readBigUInt64LE(24)), bytes: statSync(file).size };
  } finally {
    closeSync(fd);
  }
}

/**
 * Throws an Error naming the first problem of a segment; `checked` gets the keys of files whose
 * checksum matched (for the new version's cache).
 */
export function checkSegment(
  real: string,
  manifest: StoredManifest,
  seg: SegmentEntry,
  articleRows: number,
  rowChunks: number,
  cache: Record<string, string>,
  checked: Record<string, string>,
): void {
  for (const name of SEGMENT_FILES) {
    const rel = segmentFile(seg.id, name);
    const entry = manifest.files[rel];
    if (!entry) throw new Error(`the manifest does not list ${rel}`);
    const file = path.join(real, rel);
    let key: string;
    try {
      key = fileKey(file);
    } catch {
      throw new Error(`${rel} is missing`);
    }
    if (statSync(file).size !== entry.bytes) throw new Error(`${rel} is not the size the manifest says`);
    if (cache[rel] !== key && checksumFile(file) !== entry.crc32) throw new Error(`${rel} does not match its checksum`);
    checked[rel] = key;
  }
  const file = (name: string) => path.join(real, segmentFile(seg.id, name));
  const { dim } = manifest.embedder;
  if (manifest.files[segmentFile(seg.id, VECTORS_FILE)]!.bytes !== seg.chunks * dim * 4)
    throw new Error(`segment ${seg.id}: vectors and chunks disagree`);
  if (articleRows !== seg.articles || rowChunks !== seg.chunks) throw new Error(`segment ${seg.id}: article rows and counts disagree`);
  const bm25 = Buffer.alloc(16);
  const fd = openSync(file(BM25_FILE), 'r');
  try {
    readSync(fd, bm25, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (bm25.readUInt32LE(12) !== seg.chunks) throw new Error(`segment ${seg.id}: BM25 documents and chunks disagree`);
  const hnsw = hnswHeader(file(HNSW_FILE));
  if (hnsw.count !== seg.chunks || hnsw.bytes < 96 + hnsw.count * hnsw.perElement)
    throw new Error(`segment ${seg.id}: the HNSW graph is incomplete`);
  const spans = JSON.parse(readFileSync(file(CHUNKS_FILE), 'utf8')) as unknown[];
  if (spans.length !== seg.chunks) throw new Error(`segment ${seg.id}: chunk spans and counts disagree`);
}
