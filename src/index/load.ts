/**
 * Opens an index folder for searching. Everything is verified before use (format version, every
 * file's size and checksum, counts that must agree, the embedder), and every problem becomes an
 * IndexError whose one-line message names it and says how to rebuild.
 *
 * The index is a list of segments (src/index/segment.ts); the loaded index presents their live
 * chunks as one list (segment after segment, deleted articles left out), so retrieval sees one
 * index: dense search asks every segment's graph and merges, BM25 scores with corpus-wide
 * statistics (segmented-bm25.ts).
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { Article, Chunk } from '../corpus/types.ts';
import { createAnalyser } from './analyser.ts';
import { openArticles } from './article-store.ts';
import { chunksFromSpans, numberFirstChunks } from './chunk-spans.ts';
import { Bm25Index } from './bm25.ts';
import { IndexError, type IndexErrorCode } from './errors.ts';
import { HnswStore } from './hnsw-store.ts';
import { SearchThread } from './search-thread.ts';
import { resolveIndexDir } from './index-folder.ts';
import { hashFilesInBackground } from './checksum-worker.ts';
import { SEGMENTER_STEP } from './load-steps.ts';
import {
  checkListedDigest,
  checkListedSize,
  MANIFEST_FILE,
  ManifestVersionError,
  parseManifest,
  readVerified,
  type StoredManifest,
} from './manifest.ts';
import { beginSegmentSearch, runInTurn, type SegmentRunner, type SegmentToSearch } from './segment-search.ts';
import { SegmentedBm25, type Bm25SearchStats } from './segmented-bm25.ts';
import { bm25Query } from './concept-query.ts';
import {
  ARTICLE_BODIES_FILE,
  ARTICLE_FIELDS_FILE,
  ARTICLE_NAMES_FILE,
  ARTICLE_RECORDS_FILE,
  BM25_FILE,
  CHUNKS_FILE,
  HNSW_FILE,
  SEGMENT_FILES,
  SEGMENTS_DIR,
  segmentFile,
} from './segment.ts';
import type { ChunkFilter, ChunkHit, Embedder, LexicalQuery, ReportIndex } from './types.ts';
import { USER_DICTIONARY_FILE } from './user-dictionary.ts';
import { VECTOR_ROWS_FILE, VECTORS_FILE, VectorFile } from './vectors-store.ts';

export interface LoadOptions {
  modelsDir: string;
  /** Use this embedder instead of opening the manifest's (tests; it must have the manifest's id and dim). */
  embedder?: Embedder;
  /**
   * Told the duration of each step of the load (the bench's cold-start breakdown), once per step and
   * segment. Steps on this thread add up to the load; `wait:` steps are this thread waiting for work
   * done elsewhere (the thread pool, the checksum worker), whose own durations are `(background)`.
   */
  onStep?: (step: string, ms: number) => void;
  /**
   * Search about half of the segments' graphs on a second thread (search-thread.ts). Default: when the
   * machine has two cores or more and the index has two segments or more and SEARCH_THREAD_MIN_CHUNKS chunks.
   */
  searchThread?: boolean;
  /** The search thread's share of the chunks (default THREAD_SHARE; the bench compares others). */
  threadShare?: number;
}

/**
 * Below this many chunks dense search over all segments takes a few ms on one thread, and a second
 * thread's start-up is not worth it.
 */
export const SEARCH_THREAD_MIN_CHUNKS = 20_000;

/**
 * The search thread's share of the chunks. A question's BM25 runs on this thread while the search
 * thread walks its graphs (hybrid.ts), then this thread walks its own: measured at 100,000 chunks in ten
 * segments (bench/ask-stages.ts), BM25 costs about half of the dense search's CPU, so the thread takes
 * about two thirds of the graphs and both threads finish at about the same time.
 */
export const THREAD_SHARE = 2 / 3;

