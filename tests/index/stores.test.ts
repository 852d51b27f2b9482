import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HnswStore } from '../../src/index/hnsw-store.ts';
import { VectorMatrix } from '../../src/index/vectors-store.ts';
import { FORMAT_VERSION, ManifestVersionError, parseManifest, readVerified, checksum } from '../../src/index/manifest.ts';
import { SEGMENTER, UNRECORDED_SEGMENTER } from '../../src/index/segmenters/identity.ts';

function unit(values: number[]): Float32Array {
  const n = Math.hypot(...values);
  return Float32Array.from(values.map((v) => v / n));
}
const vectors = [unit([1, 0, 0]), unit([0, 1, 0]), unit([1, 1, 0]), unit([0, 0, 1])];
const tmp = () => mkdtempSync(path.join(tmpdir(), 'baoxun-stores-'));

describe('HnswStore', () => {
  it('finds nearest by cosine, filters, and restores ef after load', async () => {
    const store = HnswStore.build(3, 4, (i) => vectors[i], { M: 16, efConstruction: 200, efSearch: 50 });
    const hits = store.search(unit([1, 0.1, 0]), 2);
    expect(hits.map((h) => h.chunk)).toEqual([0, 2]);
    expect(hits[0].score).toBeCloseTo(0.995, 3);
    expect(store.search(unit([1, 0.1, 0]), 2, (l) => l !== 0).map((h) => h.chunk)).toEqual([2, 1]);
    expect(store.search(unit([1, 0, 0]), 99)).toHaveLength(4);

    const file = path.join(tmp(), 'hnsw.bin');
    await store.write(file);
    const loaded = await HnswStore.load(file, 3, { M: 16, efConstruction: 200, efSearch: 77 });
    expect(loaded.ef).toBe(77);
    expect(loaded.count).toBe(4);
    expect(loaded.search(unit([0, 0, 1]), 1)[0]).toEqual({ chunk: 3, score: 1 });
  });
});

describe('VectorMatrix', () => {
  it('round-trips and searches exactly', () => {
    const m = VectorMatrix.fromRows(vectors, 3);
    const file = path.join(tmp(), 'vectors.f32');
    writeFileSync(file, m.serialise());
    const back = VectorMatrix.read(file, 3);
    expect(back.rows).toBe(4);
    expect(Array.from(back.row(2))).toEqual(Array.from(vectors[2]));
    expect(back.exactSearch(unit([0, 1, 0.9]), 1)[0].chunk).toBe(1);
    expect(back.exactSearch(unit([0, 1, 0.9]), 1, (r) => r !== 1)[0].chunk).toBe(3);
    expect(() => VectorMatrix.fromRows([Float32Array.from([1, 0])], 3)).toThrow(/dimension/);
  });
});

describe('manifest', () => {
  const valid = {
    formatVersion: FORMAT_VERSION,
    segmenter: SEGMENTER,
    embedder: { id: 'fake', dim: 3 },
    corpusFingerprint: 'abc',
    counts: { files: 1, articles: 1, chunks: 2 },
    builtAt: '2024-01-01T00:00:00Z',
    buildMs: 5,
    hnsw: { M: 16, efConstruction: 200, efSearch: 64 },
    segments: [{ id: 'a1-00ff', articles: 1, chunks: 2, efSearch: 64 }],
    deleted: {},
    files: {},
  };
  it('accepts a valid manifest', () => {
    expect(parseManifest(JSON.stringify(valid)).embedder.dim).toBe(3);
  });
  it('names the problem of a broken one', () => {
    expect(() => parseManifest('{"formatVersion": 2, ')).toThrow(/not valid JSON/);
    expect(() => parseManifest(JSON.stringify({ ...valid, formatVersion: FORMAT_VERSION + 1 }))).toThrow(/format version/);
    expect(() => parseManifest(JSON.stringify({ ...valid, counts: { files: 1 } }))).toThrow(/counts\.articles/);
  });
  it('calls an index whose terms another segmenter cut outdated (so it is rebuilt); one without a record was cut by nodejieba', () => {
    expect(() => parseManifest(JSON.stringify({ ...valid, segmenter: 'another' }))).toThrow(ManifestVersionError);
    expect(() => parseManifest(JSON.stringify({ ...valid, segmenter: 'another' }))).toThrow(/cut by another/);
    const { segmenter: _s, ...unrecorded } = valid;
    expect(UNRECORDED_SEGMENTER).toBe('nodejieba');
    if (SEGMENTER === UNRECORDED_SEGMENTER) expect(parseManifest(JSON.stringify(unrecorded)).embedder.dim).toBe(3);
    else expect(() => parseManifest(JSON.stringify(unrecorded))).toThrow(/cut by nodejieba/);
  });
  it('detects truncated and changed files', () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'a.bin'), 'hello');
    const m = parseManifest(JSON.stringify({ ...valid, files: { 'a.bin': { bytes: 5, crc32: checksum('hello') } } }));
    expect(readVerified(dir, 'a.bin', m).toString()).toBe('hello');
    writeFileSync(path.join(dir, 'a.bin'), 'hell');
    expect(() => readVerified(dir, 'a.bin', m)).toThrow(/truncated/);
    writeFileSync(path.join(dir, 'a.bin'), 'jello');
    expect(() => readVerified(dir, 'a.bin', m)).toThrow(/checksum/);
    expect(() => readVerified(dir, 'b.bin', m)).toThrow(/does not list/);
    expect(readFileSync(path.join(dir, 'a.bin'), 'utf8')).toBe('jello');
  });
});
