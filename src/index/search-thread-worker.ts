/**
 * The search thread's worker (search-thread.ts): opens its graphs, applies the deleted labels it is
 * sent, then answers searches through shared memory until it is terminated.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { HnswStore } from './hnsw-store.ts';
import { CTRL, THREAD_MAX_K, type SearchThreadData, type SearchThreadMessage } from './search-thread.ts';

const data = workerData as SearchThreadData;
const post = (m: SearchThreadMessage) => parentPort!.postMessage(m);

// Read at once on the thread pool, as the loading thread reads its own graphs (load.ts), not one after another.
const read = await Promise.allSettled(data.graphs.map((g) => HnswStore.load(g.file, data.dim, g.params)));
const failed = read.findIndex((r) => r.status === 'rejected');
if (failed >= 0) {
  post({ type: 'failed', graph: failed, message: ((read[failed] as PromiseRejectedResult).reason as Error).message });
  // Terminated by the loader, which reports the failure.
  await new Promise(() => undefined);
}
const stores = read.map((r) => (r as PromiseFulfilledResult<HnswStore>).value);
post({ type: 'loaded', counts: stores.map((s) => s.count) });

parentPort!.once('message', ({ lists }: { lists: number[][] }) => {
  lists.forEach((labels, i) => labels.forEach((l) => stores[i].markDeleted(l)));
  post({ type: 'ready' });
  serve();
});

function serve(): void {
  const ctrl = new Int32Array(data.ctrl);
  const query = new Float32Array(data.query);
  const requests = new Int32Array(data.requests);
  const counts = new Int32Array(data.counts);
  const labels = new Int32Array(data.labels);
  const scores = new Float64Array(data.scores);
  const bits = new Uint8Array(data.bits);
  // The caller's first request is 1: it may be under way already (it starts once `ready` is posted), so
  // the count starts from 0, not from what the counter holds now.
  let seen = 0;
  for (;;) {
    Atomics.wait(ctrl, CTRL.seq, seen);
    if (Atomics.load(ctrl, CTRL.stop)) break;
    seen = Atomics.load(ctrl, CTRL.seq);
    try {
      const vector = Array.from(query);
      const n = Atomics.load(ctrl, CTRL.requests);
      for (let i = 0; i < n; i++) {
        const [graph, k, ef, filtered] = requests.subarray(4 * i, 4 * i + 4);
        const offset = data.bitOffsets[graph];
        const filter = filtered ? (l: number) => (bits[offset + (l >> 3)] & (1 << (l & 7))) !== 0 : undefined;
        const hits = stores[graph].search(vector, k, filter, ef);
        const count = Math.min(hits.length, THREAD_MAX_K);
        counts[i] = count;
        for (let j = 0; j < count; j++) {
          labels[i * THREAD_MAX_K + j] = hits[j].chunk;
          scores[i * THREAD_MAX_K + j] = hits[j].score;
        }
      }
    } catch {
      Atomics.store(ctrl, CTRL.failed, 1);
    }
    Atomics.store(ctrl, CTRL.done, seen);
    Atomics.notify(ctrl, CTRL.done);
  }
  // Stopped: the thread ends when nothing else holds it.
  parentPort!.close();
}
