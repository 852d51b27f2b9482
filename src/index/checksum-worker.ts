/**
 * Checksums of an index's big files, computed on a worker thread while the loading thread loads the
 * segmenter and parses: full corruption detection, off the cold start's critical path (at 100,000
 * chunks the segment files are ~620 MB: CRC-32, crc32.ts). The files the loading thread
 * parses are read whole by the worker and handed over with their checksum (the memory moves, no
 * copy), so they are read once, off the loading thread, and parsed only once verified.
 */
import { Worker } from 'node:worker_threads';
import { FAST_CRC32_MODULE } from './crc32.ts';

// Plain CommonJS evaluated by the worker, so it runs without the TypeScript loader. Files not kept
// are streamed, never held whole; kept ones are read into a buffer of their own that is transferred.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const crc32 = (() => {
  try {
    if (workerData.crc32Module) return require(workerData.crc32Module).crc32;
  } catch {}
  return require('node:zlib').crc32;
})();
const { openSync, readSync, closeSync, fstatSync } = require('node:fs');
const buf = Buffer.allocUnsafe(4 << 20);
const started = performance.now();
const hex = (value) => (value >>> 0).toString(16).padStart(8, '0');
for (const { file, keep } of workerData.files) {
  let result;
  const transfer = [];
  try {
    const fd = openSync(file, 'r');
    try {
      if (keep) {
        const data = new ArrayBuffer(fstatSync(fd).size);
        const bytes = new Uint8Array(data);
        let at = 0;
        for (let n; at < bytes.length && (n = readSync(fd, bytes, at, bytes.length - at, at)) > 0; ) at += n;
        if (at !== bytes.length) throw new Error('it ended early');
        result = { file, crc32: hex(crc32(bytes)), ms: performance.now() - started, data };
        transfer.push(data);
      } else {
        let value = 0;
        for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0; ) value = crc32(buf.subarray(0, n), value);
        result = { file, crc32: hex(value), ms: performance.now() - started };
      }
    } finally {
      closeSync(fd);
    }
  } catch (err) {
    result = { file, error: String(err && err.message) };
  }
  parentPort.postMessage(result, transfer);
}
`;

export interface FileDigest {
  file: string;
  crc32?: string;
  error?: string;
  /** Time from the worker's start to this file's checksum, on the worker's own clock (its thread's progress, not the loader's). */
  ms?: number;
  /** The file's contents, when it was asked to be kept (and could be read). */
  data?: Buffer;
}

/** A file to checksum; `keep`: hand its contents over too (files the caller parses). */
export interface FileToHash {
  file: string;
  keep?: boolean;
}

/**
 * The CRC-32 of each file (as `checksum` in manifest.ts), in a worker thread, in the order given
 * (put the files kept first: they are what the caller waits for); one promise per file.
 */
export function hashFilesInBackground(files: readonly FileToHash[]): Array<Promise<FileDigest>> {
  const resolvers = new Map<string, (d: FileDigest) => void>();
  const promises = files.map(({ file }) => new Promise<FileDigest>((resolve) => resolvers.set(file, resolve)));
  if (!files.length) return promises;
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { files, crc32Module: FAST_CRC32_MODULE } });
  // Never keeps the process alive on its own (a loader that failed early stops waiting for it).
  worker.unref();
  const settle = (d: FileDigest) => {
    resolvers.get(d.file)?.(d);
    resolvers.delete(d.file);
  };
  worker.on('message', (d: Omit<FileDigest, 'data'> & { data?: ArrayBuffer }) =>
    settle({ ...d, data: d.data ? Buffer.from(d.data) : undefined }),
  );
  worker.on('error', (err) => {
    for (const file of [...resolvers.keys()]) settle({ file, error: err.message });
  });
  worker.on('exit', () => {
    for (const file of [...resolvers.keys()]) settle({ file, error: 'the checksum worker stopped' });
  });
  return promises;
}
