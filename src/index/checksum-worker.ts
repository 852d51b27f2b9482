/**
 * Checksums of an index's big files, computed on a worker thread while the loading thread parses
 * the JSON files and loads the segmenter: full corruption detection, off the cold start's critical
 * path (at 100,000 chunks the segment files are ~620 MB: CRC-32, half sha256's CPU).
 */
import { Worker } from 'node:worker_threads';

// Plain CommonJS evaluated by the worker, so it runs without the TypeScript loader. Files are
// streamed, never held whole.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { crc32 } = require('node:zlib');
const { openSync, readSync, closeSync } = require('node:fs');
const buf = Buffer.allocUnsafe(4 << 20);
const started = performance.now();
for (const file of workerData.files) {
  let result;
  try {
    const fd = openSync(file, 'r');
    try {
      let value = 0;
      for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0; ) value = crc32(buf.subarray(0, n), value);
      result = { file, crc32: (value >>> 0).toString(16).padStart(8, '0'), ms: performance.now() - started };
    } finally {
      closeSync(fd);
    }
  } catch (err) {
    result = { file, error: String(err && err.message) };
  }
  parentPort.postMessage(result);
}
`;

export interface FileDigest {
  file: string;
  crc32?: string;
  error?: string;
  /** Time from the worker's start to this file's checksum, on the worker's own clock (its thread's progress, not the loader's). */
  ms?: number;
}

/** The CRC-32 of each file (as `checksum` in manifest.ts), in a worker thread; one promise per file, in the order given. */
export function hashFilesInBackground(files: readonly string[]): Array<Promise<FileDigest>> {
  const resolvers = new Map<string, (d: FileDigest) => void>();
  const promises = files.map((file) => new Promise<FileDigest>((resolve) => resolvers.set(file, resolve)));
  if (!files.length) return promises;
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { files } });
  // Never keeps the process alive on its own (a loader that failed early stops waiting for it).
  worker.unref();
  const settle = (d: FileDigest) => {
    resolvers.get(d.file)?.(d);
    resolvers.delete(d.file);
  };
  worker.on('message', settle);
  worker.on('error', (err) => {
    for (const file of [...resolvers.keys()]) settle({ file, error: err.message });
  });
  worker.on('exit', () => {
    for (const file of [...resolvers.keys()]) settle({ file, error: 'the checksum worker stopped' });
  });
  return promises;
}
