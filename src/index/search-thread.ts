/**
 * A second thread for dense search over several segments, as Lucene searches an index's segments
 * concurrently: a worker thread opens some of the segments' graphs (the loading thread the others)
 * and searches them while the calling thread searches its own, so a question's walks over ten graphs
 * take about the time of five.
 *
 * Why a thread: each graph walk has a floor of ~0.35 ms CPU on these vectors whatever its ef (their
 * flat similarities keep the walk going; bench/FINDINGS.md §7), so ten segments cost ~4x one graph's
 * search at equal recall, and planning smaller ef per segment cannot close that. Each graph is held by
 * one thread only (hnswlib's index cannot be shared between threads), so memory does not grow.
 *
 * The search stays synchronous for its caller: the request (query vector, each segment's k and ef,
 * and a filter as a bit set over the segment's labels) goes through shared memory, the worker is
 * woken with Atomics.notify, and the caller waits with Atomics.wait once its own segments are done.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { HnswParams } from './hnsw-store.ts';
import type { ChunkHit } from './types.ts';

/** Hits a segment searched on the thread can return per search. */
export const THREAD_MAX_K = 4096;
/** A search the thread has not answered within this long fails (the thread died). */
const ANSWER_TIMEOUT_MS = 30_000;

/** Slots of the control array. */
export const CTRL = { seq: 0, done: 1, requests: 2, failed: 3, stop: 4 } as const;

/** What the worker is started with (search-thread-worker.ts). */
export interface SearchThreadData {
  dim: number;
  graphs: Array<{ file: string; params: HnswParams; chunks: number }>;
  ctrl: SharedArrayBuffer;
  query: SharedArrayBuffer;
  /** Per request: graph, k, ef, filtered (Int32 ×4). */
  requests: SharedArrayBuffer;
  /** Per request: count, then THREAD_MAX_K labels (Int32) and scores (Float64: the same numbers as a search on this thread). */
  counts: SharedArrayBuffer;
  labels: SharedArrayBuffer;
  scores: SharedArrayBuffer;
  /** Filter bits of every graph, graph after graph (`bitOffsets`, in bytes). */
  bits: SharedArrayBuffer;
  bitOffsets: number[];
}

export type SearchThreadMessage =
  { type: 'loaded'; counts: number[] } | { type: 'ready' } | { type: 'failed'; graph?: number; message: string };

const WORKER_FILE = new URL(`./search-thread-worker${path.extname(fileURLToPath(import.meta.url))}`, import.meta.url);

