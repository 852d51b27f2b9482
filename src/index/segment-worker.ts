/**
 * A worker thread of a parallel build's pool (segment-workers.ts): builds the segments it is sent
 * (analysis, BM25, HNSW, files), one at a time, posting progress and then each segment's files. It
 * stays up between segments, so its segmenter and native modules load once.
 */
import { parentPort } from 'node:worker_threads';
import { writeSegment } from './segment.ts';
import type { WorkerJob, WorkerMessage } from './segment-workers.ts';

const post = (m: WorkerMessage) => parentPort!.postMessage(m);

parentPort!.on('message', ({ root, id, input }: WorkerJob) => {
  writeSegment(root, id, input, async (stage, done) => post({ type: 'progress', stage, done })).then(
    (files) => post({ type: 'done', files }),
    (err: Error) => post({ type: 'failed', message: err.message, stack: err.stack }),
  );
});
