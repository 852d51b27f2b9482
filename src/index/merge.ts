/**
 * Merging segments: the live articles of a few segments (chosen by merge-policy.ts) are written as
 * one new segment — their stored vectors reused, their text analysed again with the index's
 * dictionary, a new graph built — and the deleted chunks are dropped. Each merge publishes a new
 * version folder atomically, like a build, so a merge killed at any point leaves the index as it
 * was. Runs at the end of `npm run index`; `mergeIndex` runs it on its own (e.g. in the background
 * of the bot, in a child process or worker, since it holds the build lock).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Article, Chunk } from '../corpus/types.ts';
import { parseUserDictionary } from './analyser.ts';
import { acquireBuildLock } from './build-lock.ts';
import { chunksFromSpans } from './chunk-spans.ts';
import { writeDurable } from './durable.ts';
import { IndexBuildError } from './errors.ts';
import { efSearchFor } from './hnsw-store.ts';
import { cleanStale, discardBuild, fsyncDir, publish, resolveIndexDir, tempDirFor } from './index-folder.ts';
import { MANIFEST_FILE, parseManifest, readVerified, type StoredManifest } from './manifest.ts';
import { DEFAULT_MERGE_POLICY, nextMerge, type MergePolicy } from './merge-policy.ts';
import { openArticles } from './article-store.ts';
import {
  ARTICLE_BODIES_FILE,
  ARTICLE_FIELDS_FILE,
  ARTICLE_NAMES_FILE,
  ARTICLE_RECORDS_FILE,
  CHUNKS_FILE,
  linkSegmentFiles,
  SEGMENTS_DIR,
  newSegmentId,
  segmentFile,
  writeSegment,
  type SegmentEntry,
} from './segment.ts';
import type { UserWord } from './user-dictionary.ts';
import { USER_DICTIONARY_FILE } from './user-dictionary.ts';
import { SOURCES_FILE } from './sources.ts';
import { chunkSearchText } from './search-text.ts';
import { CHECKED_FILE, fileKey, readChecked } from './segment-check.ts';
import { VECTOR_ROWS_FILE, VECTORS_FILE, VectorMatrix, type ArticleRows } from './vectors-store.ts';

export interface MergeOutcome {
  merged: string[];
  into: string;
  chunks: number;
  droppedChunks: number;
  ms: number;
  segmentsAfter: number;
}

export interface MergeOptions {
  policy?: MergePolicy;
  signal?: AbortSignal;
  onProgress?(done: number, total: number): void;
  /** Stop after this many merges (default: until the policy is satisfied). */
  maxMerges?: number;
}

/** Live chunks of each segment: a segment with deletions subtracts its deleted articles' chunk counts. */
function sizes(real: string, manifest: StoredManifest) {
  return manifest.segments.map((s) => {
    const gone = manifest.deleted[s.id] ?? [];
    let dead = 0;
    if (gone.length) {
      const rows = JSON.parse(readVerified(real, segmentFile(s.id, VECTOR_ROWS_FILE), manifest).toString('utf8')) as ArticleRows[];
      for (const p of gone) dead += rows[p]?.count ?? 0;
    }
    return { id: s.id, chunks: s.chunks, live: s.chunks - dead };
  });
}

/** Runs merges while the policy asks for them. Call only while holding the build lock. */
export async function mergeLocked(outDir: string, opts: MergeOptions = {}): Promise<MergeOutcome[]> {
  const out: MergeOutcome[] = [];
  for (let i = 0; i < (opts.maxMerges ?? Infinity); i++) {
    const real = resolveIndexDir(outDir);
    if (!real) break;
    const manifest = parseManifest(readFileSync(path.join(real, MANIFEST_FILE), 'utf8'));
    const ids = nextMerge(sizes(real, manifest), opts.policy ?? DEFAULT_MERGE_POLICY);
    if (!ids) break;
    out.push(await mergeSegments(outDir, real, manifest, ids, opts));
  }
  return out;
}

/** Takes the build lock and merges (for callers other than a build, e.g. the bot in the background). */
export async function mergeIndex(outDir: string, opts: MergeOptions = {}): Promise<MergeOutcome[]> {
  const dir = path.resolve(outDir);
  const release = acquireBuildLock(dir);
  try {
    cleanStale(dir);
    return await mergeLocked(dir, opts);
  } finally {
    release();
  }
}