function startWorker(workerData: SearchThreadData): Worker {
  if (!WORKER_FILE.pathname.endsWith('.ts')) return new Worker(WORKER_FILE, { workerData });
  // From TypeScript sources (tsx, tests): the worker registers tsx's loader itself (as segment-workers.ts).
  const pkg = createRequire(import.meta.url).resolve('tsx/package.json');
  const api = pathToFileURL(path.join(path.dirname(pkg), 'dist/esm/api/index.mjs')).href;
  const boot = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(WORKER_FILE.href)}); });`;
  return new Worker(boot, { eval: true, workerData });
}

/** One graph's search on the thread: its local labels' filter, when there is one, as a test. */
export interface ThreadRequest {
  graph: number;
  k: number;
  ef: number;
  filter?: (label: number) => boolean;
  /** The labels the filter keeps, when known (faster than testing every label). */
  kept?: Iterable<number>;
}

/**
 * Ends a thread: the stop flag wakes it out of its wait so it returns (a worker blocked in
 * Atomics.wait is not ended promptly by terminate(), and would hold the process open at exit).
 */
function stopThread(worker: Worker, ctrl: Int32Array): void {
  Atomics.store(ctrl, CTRL.stop, 1);
  Atomics.add(ctrl, CTRL.seq, 1);
  Atomics.notify(ctrl, CTRL.seq);
  void worker.terminate();
}

const collector = new FinalizationRegistry<{ worker: Worker; ctrl: Int32Array }>(({ worker, ctrl }) => stopThread(worker, ctrl));
/** Threads still running, stopped when the process exits. */
const running = new Set<{ worker: Worker; ctrl: Int32Array }>();
process.once('exit', () => {
  for (const t of running) stopThread(t.worker, t.ctrl);
});

export class SearchThread {
  private readonly worker: Worker;
  private readonly ctrl: Int32Array;
  private readonly query: Float32Array;
  private readonly requests: Int32Array;
  private readonly counts: Int32Array;
  private readonly labels: Int32Array;
  private readonly scores: Float64Array;
  private readonly bits: Uint8Array;
  private readonly deleted: number[][];
  private seq = 0;
  private pending: ThreadRequest[] | undefined;
  /** Each graph's point count, once the thread has read them all. */
  readonly loaded: Promise<number[]>;
  private readonly readyPromise: Promise<void>;
  private release!: () => void;

  constructor(
    dim: number,
    private readonly graphs: ReadonlyArray<{ file: string; params: HnswParams; chunks: number }>,
  ) {
    const n = graphs.length;
    const bitOffsets: number[] = [];
    let bitBytes = 0;
    for (const g of graphs) {
      bitOffsets.push(bitBytes);
      bitBytes += Math.ceil(g.chunks / 8);
    }
    const data: SearchThreadData = {
      dim,
      graphs: graphs.map((g) => ({ ...g })),
      ctrl: new SharedArrayBuffer(4 * 5),
      query: new SharedArrayBuffer(4 * dim),
      requests: new SharedArrayBuffer(4 * 4 * n),
      counts: new SharedArrayBuffer(4 * n),
      labels: new SharedArrayBuffer(4 * THREAD_MAX_K * n),
      scores: new SharedArrayBuffer(8 * THREAD_MAX_K * n),
      bits: new SharedArrayBuffer(Math.max(1, bitBytes)),
      bitOffsets,
    };
    this.ctrl = new Int32Array(data.ctrl);
    this.query = new Float32Array(data.query);
    this.requests = new Int32Array(data.requests);
    this.counts = new Int32Array(data.counts);
    this.labels = new Int32Array(data.labels);
    this.scores = new Float64Array(data.scores);
    this.bits = new Uint8Array(data.bits);
    this.bitOffsetsOf = bitOffsets;
    this.deleted = graphs.map(() => []);
    this.worker = startWorker(data);
    let loadedOk!: (counts: number[]) => void;
    let loadedFail!: (err: Error) => void;
    this.loaded = new Promise((resolve, reject) => {
      loadedOk = resolve;
      loadedFail = reject;
    });
    let readyOk!: () => void;
    let readyFail!: (err: Error) => void;
    this.readyPromise = new Promise((resolve, reject) => {
      readyOk = resolve;
      readyFail = reject;
    });
    // Awaited by the loader (a failure is reported there).
    this.loaded.catch(() => undefined);
    this.readyPromise.catch(() => undefined);
    const fail = (err: Error) => {
      loadedFail(err);
      readyFail(err);
    };
    this.worker.on('message', (m: SearchThreadMessage) => {
      if (m.type === 'loaded') loadedOk(m.counts);
      else if (m.type === 'ready') readyOk();
      else fail(Object.assign(new Error(m.message), { graph: m.graph }));
    });
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`the search thread stopped (exit code ${code})`)));
    const handle = { worker: this.worker, ctrl: this.ctrl };
    running.add(handle);
    this.worker.once('exit', () => running.delete(handle));
    this.handle = handle;
    this.release = () => stopThread(this.worker, this.ctrl);
  }

  private readonly bitOffsetsOf: number[];
  private readonly handle: { worker: Worker; ctrl: Int32Array };

  /** Ends the thread when `owner` is garbage-collected (the index it serves). */
  endWith(owner: object): void {
    collector.register(owner, this.handle);
  }

  /** Leaves `label` of graph `graph` out of every search (sent with `ready`). */
  markDeleted(graph: number, label: number): void {
    this.deleted[graph].push(label);
  }

  /** Sends the deletions; resolves when the thread takes questions. */
  async ready(): Promise<void> {
    await this.loaded;
    this.worker.postMessage({ type: 'deleted', lists: this.deleted });
    await this.readyPromise;
    // Held until now (a load awaits it); from here the process may end while the thread waits for questions.
    this.worker.unref();
  }

  /**
   * Starts `requests` on the thread (at most one a graph); `finish()` returns their hits. A search begun
   * and never finished (its caller failed in between, e.g. in BM25) is waited for and dropped first.
   */
  begin(vector: ArrayLike<number>, requests: ThreadRequest[]): void {
    if (this.pending)
      try {
        this.finish();
      } catch {
        // Its failure was its caller's to see; this search starts afresh.
      }
    this.query.set(vector);
    requests.forEach((r, i) => {
      const at = 4 * i;
      this.requests[at] = r.graph;
      this.requests[at + 1] = Math.min(r.k, THREAD_MAX_K);
      this.requests[at + 2] = r.ef;
      this.requests[at + 3] = r.filter || r.kept ? 1 : 0;
      if (r.filter || r.kept) this.fillBits(r);
    });
    Atomics.store(this.ctrl, CTRL.requests, requests.length);
    Atomics.store(this.ctrl, CTRL.failed, 0);
    this.pending = requests;
    this.seq = (this.seq + 1) | 0;
    Atomics.store(this.ctrl, CTRL.seq, this.seq);
    Atomics.notify(this.ctrl, CTRL.seq);
  }

  /** Waits for the thread's answers: per request, local labels best first. */
  finish(): ChunkHit[][] {
    const requests = this.pending;
    if (!requests) throw new Error('no search on the search thread is under way');
    this.pending = undefined;
    const deadline = performance.now() + ANSWER_TIMEOUT_MS;
    for (;;) {
      const done = Atomics.load(this.ctrl, CTRL.done);
      if (done === this.seq) break;
      const left = deadline - performance.now();
      if (left <= 0) throw new Error('the search thread did not answer');
      Atomics.wait(this.ctrl, CTRL.done, done, left);
    }
    if (Atomics.load(this.ctrl, CTRL.failed)) throw new Error('a search on the search thread failed');
    return requests.map((_, i) => {
      const hits: ChunkHit[] = [];
      const count = this.counts[i];
      for (let j = 0; j < count; j++) hits.push({ chunk: this.labels[i * THREAD_MAX_K + j], score: this.scores[i * THREAD_MAX_K + j] });
      return hits;
    });
  }

  /** One graph searched on the thread, waited for. */
  search(request: ThreadRequest, vector: ArrayLike<number>): ChunkHit[] {
    this.begin(vector, [request]);
    return this.finish()[0];
  }

  close(): void {
    this.release();
  }

  private fillBits(r: ThreadRequest): void {
    const offset = this.bitOffsetsOf[r.graph];
    const chunks = this.graphs[r.graph].chunks;
    const bits = this.bits.subarray(offset, offset + Math.ceil(chunks / 8));
    bits.fill(0);
    if (r.kept) {
      for (const l of r.kept) bits[l >> 3] |= 1 << (l & 7);
    } else {
      for (let l = 0; l < chunks; l++) if (r.filter!(l)) bits[l >> 3] |= 1 << (l & 7);
    }
  }
}
