/**
 * A worker thread that builds one segment (analysis, BM25, HNSW, files) for a parallel build; see
 * segment-workers.ts. Receives `{ root, id, input }`, posts progress and then its files.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { writeSegment, type SegmentInput } from './segment.ts';

const { root, id, input } = workerData as { root: string; id: string; input: SegmentInput };
const files = await writeSegment(root, id, input, async (stage, done, total) => {
  parentPort!.postMessage({ type: 'progress', stage, done, total });
});
parentPort!.postMessage({ type: 'done', files });
