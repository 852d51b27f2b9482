/** Writes that survive a crash: a published folder is complete on disk, never half-written. */
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';

/** Writes a file and flushes it to disk. */
export function writeDurable(file: string, data: Buffer | string): void {
  const fd = openSync(file, 'w');
  try {
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let off = 0;
    while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Flushes a file written by someone else (hnswlib) to disk. */
export function fsyncFile(file: string): void {
  const fd = openSync(file, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