/**
 * Which segments the search thread opens: largest first, each to the side further below its share of
 * the chunks (`share` the thread's; ties: this thread).
 */
export function segmentsForThread(chunks: readonly number[], share = THREAD_SHARE): boolean[] {
  const total = chunks.reduce((a, b) => a + b, 0);
  const away = chunks.map(() => false);
  let here = 0;
  let there = 0;
  for (const i of chunks.map((_, i) => i).sort((a, b) => chunks[b] - chunks[a] || a - b)) {
    if (share * total - there > (1 - share) * total - here) {
      away[i] = true;
      there += chunks[i];
    } else here += chunks[i];
  }
  return away;
}

/** With a filter that keeps at most this many chunks, dense search scans them exactly (faster and exact). */
const EXACT_FILTER_LIMIT = 2000;

/** Throws a plain Error whose message is prefixed with the file's name by the caller. */
function parseJson<T>(data: Buffer): T {
  try {
    return JSON.parse(data.toString('utf8')) as T;
  } catch {
    throw new Error('not valid JSON');
  }
}

function normalised(v: Float32Array): Float32Array {
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += v[i] * v[i];
  const norm = Math.sqrt(sum);
  if (norm === 0 || Math.abs(norm - 1) < 1e-6) return v;
  return v.map((x) => x / norm);
}

/** One loaded segment and where its live chunks sit in the index's chunk list. */
/** A segment's graph: opened on this thread, or on the search thread. */
type SegmentGraph = Pick<HnswStore, 'count' | 'params' | 'markDeleted' | 'search'>;

interface LoadedSegment {
  id: string;
  hnsw: SegmentGraph;
  /** The graph's number on the search thread, when it is opened there. */
  threadGraph?: number;
  vectors: VectorFile;
  /** Global number of the segment's first live chunk. */
  base: number;
  live: number;
  /** Local chunk → global number (-1 deleted); undefined when nothing is deleted. */
  toGlobal?: Int32Array;
  /** Global − base → local chunk; undefined when nothing is deleted. */
  toLocal?: Uint32Array;
}

/** The segments behind a loaded index, for tools that search them directly (the bench). */
const segmentsOf = new WeakMap<ReportIndex, { real: string; manifest: StoredManifest; segments: LoadedSegment[] }>();

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
  const started: SearchThread[] = [];
  try {
    return await openIndex(outDir, real, opts, started);
  } catch (err) {
    // A failed load leaves no thread holding graphs.
    for (const t of started) t.close();
    throw err;
  }
}

