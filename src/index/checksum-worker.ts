/**
 * Checksums of an index's big files, computed on a worker thread while the loading thread loads the
 * segmenter and parses: full corruption detection, off the cold start's critical path (at 100,000
 * chunks the segment files are ~620 MB: CRC-32, crc32.ts). The files the loading thread
 * parses are read whole by the worker into memory the loading thread shares with it (no copy), and
 * handed over with their checksum, so they are read once, off the loading thread, and parsed only
 * once verified.
 */
import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { FAST_CRC32_MODULE } from './crc32.ts';

// Plain CommonJS evaluated by the worker, so it runs without the TypeScript loader. Files not kept
// are streamed, never held whole; kept ones are read into the shared memory the caller gave.
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
  try {
    const fd = openSync(file, 'r');
    try {
      if (keep) {
        if (fstatSync(fd).size !== keep.byteLength) throw new Error('its size changed');
        const bytes = new Uint8Array(keep);
        let at = 0;
        for (let n; at < bytes.length && (n = readSync(fd, bytes, at, bytes.length - at, at)) > 0; ) at += n;
        if (at !== bytes.length) throw new Error('it ended early');
        result = { file, crc32: hex(crc32(bytes)), ms: performance.now() - started, kept: true };
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
  parentPort.postMessage(result);
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
  // Kept files are read into memory this thread allocates now, shared with the worker, rather than
  // memory the worker allocates and transfers: V8 counts such memory as external, and ~130 MB arriving
  // while this thread parses (at 100,000 chunks) set off garbage collections of a heap by then
  // tens of MB large ("external memory pressure"); allocated before the heap grows, they cost little.
  const memory = new Map<string, SharedArrayBuffer>();
  for (const { file, keep } of files) {
    if (!keep) continue;
    try {
      memory.set(file, new SharedArrayBuffer(statSync(file).size));
    } catch {
      // Unreadable: the worker says why.
    }
  }
  const jobs = files.map(({ file, keep }) => ({ file, keep: keep ? (memory.get(file) ?? new SharedArrayBuffer(0)) : undefined }));
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { files: jobs, crc32Module: FAST_CRC32_MODULE } });
  // Never keeps the process alive on its own (a loader that failed early stops waiting for it).
  worker.unref();
  const settle = (d: FileDigest) => {
    resolvers.get(d.file)?.(d);
    resolvers.delete(d.file);
  };
  worker.on('message', ({ kept, ...d }: Omit<FileDigest, 'data'> & { kept?: boolean }) => {
    const shared = kept ? memory.get(d.file) : undefined;
    memory.delete(d.file);
    settle({ ...d, data: shared ? Buffer.from(shared) : undefined });
  });
  worker.on('error', (err) => {
    for (const file of [...resolvers.keys()]) settle({ file, error: err.message });
  });
  worker.on('exit', () => {
    for (const file of [...resolvers.keys()]) settle({ file, error: 'the checksum worker stopped' });
  });
  return promises;
}
