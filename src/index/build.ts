/**
 * Builds or updates an index folder from report files. The index is a list of immutable segments
 * (src/index/segment.ts) plus a manifest naming them and the deleted articles:
 *
 * - an update reads the reports, compares each article with the live ones (by id and content
 *   hash), writes the new and changed articles as one new segment and marks the removed and
 *   changed ones deleted; segments it keeps are hard-linked into the new version folder, not copied;
 * - a first build (or `full`) writes everything anew, split into segments built on worker threads
 *   when it is large (src/index/segment-workers.ts);
 * - then the tiered merge policy (src/index/merge-policy.ts) merges small segments and drops
 *   deleted chunks (src/index/merge.ts).
 *
 * Every step writes a complete version folder and publishes it atomically (index-folder.ts): the
 * previous index stays loadable at every moment, and a failed or killed build changes nothing.
 */
import { lstatSync, mkdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { setImmediate } from 'node:timers/promises';
import path from 'node:path';
import type { Article, Chunk, SkippedFile, SourceFile } from '../corpus/types.ts';
import { parseUserDictionary } from './analyser.ts';
import { readCorpus } from '../corpus/read.ts';
import { listReportFiles } from '../corpus/report-files.ts';
import { chunkArticle, type ChunkOptions } from '../corpus/chunker.ts';
import { log } from '../log.ts';
import { acquireBuildLock } from './build-lock.ts';
import { writeDurable } from './durable.ts';
import { IndexBuildError } from './errors.ts';
import { DEFAULT_HNSW, efSearchFor, type HnswParams } from './hnsw-store.ts';
import { cleanStale, discardBuild, fsyncDir, publish, resolveIndexDir, tempDirFor } from './index-folder.ts';
import { SEGMENTER } from './segmenters/identity.ts';
import { checksum, FORMAT_VERSION, MANIFEST_FILE, parseManifest, readVerified, sha256, type StoredManifest } from './manifest.ts';
import { mergeLocked, type MergeOutcome } from './merge.ts';
import { MAX_SEGMENT_CHUNKS, type MergePolicy } from './merge-policy.ts';
import { buildSegments, type SegmentJob } from './segment-workers.ts';
import { linkSegmentFiles, newSegmentId, segmentFile, type SegmentEntry, type SegmentInput } from './segment.ts';
import { checkSegment, CHECKED_FILE, fileKey, readChecked } from './segment-check.ts';
import { SOURCES_FILE } from './sources.ts';
import { READER_VERSION } from '../corpus/reader-version.ts';
import { chunkSearchText } from './search-text.ts';
import type { Embedder } from './types.ts';
import { formatUserDictionary, USER_DICTIONARY_FILE, userWords, type UserWord } from './user-dictionary.ts';
import { VECTOR_ROWS_FILE, VECTORS_FILE, VectorFile, type ArticleRows } from './vectors-store.ts';

export { ARTICLE_BODIES_FILE, ARTICLE_FIELDS_FILE, ARTICLE_RECORDS_FILE, BM25_FILE, CHUNKS_FILE, HNSW_FILE } from './segment.ts';

export interface BuildProgress {
  stage: 'read' | 'chunk' | 'embed' | 'analyse' | 'hnsw' | 'write' | 'merge';
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
  /** Rebuild every segment from nothing instead of updating (vectors of unchanged texts are still reused). */
  full?: boolean;
  /** Run the merge policy after the update (default true). */
  merge?: boolean;
  /** The merge policy (default DEFAULT_MERGE_POLICY). */
  mergePolicy?: MergePolicy;
  /** Worker threads for a large build (default: one a core). */
  workers?: number;
  /** Segments a large build is split into (default: one a worker). */
  segments?: number;
  /** A new build of at least this many chunks is split into segments built in parallel (default 20,000). */
  parallelMinChunks?: number;
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
  /** What this run changed: articles written into new segments, articles marked deleted, segments after it, merges run. */
  update: { mode: 'full' | 'update' | 'unchanged'; added: number; deleted: number; segments: number; merges: MergeOutcome[] };
}

const DEFAULT_BATCH = 64;
const PARALLEL_MIN_CHUNKS = 20_000;

function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw new IndexBuildError('INTERRUPTED', 'Index build interrupted; the previous index is unchanged.');
}

