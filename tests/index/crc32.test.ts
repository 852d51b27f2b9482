import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { crc32 } from '../../src/index/crc32.ts';
import { hashFilesInBackground } from '../../src/index/checksum-worker.ts';
import { checksum } from '../../src/index/manifest.ts';
import { seededRandom } from '../../bench/prng.ts';

function bytes(n: number, seed: number): Buffer {
  const random = seededRandom(seed);
  const out = Buffer.alloc(n);
  for (let i = 0; i < n; i++) out[i] = Math.floor(random() * 256);
  return out;
}

describe('crc32', () => {
  it("gives zlib's values, whole and continued block by block", () => {
    for (const [n, seed] of [
      [0, 1],
      [1, 2],
      [7, 3],
      [4096, 4],
      [100_003, 5],
    ]) {
      const data = bytes(n, seed);
      expect(crc32(data)).toBe(zlibCrc32(data));
      let value = 0;
      for (let at = 0; at < n; at += 1000) value = crc32(data.subarray(at, at + 1000), value);
      expect(value).toBe(zlibCrc32(data));
    }
    expect(crc32('会议 𠀋')).toBe(zlibCrc32('会议 𠀋'));
  });
});

describe('hashFilesInBackground', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'baoxun-crc-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('checksums each file as the manifest does, and hands over the contents of those kept', async () => {
    const big = bytes(5 << 20, 9); // more than one of the worker's 4 MB blocks
    const small = Buffer.from('会议纪要\n');
    writeFileSync(path.join(dir, 'big.bin'), big);
    writeFileSync(path.join(dir, 'small.json'), small);
    const [kept, streamed, missing] = await Promise.all(
      hashFilesInBackground([
        { file: path.join(dir, 'small.json'), keep: true },
        { file: path.join(dir, 'big.bin') },
        { file: path.join(dir, 'gone.bin'), keep: true },
      ]),
    );
    expect(kept.crc32).toBe(checksum(small));
    expect(kept.data?.equals(small)).toBe(true);
    expect(streamed.crc32).toBe(checksum(big));
    expect(streamed.data).toBeUndefined();
    expect(missing.error).toMatch(/ENOENT/);
    expect(missing.data).toBeUndefined();
  });

  it('hands over large and empty kept files whole, in memory shared with this thread', async () => {
    const big = bytes((4 << 20) + 12_345, 11);
    writeFileSync(path.join(dir, 'kept-big.bin'), big);
    writeFileSync(path.join(dir, 'empty.json'), '');
    const [kept, empty] = await Promise.all(
      hashFilesInBackground([
        { file: path.join(dir, 'kept-big.bin'), keep: true },
        { file: path.join(dir, 'empty.json'), keep: true },
      ]),
    );
    expect(kept.crc32).toBe(checksum(big));
    expect(kept.data?.equals(big)).toBe(true);
    expect(kept.data?.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(empty.crc32).toBe(checksum(Buffer.alloc(0)));
    expect(empty.data?.length).toBe(0);
  });
});
