/**
 * Opens an index folder for searching. Everything is verified before use (format version, every
 * file's size and sha256, counts that must agree, the embedder), and every problem becomes an
 * IndexError whose one-line message names it and says how to rebuild.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Article, Chunk } from '../corpus/types.ts';
import { ARTICLES_FILE, BM25_FILE, CHUNKS_FILE, HNSW_FILE } from './build.ts';
import { createAnalyser } from './analyser.ts';
import { chunksFromSpans } from './chunk-spans.ts';
import { Bm25Index } from './bm25.ts';
import { IndexError, type IndexErrorCode } from './errors.ts';
import { HnswStore } from './hnsw-store.ts';
import { resolveIndexDir } from './index-folder.ts';
import { hashFilesInBackground } from './checksum-worker.ts';
import { checkListedDigest, checkListedSize, MANIFEST_FILE, ManifestVersionError, parseManifest, readVerified, type StoredManifest } from './manifest.ts';
import type { ChunkHit, Embedder, ReportIndex } from './types.ts';
import { USER_DICTIONARY_FILE } from './user-dictionary.ts';
import { VECTORS_FILE, VectorFile } from './vectors-store.ts';

export interface LoadOptions {
  modelsDir: string;
  /** Use this embedder instead of opening the manifest's (tests; it must have the manifest's id and dim). */
  embedder?: Embedder;
}

/** With a filter that keeps at most this many chunks, dense search scans them exactly (faster and exact). */
const EXACT_FILTER_LIMIT = 2000;

function parseJson<T>(data: Buffer, name: string): T {
  try {
    return JSON.parse(data.toString('utf8')) as T;
  } catch {
    throw new Error(`${name} is not valid JSON`);
  }
}

function normalised(v: Float32Array): Float32Array {
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += v[i] * v[i];
  const norm = Math.sqrt(sum);
  if (norm === 0 || Math.abs(norm - 1) < 1e-6) return v;
  return v.map((x) => x / norm);
}

export async function loadIndex(dir: string, opts: LoadOptions): Promise<ReportIndex> {
  const outDir = path.resolve(dir);
  const before = resolveIndexDir(outDir);
  try {
    return await loadFrom(outDir, before, opts);
  } catch (err) {
    // A build may have swapped the link (and removed the old version) while we were reading:
    // if the link now points elsewhere, that version is complete, so read it once.
    const now = resolveIndexDir(outDir);
    if (err instanceof IndexError && now && now !== before) return loadFrom(outDir, now, opts);
    throw err;
  }
}