/** Dictionary words of both lists, each once, the first list's first. */
function mergeWords(a: readonly UserWord[], b: readonly UserWord[]): UserWord[] {
  const out = new Map(a.map((w) => [w.word, w]));
  for (const w of b) if (!out.has(w.word)) out.set(w.word, w);
  return [...out.values()];
}

/** Where a live article of the previous index is. */
interface LiveArticle {
  segment: string;
  position: number;
  row: ArticleRows;
}

/** The previous index, when it can be updated in place (same format and embedder). */
interface PreviousIndex {
  real: string;
  manifest: StoredManifest;
  live: Map<string, LiveArticle>;
  /** Live articles by segment, in segment order. */
  bySegment: Map<string, LiveArticle[]>;
  /** Checksum cache entries of its segment files (all checked now). */
  checked: Record<string, string>;
  /** The report files it was built from, by absolute path. */
  sources: Map<string, SourceFile>;
  /** Where each embedded text list's vectors are: (segment, first row, count), by its hash. */
  vectorsByHash: Map<string, { segment: string; first: number; count: number }>;
}

function readPrevious(outDir: string, embedder: Embedder): PreviousIndex | undefined {
  const real = resolveIndexDir(outDir);
  if (!real) return undefined;
  try {
    const manifest = parseManifest(readFileSync(path.join(real, MANIFEST_FILE), 'utf8'));
    if (manifest.embedder.id !== embedder.id || manifest.embedder.dim !== embedder.dim) return undefined;
    const cache = readChecked(real);
    const checked: Record<string, string> = {};
    const live = new Map<string, LiveArticle>();
    const bySegment = new Map<string, LiveArticle[]>();
    const vectorsByHash = new Map<string, { segment: string; first: number; count: number }>();
    for (const seg of manifest.segments) {
      const rows = JSON.parse(readVerified(real, segmentFile(seg.id, VECTOR_ROWS_FILE), manifest).toString('utf8')) as ArticleRows[];
      checkSegment(
        real,
        manifest,
        seg,
        rows.length,
        rows.reduce((n, r) => n + r.count, 0),
        cache,
        checked,
      );
      const deleted = new Set(manifest.deleted[seg.id] ?? []);
      const list: LiveArticle[] = [];
      rows.forEach((row, position) => {
        if (deleted.has(position)) return;
        const a = { segment: seg.id, position, row };
        live.set(row.articleId, a);
        list.push(a);
        vectorsByHash.set(row.hash, { segment: seg.id, first: row.first, count: row.count });
      });
      bySegment.set(seg.id, list);
    }
    const sources = new Map<string, SourceFile>();
    if (manifest.files[SOURCES_FILE])
      for (const f of JSON.parse(readVerified(real, SOURCES_FILE, manifest).toString('utf8')) as SourceFile[]) sources.set(f.file, f);
    return { real, manifest, live, bySegment, sources, vectorsByHash, checked };
  } catch (err) {
    // An unreadable or older index is not updated but replaced by a full build.
    log.warn(`Rebuilding ${outDir} in full: the previous index cannot be updated (${(err as Error).message}).`);
    return undefined;
  }
}

/** Identifies an article's content (text and metadata) across builds. */
export function articleHash(a: Article): string {
  return sha256(JSON.stringify(a));
}

/**
 * A large build cuts its new chunks into segments of at least this many (up to MAX_BUILD_SEGMENTS of
 * them), the workers taking them as a queue: a graph's inserts cost more the larger it grows, so four
 * segments of 25,000 chunks build faster than two of 50,000 (bench/FINDINGS.md §7), while each segment
 * costs `ask` a graph walk. At least 25,000, so that they sit in the merge policy's tier above 20,000
 * (merge-policy.ts): a later update's small segments never merge with them.
 */
export const BUILD_SEGMENT_CHUNKS = 25_000;
/** At most this many segments by BUILD_SEGMENT_CHUNKS (more only to keep each under MAX_SEGMENT_CHUNKS). */
export const MAX_BUILD_SEGMENTS = 4;

/**
 * How many segments a build of `chunks` new chunks writes: as asked, else one a worker or (with two
 * workers or more) as many of BUILD_SEGMENT_CHUNKS as fit (at most MAX_BUILD_SEGMENTS), whichever is
 * more, and none over MAX_SEGMENT_CHUNKS.
 */
