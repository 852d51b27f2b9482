/**
 * One segment of an index: an immutable folder `segments/<id>/` holding its own articles, chunk
 * spans, vectors, BM25 postings and HNSW graph (labels and document numbers are local chunk
 * positions). A segment is written once, inside a build folder, and never changed: a later version
 * of the index hard-links its files and records deletions in the manifest instead.
 */
import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { setImmediate } from 'node:timers/promises';
import type { Article, Chunk } from '../corpus/types.ts';
import { addWords, analyseTerms } from './analyser.ts';
import { Bm25Builder } from './bm25-builder.ts';
import { ARTICLE_BODIES_FILE, ARTICLE_FIELDS_FILE, ARTICLE_NAMES_FILE, ARTICLE_RECORDS_FILE, serialiseArticles } from './article-store.ts';
import { chunkSpans } from './chunk-spans.ts';
import { fsyncFile, writeDurable } from './durable.ts';
import { HnswStore, type HnswParams } from './hnsw-store.ts';
import { checksum, type StoredManifest } from './manifest.ts';
import type { UserWord } from './user-dictionary.ts';
import { VECTOR_ROWS_FILE, VECTORS_FILE, VectorMatrix, type ArticleRows } from './vectors-store.ts';

export { ARTICLE_BODIES_FILE, ARTICLE_FIELDS_FILE, ARTICLE_NAMES_FILE, ARTICLE_RECORDS_FILE };
export const CHUNKS_FILE = 'chunks.json';
export const HNSW_FILE = 'hnsw.bin';
export const BM25_FILE = 'bm25.bin';
export const SEGMENTS_DIR = 'segments';
/** Every file of a segment. */
export const SEGMENT_FILES = [
  ARTICLE_FIELDS_FILE,
  ARTICLE_BODIES_FILE,
  ARTICLE_RECORDS_FILE,
  ARTICLE_NAMES_FILE,
  CHUNKS_FILE,
  VECTORS_FILE,
  VECTOR_ROWS_FILE,
  BM25_FILE,
  HNSW_FILE,
] as const;

/** A file's name in the manifest (relative to the version folder). */
export function segmentFile(id: string, name: string): string {
  return `${SEGMENTS_DIR}/${id}/${name}`;
}

export type SegmentEntry = StoredManifest['segments'][number];

/** A fresh segment id: time first, so ids sort by creation. */
export function newSegmentId(): string {
  return `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
}

export interface FileEntry {
  bytes: number;
  crc32: string;
}

/** What a segment is built from: articles, their chunks in order, and one vector per chunk. */
export interface SegmentInput {
  articles: Article[];
  chunks: Chunk[];
  /** Chunk i's `chunkSearchText`, which the build already made for the embedder. */
  searchTexts: string[];
  /** Row i is chunk i's vector. */
  vectors: Float32Array;
  dim: number;
  rows: ArticleRows[];
  /** The index's user dictionary, loaded into jieba before analysing (as the loader will). */
  words: UserWord[];
  hnsw: HnswParams;
}

export type SegmentStage = 'analyse' | 'hnsw' | 'write';

/** Chunks analysed (or graph points added) between two turns of the event loop. */
const YIELD_EVERY = 500;

/**
 * Analyses, indexes and writes a segment into `dir` (created); returns its files by manifest name.
 * `pause(stage, done, total)` is awaited every few hundred chunks: progress, and a turn of the
 * event loop (a Ctrl-C handler may then throw from it to stop the build).
 */
export async function writeSegment(
  root: string,
  id: string,
  input: SegmentInput,
  pause: (stage: SegmentStage, done: number, total: number) => Promise<void> = () => setImmediate(),
): Promise<Record<string, FileEntry>> {
  const n = input.chunks.length;
  addWords(input.words);
  const builder = new Bm25Builder();
  for (let i = 0; i < n; i++) {
    if (i % YIELD_EVERY === 0) await pause('analyse', i, n);
    analyseTerms(input.searchTexts[i], builder);
    builder.endDocument();
  }
  const bm25 = builder.build();
  await pause('analyse', n, n);
  const matrix = new VectorMatrix(input.vectors, input.dim);
  const hnsw = await HnswStore.buildAsync(
    input.dim,
    n,
    (i) => matrix.row(i),
    input.hnsw,
    (done) => pause('hnsw', done, n),
    YIELD_EVERY,
  );

  const dir = path.join(root, SEGMENTS_DIR, id);
  mkdirSync(dir, { recursive: true });
  const files: Record<string, FileEntry> = {};
  const put = (name: string, data: Buffer | string) => {
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    writeDurable(path.join(dir, name), buf);
    files[segmentFile(id, name)] = { bytes: buf.length, crc32: checksum(buf) };
  };
  for (const [name, data] of Object.entries(serialiseArticles(input.articles))) put(name, data);
  put(CHUNKS_FILE, JSON.stringify(chunkSpans(input.articles, input.chunks)));
  put(VECTORS_FILE, matrix.serialise());
  put(VECTOR_ROWS_FILE, JSON.stringify(input.rows));
  put(BM25_FILE, bm25.serialise());
  const hnswFile = path.join(dir, HNSW_FILE);
  await hnsw.write(hnswFile);
  fsyncFile(hnswFile);
  const hnswData = readFileSync(hnswFile);
  files[segmentFile(id, HNSW_FILE)] = { bytes: hnswData.length, crc32: checksum(hnswData) };
  await pause('write', 1, 1);
  return files;
}

/** Hard-links a kept segment's files into a new version folder (segments never change, so no copy). */
export function linkSegmentFiles(from: string, to: string, id: string, manifest: StoredManifest, files: Record<string, FileEntry>): void {
  mkdirSync(path.join(to, SEGMENTS_DIR, id), { recursive: true });
  for (const name of SEGMENT_FILES) {
    const rel = segmentFile(id, name);
    const entry = manifest.files[rel];
    if (!entry) throw new Error(`the manifest does not list ${rel}`);
    linkSync(path.join(from, rel), path.join(to, rel));
    files[rel] = entry;
  }
}