async function loadFrom(outDir: string, real: string | undefined, opts: LoadOptions): Promise<ReportIndex> {
  if (!real) throw new IndexError('INDEX_MISSING', `No index at ${outDir}.`, 'Build it with `npm run index`.');
  const fail = (problem: string, code: IndexErrorCode = 'INDEX_DAMAGED'): never => {
    throw new IndexError(code, `The index at ${outDir} is unusable: ${problem}.`);
  };

  let manifest: StoredManifest;
  try {
    manifest = parseManifest(readFileSync(path.join(real, MANIFEST_FILE), 'utf8'));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (err instanceof ManifestVersionError) return fail(err.message, 'INDEX_OUTDATED');
    return fail(code === 'ENOENT' ? 'manifest.json is missing (an incomplete build?)' : (err as Error).message);
  }

  const read = (name: string) => {
    try {
      return readVerified(real, name, manifest);
    } catch (err) {
      return fail((err as Error).message);
    }
  };
  // The big binary files: sizes now, checksums on a worker thread while this one parses the JSON
  // files and loads the segmenter; each is verified before it is used.
  const big = [VECTORS_FILE, BM25_FILE, HNSW_FILE];
  for (const name of big) {
    try {
      checkListedSize(real, name, manifest);
    } catch (err) {
      fail((err as Error).message);
    }
  }
  const digests = hashFilesInBackground(big.map((name) => path.join(real, name)));
  const verified = async (name: string): Promise<void> => {
    try {
      checkListedDigest(name, manifest, await digests[big.indexOf(name)]);
    } catch (err) {
      fail((err as Error).message);
    }
  };
  const readChecked = async (name: string): Promise<Buffer> => {
    await verified(name);
    try {
      return readFileSync(path.join(real, name));
    } catch {
      return fail(`${name} is missing`);
    }
  };

  const articles = parseJson<Article[]>(read(ARTICLES_FILE), ARTICLES_FILE);
  const chunkJson = parseJson<unknown>(read(CHUNKS_FILE), CHUNKS_FILE);
  let chunks: Chunk[];
  try {
    chunks = chunksFromSpans(articles, chunkJson);
  } catch (err) {
    return fail(`${CHUNKS_FILE}: ${(err as Error).message}`);
  }
  read(USER_DICTIONARY_FILE);
  const analyse = createAnalyser(path.join(real, USER_DICTIONARY_FILE));
  const { id: embedderId, dim } = manifest.embedder;
  // Verified (size now, checksum in the background) but not read: rows are read when needed.
  await verified(VECTORS_FILE);
  const vectorBytes = manifest.files[VECTORS_FILE]!.bytes;
  if (vectorBytes % (4 * dim) !== 0) fail(`${VECTORS_FILE}: ${vectorBytes} bytes are not whole rows of dimension ${dim}`);
  let vectors: VectorFile;
  try {
    vectors = new VectorFile(path.join(real, VECTORS_FILE), dim, vectorBytes / (4 * dim));
  } catch (err) {
    return fail(`${VECTORS_FILE} cannot be read (${(err as Error).message})`);
  }
  // hnswlib reads its file on the thread pool: under way while BM25 is decoded here.
  const hnswLoading = verified(HNSW_FILE).then(() =>
    HnswStore.load(path.join(real, HNSW_FILE), dim, manifest.hnsw).catch((err: Error) => fail(`${HNSW_FILE} cannot be read (${err.message})`)),
  );
  hnswLoading.catch(() => undefined); // awaited (and reported) below, after BM25's own problems
  let bm25: Bm25Index;
  const bm25Data = await readChecked(BM25_FILE);
  try {
    bm25 = Bm25Index.deserialise(bm25Data);
  } catch (err) {
    return fail(`${BM25_FILE}: ${(err as Error).message}`);
  }
  const hnsw = await hnswLoading;

  const n = manifest.counts.chunks;
  if (chunks.length !== n || vectors.rows !== n || hnsw.count !== n || bm25.size !== n) {
    fail(`counts disagree (manifest ${n} chunks, chunks.json ${chunks.length}, vectors ${vectors.rows}, HNSW ${hnsw.count}, BM25 ${bm25.size})`);
  }
  if (articles.length !== manifest.counts.articles) fail(`articles.json has ${articles.length} articles, the manifest says ${manifest.counts.articles}`);

  let embedder: Embedder;
  try {
    if (opts.embedder) embedder = opts.embedder;
    else {
      // Imported on demand: model embedders pull in onnxruntime, which callers with an embedder never need.
      const { embedderForIndex } = await import('./embedders/select.ts');
      embedder = await embedderForIndex({ id: embedderId, dim }, { modelsDir: opts.modelsDir });
    }
  } catch (err) {
    if (err instanceof IndexError) throw err;
    return fail(`its embedder ${embedderId} is unavailable (${(err as Error).message})`, 'EMBEDDER_MISMATCH');
  }
  if (embedder.id !== embedderId || embedder.dim !== dim) {
    fail(`it was built with embedder ${embedderId} (dim ${dim}) but ${embedder.id} (dim ${embedder.dim}) was given`, 'EMBEDDER_MISMATCH');
  }

  const articleById = new Map(articles.map((a) => [a.id, a]));

  return {
    dir: outDir,
    versionDir: real,
    manifest,
    articles,
    articleById,
    chunks,
    embedder,
    denseSearch(vector: Float32Array, k: number, filter?: (chunk: number) => boolean): ChunkHit[] {
      if (!filter) return hnsw.search(vector, k);
      // A strict filter starves the graph walk; scanning the few kept chunks is exact and cheap.
      let kept = 0;
      for (let c = 0; c < n && kept <= EXACT_FILTER_LIMIT; c++) if (filter(c)) kept++;
      if (kept <= EXACT_FILTER_LIMIT) return vectors.exactSearch(normalised(vector), k, filter);
      return hnsw.search(vector, k, filter);
    },
    lexicalSearch(query: string, k: number, filter?: (chunk: number) => boolean): ChunkHit[] {
      return bm25.search(analyse(query), k, filter);
    },
    lexicalPostings(term: string): Uint32Array | undefined {
      return bm25.postings(term);
    },
    analyse,
    vector(chunk: number): Float32Array {
      return vectors.row(chunk);
    },
  };
}
