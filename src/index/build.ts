/**
 * Builds an index folder from report files: read → chunk → embed (reusing unchanged articles'
 * vectors) → HNSW + BM25 → write into a temp folder → publish atomically (see index-folder.ts).
 * The previous index stays loadable at every moment; a failed build changes nothing.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { setImmediate } from 'node:timers/promises';
import type { Article, Chunk, SkippedFile } from '../corpus/types.ts';
import { readCorpus } from '../corpus/read.ts';
import { listReportFiles } from '../corpus/report-files.ts';
import { chunkArticle, type ChunkOptions } from '../corpus/chunker.ts';
import { log } from '../log.ts';
import { analyseSearchForm, addWords } from './analyser.ts';
import { chunkSpans } from './chunk-spans.ts';
import { Bm25Index } from './bm25.ts';
import { acquireBuildLock } from './build-lock.ts';
import { IndexBuildError } from './errors.ts';
import { DEFAULT_HNSW, efSearchFor, HnswStore, type HnswParams } from './hnsw-store.ts';
import { cleanStale, discardBuild, fsyncDir, publish, resolveIndexDir, tempDirFor } from './index-folder.ts';
import { FORMAT_VERSION, MANIFEST_FILE, parseManifest, readVerified, sha256, type StoredManifest } from './manifest.ts';
import { chunkSearchText } from './search-text.ts';
import type { Embedder } from './types.ts';
import { formatUserDictionary, USER_DICTIONARY_FILE, userWords } from './user-dictionary.ts';
import { VECTOR_ROWS_FILE, VECTORS_FILE, VectorMatrix, type ArticleRows } from './vectors-store.ts';

export const ARTICLES_FILE = 'articles.json';
export const CHUNKS_FILE = 'chunks.json';
export const HNSW_FILE = 'hnsw.bin';
export const BM25_FILE = 'bm25.bin';

export interface BuildProgress {
  stage: 'read' | 'chunk' | 'embed' | 'analyse' | 'hnsw' | 'write';
  done: number;
  total: number;
}

export interface BuildOptions {
  inputs: string[];
  outDir: string;
  embedder: Embedder;
  onProgress?(p: BuildProgress): void;
  chunkOptions?: ChunkOptions;
  hnsw?: Partial<HnswParams>;
  /** Texts per embed call. */
  batchSize?: number;
  /** Stops the build between batches; the previous index is left as it was. */
  signal?: AbortSignal;
  /** Input root that `Article.source` is relative to (passed to readCorpus). */
  root?: string;
}

export interface ArticleListing {
  id: string;
  headline: string;
  date?: string;
  meeting?: string;
  reporters: string[];
  chunks: number;
}

export interface BuildSummary {
  files: number;
  articles: number;
  chunks: number;
  embedder: string;
  ms: number;
  skipped: SkippedFile[];
  /** Chunk vectors taken from the previous index instead of embedded again. */
  reused: number;
  articleList: ArticleListing[];
  /** Wall time of each stage. */
  stageMs: Record<string, number>;
  /** The folder the index was published to (`outDir`, a link to the version folder). */
  outDir: string;
}

const DEFAULT_BATCH = 64;

/** Vectors of the previous index by article hash, when it was built by the same embedder. */
function previousVectors(outDir: string, embedder: Embedder): Map<string, Float32Array[]> {
  const reusable = new Map<string, Float32Array[]>();
  const dir = resolveIndexDir(outDir);
  if (!dir || !existsSync(path.join(dir, MANIFEST_FILE))) return reusable;
  try {
    const manifest = parseManifest(readFileSync(path.join(dir, MANIFEST_FILE), 'utf8'));
    if (manifest.embedder.id !== embedder.id || manifest.embedder.dim !== embedder.dim) return reusable;
    const rows = JSON.parse(readVerified(dir, VECTOR_ROWS_FILE, manifest).toString('utf8')) as ArticleRows[];
    const matrix = VectorMatrix.fromBuffer(readVerified(dir, VECTORS_FILE, manifest), manifest.embedder.dim);
    for (const r of rows) {
      if (r.first + r.count > matrix.rows) continue;
      // Copies, so the old file's buffer can be released.
      reusable.set(r.hash, Array.from({ length: r.count }, (_, i) => matrix.row(r.first + i).slice()));
    }
  } catch (err) {
    // An unreadable previous index is simply not reused; the build replaces it.
    log.warn(`Not reusing vectors of the previous index at ${outDir}: ${(err as Error).message}`);
  }
  return reusable;
}

