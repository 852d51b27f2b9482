/**
 * CRC-32 (zlib's: the IEEE polynomial) of the manifest's file checksums, computed by
 * `@node-rs/crc32` (Rust, SIMD carry-less multiplication) where its prebuilt binary loads, else by
 * zlib's in Node. Both give the same values, so indexes do not depend on which one ran. Measured on
 * a 111 MB graph file read from the page cache in 4 MB blocks: 49–54 ms with @node-rs/crc32 against
 * 114–170 ms with zlib's (of which reading 33–57 ms); the cold start checksums every segment file
 * (~620 MB at 100,000 chunks).
 */
import { createRequire } from 'node:module';
import { crc32 as zlibCrc32 } from 'node:zlib';
import type * as NodeRsCrc32 from '@node-rs/crc32';

type Crc32 = (data: Uint8Array | string, previous?: number) => number;

const require = createRequire(import.meta.url);

/** The resolved path of `@node-rs/crc32` when it loads here (for worker threads), else undefined. */
export const FAST_CRC32_MODULE: string | undefined = (() => {
  try {
    const resolved = require.resolve('@node-rs/crc32');
    (require(resolved) as typeof NodeRsCrc32).crc32('');
    return resolved;
  } catch {
    return undefined; // no prebuilt binary for this platform: zlib's gives the same values
  }
})();

/** The CRC-32 of `data`, continuing from `previous` (0 to start), as an unsigned number. */
export const crc32: Crc32 = FAST_CRC32_MODULE ? (require(FAST_CRC32_MODULE) as typeof NodeRsCrc32).crc32 : zlibCrc32;