export function segmentsToBuild(chunks: number, workers: number, requested?: number): number {
  // On one core the segments would be built one after another and searched one after another: one graph.
  const bySize = workers > 1 ? Math.min(MAX_BUILD_SEGMENTS, Math.floor(chunks / BUILD_SEGMENT_CHUNKS)) : 1;
  return Math.max(1, requested ?? Math.max(workers, bySize, Math.ceil(chunks / MAX_SEGMENT_CHUNKS)));
}

/** Splits `n` articles (with chunk counts) into at most `parts` contiguous groups of about equal chunks. */
export function splitByChunks(counts: readonly number[], parts: number): number[][] {
  const total = counts.reduce((s, c) => s + c, 0);
  const groups: number[][] = [];
  let current: number[] = [];
  let acc = 0;
  counts.forEach((c, i) => {
    current.push(i);
    acc += c;
    if (groups.length < parts - 1 && acc >= (total * (groups.length + 1)) / parts) {
      groups.push(current);
      current = [];
    }
  });
  if (current.length) groups.push(current);
  return groups;
}

export async function buildIndex(opts: BuildOptions): Promise<BuildSummary> {
  const started = performance.now();
  const outDir = path.resolve(opts.outDir);
  const { embedder, onProgress, signal } = opts;
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
  // The previous index's vector files, opened while vectors are reused.
  const openFiles = new Map<string, VectorFile>();
  try {
    cleanStale(outDir);

    // Listed before reading: a report changed during the build shows as changed next time.
    const reportFiles = await listReportFiles(opts.inputs);
    // An update passes over report files whose size and modification time are as last read (--full reads all).
    const previous = readPrevious(outDir, embedder);
    const keep = !opts.full && previous ? previous : undefined;
    // Files read by another version of the reader are read again: the same file may give other articles.
    const readerCurrent = keep?.manifest.readerVersion === READER_VERSION;
    let filesSeen = 0;
    const corpus = await readCorpus(opts.inputs, {
      root: opts.root,
      // Beside the index, not in it: the index folder is replaced by every build, the OCR'd text is kept.
      cacheDir: `${outDir}.ocr-cache`,
      onFile: () => onProgress?.({ stage: 'read', done: ++filesSeen, total: 0 }),
      unchanged:
        keep && readerCurrent
          ? (file, size, mtimeMs) => {
              const known = keep.sources.get(file);
              return known && known.size === size && known.mtimeMs === mtimeMs && known.ids.every((id) => keep.live.has(id))
                ? known
                : undefined;
            }
          : undefined,
    });
    endStage('read');
    const unread = new Set(corpus.sources.filter((f) => f.unchanged).flatMap((f) => f.ids));
    if (corpus.articles.length === 0 && unread.size === 0) {
      const why = corpus.skipped.length
        ? ` (${corpus.skipped.length} file(s) skipped: ${corpus.skipped.map((s) => `${s.path}: ${s.reason}`).join('; ')})`
        : '';
      throw new IndexBuildError(
        'NO_ARTICLES',
        `No articles found in ${opts.inputs.join(', ')}${why}; the existing index, if any, is unchanged.`,
      );
    }
    throwIfAborted(signal);

    // What changed: unchanged articles stay where they are; new and changed ones go to new segments.
    const hashes = corpus.articles.map(articleHash);
    const current = new Map(corpus.articles.map((a, i) => [a.id, i]));
    const added: number[] = [];
    corpus.articles.forEach((a, i) => {
      const old = keep?.live.get(a.id);
      if (!old || old.row.articleHash !== hashes[i]) added.push(i);
    });
    const removed = keep
      ? [...keep.live.values()].filter((l) => {
          const i = current.get(l.row.articleId);
          return i === undefined ? !unread.has(l.row.articleId) : hashes[i] !== l.row.articleHash;
        })
      : [];
    // Nothing to write when nothing changed, unless the index is still a plain folder (upgraded to the link layout by publishing).
    const linked = lstatSync(outDir, { throwIfNoEntry: false })?.isSymbolicLink() === true;
    const mode: BuildSummary['update']['mode'] = !keep
      ? 'full'
      : added.length || removed.length || !linked || !readerCurrent
        ? 'update'
        : 'unchanged';

    const articles = added.map((i) => corpus.articles[i]);
    const perArticle: Chunk[][] = articles.map((a, i) => {
      onProgress?.({ stage: 'chunk', done: i + 1, total: articles.length });
      return chunkArticle(a, opts.chunkOptions);
    });
    endStage('chunk');

    // The live articles after this run, in index order: kept segments' survivors, then the new ones.
    const removedSet = new Set(removed);
    // Articles of files passed over are live but not in memory (undefined here).
    const liveArticles: Array<Article | undefined> = [];
    const liveIds: string[] = [];
    const liveHashes: string[] = [];
    const liveChunkCounts: number[] = [];
    const keptSegments: StoredManifest['segments'] = [];
    const deleted: StoredManifest['deleted'] = {};
    if (keep) {
      for (const seg of keep.manifest.segments) {
        const survivors = keep.bySegment.get(seg.id)!.filter((l) => !removedSet.has(l));
        if (!survivors.length) continue;
        keptSegments.push(seg);
        const gone = [
          ...(keep.manifest.deleted[seg.id] ?? []),
          ...keep.bySegment
            .get(seg.id)!
            .filter((l) => removedSet.has(l))
            .map((l) => l.position),
        ];
        if (gone.length) deleted[seg.id] = gone.sort((a, b) => a - b);
        for (const l of survivors) {
          const i = current.get(l.row.articleId);
          liveArticles.push(i === undefined ? undefined : corpus.articles[i]);
          liveIds.push(l.row.articleId);
          liveHashes.push(l.row.articleHash);
          liveChunkCounts.push(l.row.count);
        }
      }
    }
    // One at a time: spreading a million articles into push() overflows the call stack.
    articles.forEach((a, j) => {
      liveArticles.push(a);
      liveIds.push(a.id);
      liveHashes.push(hashes[added[j]]);
      liveChunkCounts.push(perArticle[j].length);
    });
    const totalChunks = liveChunkCounts.reduce((s, c) => s + c, 0);
    const hnswBase: HnswParams = { ...DEFAULT_HNSW, ...opts.hnsw };
    const efFor = (count: number) => opts.hnsw?.efSearch ?? efSearchFor(count);

    // Embedding: texts embedded before (same embedder, same texts) reuse their stored vectors.
    const chunks = perArticle.flat();
    const vectors = new Float32Array(chunks.length * embedder.dim);
    // Each new article's rows; its embedded texts' hash is filled in when it is prepared (prepareUpTo).
    const rows: ArticleRows[] = [];
    {
      let at = 0;
      articles.forEach((a, i) => {
        rows.push({ articleId: a.id, hash: '', articleHash: hashes[added[i]], first: at, count: perArticle[i].length });
        at += perArticle[i].length;
      });
    }
    // Prepared segment by segment, so the first segments are built while the later ones are prepared:
    // each chunk's search text, each article's texts' hash, its vectors reused from the previous index
    // (same embedder, same texts) or queued to embed (`pending`, ascending).
    const searchTexts = new Array<string>(chunks.length);
    const pending: number[] = [];
    let reused = 0;
    let prepared = 0;
    /** Prepares the articles before `articleEnd`. */
    const prepareUpTo = (articleEnd: number) => {
      for (; prepared < Math.min(articleEnd, articles.length); prepared++) {
        const row = rows[prepared];
        const { first: at, count } = row;
        for (let i = 0; i < count; i++) searchTexts[at + i] = chunkSearchText(chunks[at + i]);
        row.hash = sha256(JSON.stringify([embedder.id, embedder.dim, searchTexts.slice(at, at + count)]));
        const old = previous?.vectorsByHash.get(row.hash);
        if (old && old.count === count) {
          let file = openFiles.get(old.segment);
          if (!file) {
            const rel = segmentFile(old.segment, VECTORS_FILE);
            file = new VectorFile(path.join(previous!.real, rel), embedder.dim, previous!.manifest.files[rel]!.bytes / (4 * embedder.dim));
            openFiles.set(old.segment, file);
          }
          for (let i = 0; i < count; i++) vectors.set(file.row(old.first + i), (at + i) * embedder.dim);
          reused += count;
        } else {
          for (let i = 0; i < count; i++) pending.push(at + i);
        }
      }
    };
    // Chunks of kept articles are reused as they are.
    if (keep) reused += totalChunks - chunks.length;
    const batch = opts.batchSize ?? DEFAULT_BATCH;
    // The chunks still to embed, in order: embedded segment by segment (embedUpTo), so the first
    // segments are built while the later ones are still being embedded.
    let embedded = 0;
    let embedOverlaps = false;
    /** Prepares the articles before `articleEnd` and embeds their chunks (those before `end`). */
    const embedUpTo = async (end: number, articleEnd: number) => {
      prepareUpTo(articleEnd);
      while (embedded < pending.length && pending[embedded] < end) {
        throwIfAborted(signal);
        let stop = embedded;
        while (stop < pending.length && stop - embedded < batch && pending[stop] < end) stop++;
        const ids = pending.slice(embedded, stop);
        const out = await embedder.embed(
          ids.map((c) => searchTexts[c]),
          'passage',
        );
        if (out.length !== ids.length) throw new Error(`the embedder returned ${out.length} vectors for ${ids.length} texts`);
        ids.forEach((c, j) => {
          if (out[j].length !== embedder.dim)
            throw new Error(`the embedder returned a vector of dimension ${out[j].length}, expected ${embedder.dim}`);
          vectors.set(out[j], c * embedder.dim);
        });
        embedded = stop;
        // Once segments are being built, a line a segment embedded (not a batch) keeps the stages' progress readable.
        if (!embedOverlaps) onProgress?.({ stage: 'embed', done: embedded, total: pending.length });
        // A turn of the event loop a batch: the workers' messages (a segment done, the next one to send) and
        // Ctrl-C are handled while the later segments are embedded (an in-process embedder never yields by itself).
        await setImmediate();
      }
      if (embedOverlaps) onProgress?.({ stage: 'embed', done: embedded, total: pending.length });
    };
    onProgress?.({ stage: 'embed', done: 0, total: pending.length });

    const summaryOf = (segments: number, merges: MergeOutcome[]): BuildSummary => ({
      files: corpus.files,
      articles: liveArticles.length,
      chunks: totalChunks,
      embedder: embedder.id,
      ms: Math.round(performance.now() - started),
      skipped: corpus.skipped,
      reused,
      // The live articles read in this run (files passed over as unchanged are not read).
      articleList: liveArticles.flatMap((a, i) =>
        a ? [{ id: a.id, headline: a.headline, date: a.date, meeting: a.meeting, reporters: a.reporters, chunks: liveChunkCounts[i] }] : [],
      ),
      stageMs,
      outDir,
      update: { mode, added: articles.length, deleted: removed.length, segments, merges },
    });

    let segmentCount = keep?.manifest.segments.length ?? 0;
    if (mode === 'unchanged') {
      await embedUpTo(chunks.length, articles.length);
      endStage('embed');
    } else {
      // The dictionary of every live article, loaded before analysing exactly as loadIndex loads it;
      // articles not read this time keep their words through the previous dictionary.
      const read = liveArticles.filter((a): a is Article => a !== undefined);
      const words = unread.size
        ? mergeWords(
            parseUserDictionary(readVerified(keep!.real, USER_DICTIONARY_FILE, keep!.manifest).toString('utf8')) as UserWord[],
            userWords(read),
          )
        : userWords(read);
      workDir = tempDirFor(outDir);
      mkdirSync(workDir);
      const files: StoredManifest['files'] = {};
      for (const seg of keptSegments) linkSegmentFiles(keep!.real, workDir, seg.id, keep!.manifest, files);

      // New articles: one segment, or for a large build `segments` of them (one a worker by default, and
      // none over MAX_SEGMENT_CHUNKS), built in parallel.
      const workers = Math.max(1, opts.workers ?? availableParallelism());
      const parallel = chunks.length >= (opts.parallelMinChunks ?? PARALLEL_MIN_CHUNKS) && workers > 1;
      const parts = segmentsToBuild(chunks.length, workers, opts.segments);
      const split = chunks.length >= (opts.parallelMinChunks ?? PARALLEL_MIN_CHUNKS) && parts > 1;
      const groups =
        articles.length === 0
          ? []
          : split
            ? splitByChunks(
                perArticle.map((c) => c.length),
                parts,
              )
            : [articles.map((_, i) => i)];
      // Stage times: embedding ends when the first segment's vectors are ready (the later segments'
      // embedding overlaps the building of the first), analysis when the first segment starts its graph.
      let embedEnded = false;
      const endEmbed = () => {
        if (!embedEnded) endStage('embed');
        embedEnded = true;
        embedOverlaps = true;
      };
      const jobs: Array<SegmentJob & { articles: number; efSearch: number }> = groups.map((group) => {
        const first = rows[group[0]].first;
        const last = rows[group[group.length - 1]];
        const end = last.first + last.count;
        return {
          id: newSegmentId(),
          chunks: end - first,
          articles: group.length,
          efSearch: efFor(end - first),
          input: async (): Promise<SegmentInput> => {
            await embedUpTo(end, group[group.length - 1] + 1);
            endEmbed();
            return {
              articles: group.map((i) => articles[i]),
              chunks: chunks.slice(first, end),
              searchTexts: searchTexts.slice(first, end),
              vectors: vectors.slice(first * embedder.dim, end * embedder.dim),
              dim: embedder.dim,
              rows: group.map((i) => ({ ...rows[i], first: rows[i].first - first })),
              words,
              hnsw: { ...hnswBase, efSearch: efFor(end - first) },
            };
          },
        };
      });
      if (!jobs.length) endEmbed();
      let inGraph = false;
      const built = await buildSegments(workDir, jobs, {
        parallel,
        concurrency: workers,
        signal,
        onProgress: (stage, done, total) => {
          if (stage !== 'analyse' && !inGraph) {
            inGraph = true;
            endStage('analyse');
          }
          if (stage !== 'write') onProgress?.({ stage, done, total });
        },
      });
      if (!inGraph) endStage('analyse');
      endStage('hnsw');
      const newSegments: SegmentEntry[] = jobs.map(({ id, articles: count, chunks: n, efSearch }, i) => {
        Object.assign(files, built[i]);
        return { id, articles: count, chunks: n, efSearch };
      });
      throwIfAborted(signal);

      // The checksum cache of the new version: kept segments as checked, new files as written.
      const checked: Record<string, string> = {};
      for (const seg of keptSegments)
        for (const name of Object.keys(keep!.checked)) if (name.startsWith(`segments/${seg.id}/`)) checked[name] = keep!.checked[name];
      for (const { id } of jobs)
        for (const name of Object.keys(files)) if (name.startsWith(`segments/${id}/`)) checked[name] = fileKey(path.join(workDir, name));
      writeDurable(path.join(workDir, CHECKED_FILE), JSON.stringify(checked));
      const sourceList = Buffer.from(JSON.stringify(corpus.sources.map(({ unchanged: _u, ...f }) => f)), 'utf8');
      writeDurable(path.join(workDir, SOURCES_FILE), sourceList);
      files[SOURCES_FILE] = { bytes: sourceList.length, crc32: checksum(sourceList) };
      const dictionary = Buffer.from(formatUserDictionary(words), 'utf8');
      writeDurable(path.join(workDir, USER_DICTIONARY_FILE), dictionary);
      files[USER_DICTIONARY_FILE] = { bytes: dictionary.length, crc32: checksum(dictionary) };
      const segments = [...keptSegments, ...newSegments];
      segmentCount = segments.length;
      const manifest: StoredManifest = {
        formatVersion: FORMAT_VERSION,
        segmenter: SEGMENTER,
        readerVersion: READER_VERSION,
        embedder: { id: embedder.id, dim: embedder.dim },
        corpusFingerprint: sha256(liveIds.join('\n') + '\n' + liveHashes.join('\n')),
        counts: { files: corpus.files, articles: liveArticles.length, chunks: totalChunks },
        builtAt: new Date().toISOString(),
        buildMs: Math.round(performance.now() - started),
        hnsw: { ...hnswBase, efSearch: efFor(totalChunks) },
        segments,
        deleted,
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
    }

    const merges: MergeOutcome[] = [];
    if (opts.merge !== false) {
      merges.push(
        ...(await mergeLocked(outDir, {
          policy: opts.mergePolicy,
          signal,
          onProgress: (done, total) => onProgress?.({ stage: 'merge', done, total }),
        })),
      );
      if (merges.length) segmentCount = merges[merges.length - 1].segmentsAfter;
      endStage('merge');
    }
    return summaryOf(segmentCount, merges);
  } finally {
    for (const f of openFiles.values()) f.close();
    if (workDir) discardBuild(workDir);
    release();
  }
}