async function mergeSegments(
  outDir: string,
  real: string,
  manifest: StoredManifest,
  ids: string[],
  opts: MergeOptions,
): Promise<MergeOutcome> {
  const started = performance.now();
  const { dim } = manifest.embedder;
  const articles: Article[] = [];
  const chunks: Chunk[] = [];
  const rows: ArticleRows[] = [];
  const parts: Float32Array[] = [];
  let stored = 0;
  for (const id of ids) {
    const read = (name: string) => readVerified(real, segmentFile(id, name), manifest);
    // Bodies and records are read through the store, each file verified first, as every other file.
    const bodies = read(ARTICLE_BODIES_FILE).length;
    const records = read(ARTICLE_RECORDS_FILE).length;
    const names = read(ARTICLE_NAMES_FILE).length;
    const segArticles = openArticles(read(ARTICLE_FIELDS_FILE), path.join(real, SEGMENTS_DIR, id), { bodies, records, names });
    const segChunks = chunksFromSpans(segArticles, JSON.parse(read(CHUNKS_FILE).toString('utf8')));
    const segRows = JSON.parse(read(VECTOR_ROWS_FILE).toString('utf8')) as ArticleRows[];
    const matrix = VectorMatrix.fromBuffer(read(VECTORS_FILE), dim);
    stored += segChunks.length;
    const gone = new Set(manifest.deleted[id] ?? []);
    segRows.forEach((row, position) => {
      if (gone.has(position)) return;
      rows.push({ ...row, first: chunks.length });
      articles.push(segArticles[position]);
      for (let c = row.first; c < row.first + row.count; c++) chunks.push(segChunks[c]);
      parts.push(matrix.data.slice(row.first * dim, (row.first + row.count) * dim));
    });
  }
  const vectors = new Float32Array(chunks.length * dim);
  let at = 0;
  for (const p of parts) {
    vectors.set(p, at);
    at += p.length;
  }
  const words = parseUserDictionary(readVerified(real, USER_DICTIONARY_FILE, manifest).toString('utf8')) as UserWord[];
  const into = newSegmentId();
  const workDir = tempDirFor(outDir);
  let published = false;
  try {
    mkdirSync(workDir);
    const files: StoredManifest['files'] = {};
    const merged = new Set(ids);
    const segments: SegmentEntry[] = [];
    const deleted: StoredManifest['deleted'] = {};
    const efSearch = efSearchFor(chunks.length);
    for (const s of manifest.segments) {
      if (s.id === ids[0]) segments.push({ id: into, articles: articles.length, chunks: chunks.length, efSearch });
      if (merged.has(s.id)) continue;
      linkSegmentFiles(real, workDir, s.id, manifest, files);
      segments.push(s);
      if (manifest.deleted[s.id]) deleted[s.id] = manifest.deleted[s.id];
    }
    Object.assign(
      files,
      await writeSegment(
        workDir,
        into,
        { articles, chunks, searchTexts: chunks.map(chunkSearchText), vectors, dim, rows, words, hnsw: { ...manifest.hnsw, efSearch } },
        async (stage, done, total) => {
          if (stage === 'hnsw') opts.onProgress?.(done, total);
          await new Promise((r) => setImmediate(r));
          if (opts.signal?.aborted) throw new IndexBuildError('INTERRUPTED', 'Merge interrupted; the index is unchanged.');
        },
      ),
    );
    // The checksum cache: kept segments as they were checked, the merged one as written.
    const cache = readChecked(real);
    const checked: Record<string, string> = {};
    for (const [name, key] of Object.entries(cache)) if (!ids.some((id) => name.startsWith(`segments/${id}/`))) checked[name] = key;
    for (const name of Object.keys(files)) if (name.startsWith(`segments/${into}/`)) checked[name] = fileKey(path.join(workDir, name));
    writeDurable(path.join(workDir, CHECKED_FILE), JSON.stringify(checked));
    // The index-wide files are carried over unchanged.
    for (const name of [USER_DICTIONARY_FILE, SOURCES_FILE]) {
      if (!manifest.files[name]) continue;
      files[name] = manifest.files[name];
      writeDurable(path.join(workDir, name), readVerified(real, name, manifest));
    }
    const next: StoredManifest = { ...manifest, builtAt: new Date().toISOString(), segments, deleted, files };
    writeDurable(path.join(workDir, MANIFEST_FILE), JSON.stringify(next, null, 2));
    fsyncDir(workDir);
    if (opts.signal?.aborted) throw new IndexBuildError('INTERRUPTED', 'Merge interrupted; the index is unchanged.');
    publish(outDir, workDir);
    published = true;
    return {
      merged: ids,
      into,
      chunks: chunks.length,
      droppedChunks: stored - chunks.length,
      ms: Math.round(performance.now() - started),
      segmentsAfter: segments.length,
    };
  } finally {
    if (!published) discardBuild(workDir);
  }
}