async function openIndex(outDir: string, real: string | undefined, opts: LoadOptions, started: SearchThread[]): Promise<ReportIndex> {
  if (!real) throw new IndexError('INDEX_MISSING', `No index at ${outDir}.`, 'Build it with `npm run index`.');
  const fail = (problem: string, code: IndexErrorCode = 'INDEX_DAMAGED'): never => {
    throw new IndexError(code, `The index at ${outDir} is unusable: ${problem}.`);
  };
  const onStep = opts.onStep ?? (() => undefined);
  const timed = <T>(step: string, work: () => T): T => {
    const t = performance.now();
    try {
      return work();
    } finally {
      onStep(step, performance.now() - t);
    }
  };
  const waited = async <T>(step: string, work: Promise<T>): Promise<T> => {
    const t = performance.now();
    try {
      return await work;
    } finally {
      onStep(step, performance.now() - t);
    }
  };

  let manifest: StoredManifest;
  try {
    manifest = timed('manifest.json read and parse', () => parseManifest(readFileSync(path.join(real, MANIFEST_FILE), 'utf8')));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (err instanceof ManifestVersionError) return fail(err.message, 'INDEX_OUTDATED');
    return fail(code === 'ENOENT' ? 'manifest.json is missing (an incomplete build?)' : (err as Error).message);
  }

  const { id: embedderId, dim } = manifest.embedder;
  // Every segment file the load reads: sizes now, checksums on a worker thread while this thread
  // loads the segmenter, and hnswlib reads its graphs on the thread pool meanwhile. The files this
  // thread parses are read by the checksum worker and handed over once they matched their checksum
  // (first, segment by segment); the others are only checksummed, and nothing is searched before
  // every checksum has matched (awaited below).
  const loaded = SEGMENT_FILES.filter((f) => f !== VECTOR_ROWS_FILE);
  const parsedHere = new Set([ARTICLE_FIELDS_FILE, CHUNKS_FILE, BM25_FILE]);
  const names = [
    ...manifest.segments.flatMap((s) => loaded.filter((f) => parsedHere.has(f)).map((f) => segmentFile(s.id, f))),
    ...manifest.segments.flatMap((s) => loaded.filter((f) => !parsedHere.has(f)).map((f) => segmentFile(s.id, f))),
  ];
  timed('sizes of the segment files', () => {
    for (const name of names) {
      try {
        checkListedSize(real, name, manifest);
      } catch (err) {
        fail((err as Error).message);
      }
    }
  });
  const digests = hashFilesInBackground(names.map((name) => ({ file: path.join(real, name), keep: parsedHere.has(path.basename(name)) })));
  // As the worker timed itself: the loading thread may see the results only when it is done.
  void Promise.all(digests).then((all) =>
    onStep('(background) checksums of the segment files, on their thread', Math.max(0, ...all.map((d) => d.ms ?? 0))),
  );
  const verified = async (name: string, step = `wait: checksum of ${path.basename(name)}`): Promise<Buffer | undefined> => {
    const digest = await waited(step, digests[names.indexOf(name)]);
    try {
      checkListedDigest(name, manifest, digest);
    } catch (err) {
      fail((err as Error).message);
    }
    // Handed over once: the promise (kept until the load ends) need not hold the contents.
    const data = digest.data;
    digest.data = undefined;
    return data;
  };
  /** A file this thread parses, read (and checksummed) by the checksum worker. */
  const contents = async (name: string): Promise<Buffer> =>
    (await verified(name, `wait: ${path.basename(name)} read and checksum, on the checksum thread`))!;
  /** `work` over a verified file; a plain Error becomes the file's IndexError. */
  const parsed = <T>(name: string, step: string, work: () => T): T => {
    try {
      return timed(step, work);
    } catch (err) {
      if (err instanceof IndexError) throw err;
      return fail(`${name}: ${(err as Error).message}`);
    }
  };
  // Some graphs open on the search thread (about half), the others here.
  const useThread =
    manifest.segments.length >= 2 &&
    (opts.searchThread ?? (availableParallelism() > 1 && manifest.counts.chunks >= SEARCH_THREAD_MIN_CHUNKS));
  const away = useThread
    ? segmentsForThread(
        manifest.segments.map((e) => e.chunks),
        opts.threadShare,
      )
    : manifest.segments.map(() => false);
  const threadGraphOf = new Map<number, number>();
  away.forEach((a, s) => a && threadGraphOf.set(s, threadGraphOf.size));
  const thread = threadGraphOf.size
    ? new SearchThread(
        dim,
        manifest.segments
          .filter((_, s) => away[s])
          .map((entry) => ({
            file: path.join(real, segmentFile(entry.id, HNSW_FILE)),
            params: { ...manifest.hnsw, efSearch: entry.efSearch },
            chunks: entry.chunks,
          })),
      )
    : undefined;
  if (thread) started.push(thread);
  const threadNames = manifest.segments.filter((_, s) => away[s]).map((entry) => segmentFile(entry.id, HNSW_FILE));
  const threadStarted = performance.now();
  thread?.loaded.then(
    () =>
      onStep('(background) search thread: start and readIndex, until the loading thread saw it done', performance.now() - threadStarted),
    () => undefined,
  );
  // hnswlib reads each graph on the thread pool, under way while this thread does the rest.
  const graphs = manifest.segments.map((entry, s) => {
    const name = segmentFile(entry.id, HNSW_FILE);
    const t = performance.now();
    const params = { ...manifest.hnsw, efSearch: entry.efSearch };
    const j = threadGraphOf.get(s);
    const opening: Promise<SegmentGraph> =
      thread && j !== undefined
        ? thread.loaded.then((counts): SegmentGraph => ({
            count: counts[j],
            params,
            markDeleted: (label) => thread.markDeleted(j, label),
            search: (vector, k, filter, ef) => thread.search({ graph: j, k, ef: ef ?? params.efSearch, filter }, vector),
          }))
        : HnswStore.load(path.join(real, name), dim, params);
    const loading = opening.then(
      (store) => {
        onStep('(background) hnswlib readIndex, until the loading thread saw it done', performance.now() - t);
        return store;
      },
      async (err: Error & { graph?: number }) => {
        // The search thread names the graph it could not read (another segment's, maybe).
        const failed = err.graph !== undefined ? threadNames[err.graph] : name;
        await verified(failed);
        return fail(`${failed} cannot be read (${err.message})`);
      },
    );
    loading.catch(() => undefined); // awaited (and reported) below, after the other files' problems
    return loading;
  });

  try {
    timed('userdict.txt read and checksum', () => readVerified(real, USER_DICTIONARY_FILE, manifest));
  } catch (err) {
    fail((err as Error).message);
  }
  // The segmenter's own load (jieba's dictionary) is most of this step.
  const analyse = timed(SEGMENTER_STEP, () => createAnalyser(path.join(real, USER_DICTIONARY_FILE)));

  const articles: Article[] = [];
  const chunks: Chunk[] = [];
  const segments: LoadedSegment[] = [];
  const bm25Segments: Array<{ bm25: Bm25Index; base: number; live: number; toGlobal?: Int32Array; toLocal?: Uint32Array }> = [];
  for (const [s, entry] of manifest.segments.entries()) {
    const file = (name: string) => segmentFile(entry.id, name);
    // Articles: their fields now, each record (body, people …) when first read (article-store.ts).
    const fieldsData = await contents(file(ARTICLE_FIELDS_FILE));
    const segArticles = parsed(file(ARTICLE_FIELDS_FILE), 'article-fields.json parse', () =>
      openArticles(fieldsData, path.join(real, SEGMENTS_DIR, entry.id), {
        bodies: manifest.files[file(ARTICLE_BODIES_FILE)]!.bytes,
        records: manifest.files[file(ARTICLE_RECORDS_FILE)]!.bytes,
        names: manifest.files[file(ARTICLE_NAMES_FILE)]!.bytes,
      }),
    );
    const chunksData = await contents(file(CHUNKS_FILE));
    const segChunks = parsed(file(CHUNKS_FILE), 'chunks.json parse and chunks from spans', () =>
      chunksFromSpans(segArticles, parseJson<unknown>(chunksData)),
    );
    // Not read: rows are read when needed.
    const vectorBytes = manifest.files[file(VECTORS_FILE)]!.bytes;
    if (vectorBytes % (4 * dim) !== 0) fail(`${file(VECTORS_FILE)}: ${vectorBytes} bytes are not whole rows of dimension ${dim}`);
    let vectors: VectorFile;
    try {
      vectors = new VectorFile(path.join(real, file(VECTORS_FILE)), dim, vectorBytes / (4 * dim));
    } catch (err) {
      return fail(`${file(VECTORS_FILE)} cannot be read (${(err as Error).message})`);
    }
    const bm25Data = await contents(file(BM25_FILE));
    const segBm25 = parsed(file(BM25_FILE), 'bm25.bin views and terms', () => Bm25Index.deserialise(bm25Data));
    const hnsw = await waited('wait: hnswlib readIndex', graphs[s]);
    const liveListsStarted = performance.now();
    const n = entry.chunks;
    if (segChunks.length !== n || vectors.rows !== n || hnsw.count !== n || segBm25.size !== n) {
      for (const name of loaded) await verified(file(name));
      fail(
        `counts disagree in segment ${entry.id} (manifest ${n} chunks, chunks.json ${segChunks.length}, vectors ${vectors.rows}, HNSW ${hnsw.count}, BM25 ${segBm25.size})`,
      );
    }
    if (segArticles.length !== entry.articles) {
      await verified(file(ARTICLE_FIELDS_FILE));
      fail(`${file(ARTICLE_FIELDS_FILE)} has ${segArticles.length} articles, the manifest says ${entry.articles}`);
    }

    const base = chunks.length;
    const gone = new Set((manifest.deleted[entry.id] ?? []).map((p) => segArticles[p]?.id));
    segArticles.forEach((a) => {
      if (!gone.has(a.id)) articles.push(a);
    });
    let toGlobal: Int32Array | undefined;
    let toLocal: Uint32Array | undefined;
    if (gone.size) {
      toGlobal = new Int32Array(n).fill(-1);
      const locals: number[] = [];
      segChunks.forEach((c, local) => {
        if (gone.has(c.articleId)) {
          hnsw.markDeleted(local);
          return;
        }
        toGlobal![local] = chunks.length;
        locals.push(local);
        chunks.push(c);
      });
      toLocal = Uint32Array.from(locals);
    } else {
      for (const c of segChunks) chunks.push(c);
    }
    numberFirstChunks(chunks, base);
    const live = chunks.length - base;
    onStep('live chunk and article lists', performance.now() - liveListsStarted);
    segments.push({ id: entry.id, hnsw, threadGraph: threadGraphOf.get(s), vectors, base, live, toGlobal, toLocal });
    bm25Segments.push({ bm25: segBm25, base, live, toGlobal, toLocal });
  }
  // While the last checksums finish: the embedder opens (a model's runtime loads) and the articles
  // are mapped by id. A problem of the embedder is reported after the files' (awaited below).
  const embedderStarted = performance.now();
  const opening = (async (): Promise<Embedder> => {
    if (opts.embedder) return opts.embedder;
    // Imported on demand: model embedders pull in onnxruntime, which callers with an embedder never need.
    const { embedderForIndex } = await import('./embedders/select.ts');
    return embedderForIndex({ id: embedderId, dim }, { modelsDir: opts.modelsDir });
  })();
  opening.then(
    () => onStep('(background) embedder, until the loading thread saw it open', performance.now() - embedderStarted),
    () => undefined,
  );
  const articleById = timed('articles by id', () => new Map(articles.map((a) => [a.id, a])));
  const bm25 = timed('BM25 over the segments (corpus-wide lengths)', () => new SegmentedBm25(bm25Segments));

  // Every file matched its checksum before anything is searched.
  for (const name of names) await verified(name);

  const n = manifest.counts.chunks;
  if (chunks.length !== n) fail(`counts disagree (manifest ${n} live chunks, the segments hold ${chunks.length})`);
  if (articles.length !== manifest.counts.articles)
    fail(`the segments hold ${articles.length} live articles, the manifest says ${manifest.counts.articles}`);

  let embedder: Embedder;
  try {
    embedder = await waited('wait: embedder', opening);
  } catch (err) {
    if (err instanceof IndexError) throw err;
    return fail(`its embedder ${embedderId} is unavailable (${(err as Error).message})`, 'EMBEDDER_MISMATCH');
  }
  if (embedder.id !== embedderId || embedder.dim !== dim) {
    fail(`it was built with embedder ${embedderId} (dim ${dim}) but ${embedder.id} (dim ${embedder.dim}) was given`, 'EMBEDDER_MISMATCH');
  }

  const segmentAt = (global: number): LoadedSegment => {
    let lo = 0;
    let hi = segments.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (segments[mid].base <= global) lo = mid;
      else hi = mid - 1;
    }
    return segments[lo];
  };
  const localOf = (s: LoadedSegment, global: number) => (s.toLocal ? s.toLocal[global - s.base] : global - s.base);
  const globalOf = (s: LoadedSegment, local: number) => (s.toGlobal ? s.toGlobal[local] : s.base + local);
  const vector = (chunk: number): Float32Array => {
    const s = segmentAt(chunk);
    return s.vectors.row(localOf(s, chunk));
  };

  // Each segment's share of a dense search is planned from its live count (segment-search.ts).
  const toSearch: SegmentToSearch[] = segments.map((s) => ({
    live: s.live,
    ownEf: s.hnsw.params.efSearch,
    search: (v, k, filter, ef) => s.hnsw.search(v, k, filter, ef),
    globalOf: (local) => globalOf(s, local),
  }));

  // The search thread takes questions once it has the deleted labels (sent now).
  if (thread) {
    try {
      await waited('wait: search thread ready', thread.ready());
    } catch (err) {
      return fail(`its search thread did not start (${(err as Error).message})`);
    }
  }
  /**
   * The search thread's share is started at once; this thread's share runs when the search is
   * completed (after the caller's BM25, hybrid.ts), then the thread's answers are waited for.
   */
  const inTurn = runInTurn(toSearch);
  const run: SegmentRunner | undefined = thread
    ? (requests, vector, k, filter) => {
        const there = requests.filter((r) => segments[r.segment].threadGraph !== undefined);
        const hereRequests = requests.filter((r) => segments[r.segment].threadGraph === undefined);
        if (!there.length) return inTurn(requests, vector, k, filter);
        // The filter's kept chunks, as each thread segment's local labels (else the filter is tested per label).
        const keptGlobal = (filter as ChunkFilter | undefined)?.kept;
        const keptLocal = new Map<number, number[]>(there.map((r) => [r.segment, []]));
        if (keptGlobal)
          for (let i = 0; i < keptGlobal.length; i++) {
            const g = keptGlobal[i];
            const s = segmentAt(g);
            keptLocal.get(segments.indexOf(s))?.push(localOf(s, g));
          }
        thread.begin(
          vector,
          there.map((r) => {
            const s = segments[r.segment];
            return {
              graph: s.threadGraph!,
              k,
              ef: r.ef,
              kept: filter && keptGlobal ? keptLocal.get(r.segment) : undefined,
              filter: filter && !keptGlobal ? (l: number) => globalOf(s, l) >= 0 && filter(globalOf(s, l)) : undefined,
            };
          }),
        );
        return () => {
          let here: ChunkHit[][] = [];
          let failed: unknown;
          try {
            here = inTurn(hereRequests, vector, k, filter)();
          } catch (err) {
            failed = err;
          }
          // Waited for even when this thread's part failed: the next search must find the thread idle.
          const answers = thread.finish();
          if (failed) throw failed;
          const out: ChunkHit[][] = [];
          let a = 0;
          let h = 0;
          for (const r of requests) {
            const s = segments[r.segment];
            out.push(
              s.threadGraph === undefined ? here[h++] : answers[a++].map((hit) => ({ chunk: globalOf(s, hit.chunk), score: hit.score })),
            );
          }
          return out;
        };
      }
    : undefined;

  /** Dense search, started: the returned function completes it (see `ReportIndex.beginDenseSearch`). */
  const beginDense = (query: Float32Array, k: number, filter?: ChunkFilter): (() => ChunkHit[]) => {
    if (filter) {
      // A strict filter starves the graph walk; scanning the few kept chunks is exact and cheap. They are
      // collected while counting (when the filter does not list them): a second pass of the filter over
      // every chunk cost ~70 ms at 100,000.
      let kept = filter.kept;
      if (!kept) {
        const found: number[] = [];
        for (let c = 0; c < n && found.length <= EXACT_FILTER_LIMIT; c++) if (filter(c)) found.push(c);
        kept = found;
      }
      if (kept.length <= EXACT_FILTER_LIMIT) {
        const hits = exactSearch(normalised(query), k, kept, vector);
        return () => hits;
      }
    }
    if (segments.length === 1 && !segments[0].toGlobal) {
      const hits = segments[0].hnsw.search(query, k, filter);
      return () => hits;
    }
    return beginSegmentSearch(toSearch, query, k, filter, run);
  };

  const index: ReportIndex = {
    dir: outDir,
    versionDir: real,
    manifest,
    articles,
    articleById,
    chunks,
    embedder,
    denseSearch(query: Float32Array, k: number, filter?: ChunkFilter): ChunkHit[] {
      return beginDense(query, k, filter)();
    },
    beginDenseSearch: beginDense,
    lexicalSearch(query: string | LexicalQuery, k: number, filter?: ChunkFilter, stats?: Bm25SearchStats): ChunkHit[] {
      if (typeof query === 'string') return bm25.search(analyse(query), k, filter, stats);
      return bm25.search(bm25Query(query, analyse, k), k, filter, stats);
    },
    lexicalPostings(term: string): Uint32Array | undefined {
      return bm25.postings(term);
    },
    lexicalGroupCount(term: string, groupOf: Uint32Array): number {
      return bm25.distinctGroups(term, groupOf);
    },
    lexicalDocCount(term: string): number {
      return bm25.documentCount(term);
    },
    analyse,
    vector,
  };
  segmentsOf.set(index, { real, manifest, segments });
  thread?.endWith(index);
  return index;
}