/** Writes a file and flushes it to disk, so a published folder is complete after a crash. */
function writeDurable(file: string, data: Buffer | string): void {
  const fd = openSync(file, 'w');
  try {
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let off = 0;
    while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function fsyncFile(file: string): void {
  const fd = openSync(file, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw new IndexBuildError('INTERRUPTED', 'Index build interrupted; the previous index is unchanged.');
}

/** Chunks analysed (or graph points added) between two turns of the event loop. */
const YIELD_EVERY = 500;

/** Lets signal handlers (Ctrl-C) run during long CPU stages, then stops if they asked to. */
async function yieldToEvents(signal?: AbortSignal): Promise<void> {
  await setImmediate();
  throwIfAborted(signal);
}

export async function buildIndex(opts: BuildOptions): Promise<BuildSummary> {
  const started = performance.now();
  const outDir = path.resolve(opts.outDir);
  const { embedder, onProgress, signal } = opts;
  const hnswParams: HnswParams = { ...DEFAULT_HNSW, ...opts.hnsw };
  const stageMs: Record<string, number> = {};
  let stageStart = performance.now();
  const endStage = (name: string) => {
    const now = performance.now();
    stageMs[name] = Math.round(now - stageStart);
    stageStart = now;
  };

  mkdirSync(path.dirname(outDir), { recursive: true });
  const release = acquireBuildLock(outDir);
  let workDir: string | undefined;
  try {
    cleanStale(outDir);

    // Listed before reading: a report changed during the build shows as changed next time.
    const reportFiles = await listReportFiles(opts.inputs);
    let filesSeen = 0;
    const corpus = await readCorpus(opts.inputs, {
      root: opts.root,
      // Beside the index, not in it: the index folder is replaced by every build, the OCR'd text is kept.
      cacheDir: `${outDir}.ocr-cache`,
      onFile: () => onProgress?.({ stage: 'read', done: ++filesSeen, total: 0 }),
    });
    endStage('read');
    if (corpus.articles.length === 0) {
      const why = corpus.skipped.length ? ` (${corpus.skipped.length} file(s) skipped: ${corpus.skipped.map((s) => `${s.path}: ${s.reason}`).join('; ')})` : '';
      throw new IndexBuildError('NO_ARTICLES', `No articles found in ${opts.inputs.join(', ')}${why}; the existing index, if any, is unchanged.`);
    }
    throwIfAborted(signal);

    const articles: Article[] = corpus.articles;
    const perArticle: Chunk[][] = articles.map((a, i) => {
      onProgress?.({ stage: 'chunk', done: i + 1, total: articles.length });
      return chunkArticle(a, opts.chunkOptions);
    });
    const chunks = perArticle.flat();
    // Recorded in the manifest: loadIndex and ask search with it.
    if (opts.hnsw?.efSearch === undefined) hnswParams.efSearch = efSearchFor(chunks.length);
    const searchTexts = chunks.map(chunkSearchText);
    endStage('chunk');

    // Embedding: unchanged articles (same embedder, same embedded texts) reuse stored vectors.
    const reusable = previousVectors(outDir, embedder);
    const vectors: Float32Array[] = new Array(chunks.length);
    const rows: ArticleRows[] = [];
    const pending: number[] = [];
    let reused = 0;
    let at = 0;
    for (let a = 0; a < articles.length; a++) {
      const count = perArticle[a].length;
      const texts = searchTexts.slice(at, at + count);
      const hash = sha256(JSON.stringify([embedder.id, embedder.dim, texts]));
      rows.push({ articleId: articles[a].id, hash, first: at, count });
      const old = reusable.get(hash);
      if (old && old.length === count) {
        for (let i = 0; i < count; i++) vectors[at + i] = old[i];
        reused += count;
      } else {
        for (let i = 0; i < count; i++) pending.push(at + i);
      }
      at += count;
    }
    reusable.clear();
    const batch = opts.batchSize ?? DEFAULT_BATCH;
    onProgress?.({ stage: 'embed', done: 0, total: pending.length });
    for (let i = 0; i < pending.length; i += batch) {
      throwIfAborted(signal);
      const ids = pending.slice(i, i + batch);
      const out = await embedder.embed(ids.map((c) => searchTexts[c]), 'passage');
      if (out.length !== ids.length) throw new Error(`the embedder returned ${out.length} vectors for ${ids.length} texts`);
      ids.forEach((c, j) => {
        if (out[j].length !== embedder.dim) throw new Error(`the embedder returned a vector of dimension ${out[j].length}, expected ${embedder.dim}`);
        vectors[c] = out[j];
      });
      onProgress?.({ stage: 'embed', done: Math.min(i + batch, pending.length), total: pending.length });
    }
    endStage('embed');
    throwIfAborted(signal);

    // BM25 with the user dictionary loaded first, exactly as loadIndex will load it.
    const words = userWords(articles);
    addWords(words);
    const termLists: string[][] = [];
    for (let i = 0; i < searchTexts.length; i++) {
      if (i % YIELD_EVERY === 0) {
        onProgress?.({ stage: 'analyse', done: i, total: chunks.length });
        await yieldToEvents(signal);
      }
      termLists.push(analyseSearchForm(searchTexts[i]));
    }
    const bm25 = Bm25Index.build(termLists);
    onProgress?.({ stage: 'analyse', done: chunks.length, total: chunks.length });
    endStage('analyse');
    throwIfAborted(signal);

    const matrix = VectorMatrix.fromRows(vectors, embedder.dim);
    const hnsw = await HnswStore.buildAsync(embedder.dim, chunks.length, (i) => matrix.row(i), hnswParams, (done) => {
      onProgress?.({ stage: 'hnsw', done, total: chunks.length });
      return yieldToEvents(signal);
    });
    onProgress?.({ stage: 'hnsw', done: chunks.length, total: chunks.length });
    endStage('hnsw');
    throwIfAborted(signal);

    workDir = tempDirFor(outDir);
    mkdirSync(workDir);
    const files: StoredManifest['files'] = {};
    const put = (name: string, data: Buffer | string) => {
      const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      writeDurable(path.join(workDir!, name), buf);
      files[name] = { bytes: buf.length, sha256: sha256(buf) };
    };
    put(ARTICLES_FILE, JSON.stringify(articles));
    put(CHUNKS_FILE, JSON.stringify(chunkSpans(articles, chunks)));
    put(VECTORS_FILE, matrix.serialise());
    put(VECTOR_ROWS_FILE, JSON.stringify(rows));
    put(BM25_FILE, bm25.serialise());
    put(USER_DICTIONARY_FILE, formatUserDictionary(words));
    const hnswFile = path.join(workDir, HNSW_FILE);
    await hnsw.write(hnswFile);
    fsyncFile(hnswFile);
    const hnswData = readFileSync(hnswFile);
    files[HNSW_FILE] = { bytes: hnswData.length, sha256: sha256(hnswData) };

    const ms = Math.round(performance.now() - started);
    const manifest: StoredManifest = {
      formatVersion: FORMAT_VERSION,
      embedder: { id: embedder.id, dim: embedder.dim },
      corpusFingerprint: sha256(rows.map((r) => r.hash).join('\n') + '\n' + sha256(JSON.stringify(articles))),
      counts: { files: corpus.files, articles: articles.length, chunks: chunks.length },
      builtAt: new Date().toISOString(),
      buildMs: ms,
      hnsw: hnswParams,
      files,
      reports: reportFiles,
    };
    // Last: a folder without a manifest is never a complete index.
    writeDurable(path.join(workDir, MANIFEST_FILE), JSON.stringify(manifest, null, 2));
    fsyncDir(workDir);
    onProgress?.({ stage: 'write', done: 1, total: 1 });
    throwIfAborted(signal);
    publish(outDir, workDir);
    workDir = undefined;
    endStage('write');

    return {
      files: corpus.files,
      articles: articles.length,
      chunks: chunks.length,
      embedder: embedder.id,
      ms: Math.round(performance.now() - started),
      skipped: corpus.skipped,
      reused,
      articleList: articles.map((a, i) => ({
        id: a.id,
        headline: a.headline,
        date: a.date,
        meeting: a.meeting,
        reporters: a.reporters,
        chunks: perArticle[i].length,
      })),
      stageMs,
      outDir,
    };
  } finally {
    if (workDir) discardBuild(workDir);
    release();
  }
}