/** Exact cosine search (stored vectors are L2-normalised) over the chunks `kept`, in ascending order. */
function exactSearch(query: Float32Array, k: number, kept: ArrayLike<number>, vector: (c: number) => Float32Array): ChunkHit[] {
  const scores: ChunkHit[] = [];
  for (let i = 0; i < kept.length; i++) {
    const c = kept[i];
    const row = vector(c);
    let dot = 0;
    for (let j = 0; j < row.length; j++) dot += row[j] * query[j];
    scores.push({ chunk: c, score: dot });
  }
  return scores.sort((a, b) => b.score - a.score || a.chunk - b.chunk).slice(0, k);
}

/**
 * Dense search over a loaded index's segments at another `ef` (the graphs opened again, every
 * segment at that ef): for measuring recall against exact search at several ef values. At the
 * index's own ef (the manifest's) it is `denseSearch` itself, each segment at its planned share.
 */
export async function denseSearchAtEf(index: ReportIndex, ef: number): Promise<(vector: Float32Array, k: number) => ChunkHit[]> {
  const loaded = segmentsOf.get(index);
  if (!loaded) throw new Error('not an index opened by loadIndex');
  const { real, manifest, segments } = loaded;
  // At the index's own ef, exactly the search ask() makes (each segment's planned share).
  if (ef === manifest.hnsw.efSearch) return (vector, k) => index.denseSearch(vector, k);
  const stores = await Promise.all(
    segments.map(async (s) => {
      const store = await HnswStore.load(path.join(real, segmentFile(s.id, HNSW_FILE)), manifest.embedder.dim, {
        ...manifest.hnsw,
        efSearch: ef,
      });
      if (s.toGlobal) s.toGlobal.forEach((g, local) => g < 0 && store.markDeleted(local));
      return store;
    }),
  );
  return (vector, k) => {
    const hits: ChunkHit[] = [];
    segments.forEach((s, i) => {
      for (const h of stores[i].search(vector, k))
        hits.push({ chunk: s.toGlobal ? s.toGlobal[h.chunk] : s.base + h.chunk, score: h.score });
    });
    return hits.sort((a, b) => b.score - a.score || a.chunk - b.chunk).slice(0, k);
  };
}
