/**
 * Corrupted index folders: loadIndex and `npm run ask` give a one-line error that names the fix;
 * `npm run index` then rebuilds over the damage and the index answers again with correct vectors.
 */
import { readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndex, CHUNKS_FILE, HNSW_FILE } from '../../src/index/build.ts';
import { BuiltinEmbedder } from '../../src/index/embedders/builtin.ts';
import { IndexError } from '../../src/index/errors.ts';
import { loadIndex } from '../../src/index/load.ts';
import { checksum, FORMAT_VERSION, MANIFEST_FILE } from '../../src/index/manifest.ts';
import { chunkSearchText } from '../../src/index/search-text.ts';
import { VECTORS_FILE } from '../../src/index/vectors-store.ts';
import { ReportsEngine } from '../../src/retrieval/engine.ts';
import { parseConfig } from '../../src/config.ts';
import { openReports } from '../../src/cli/open-reports.ts';
import { NO_MODELS, ROOT, runCli, tempDir } from './support.ts';

const REPORTS = path.join(ROOT, 'data', 'reports');
const QUESTION = '谁主持了冬春季疫情防控工作动员会？';
let dir: string;

beforeAll(() => {
  dir = tempDir('corrupt');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Manifest = {
  formatVersion: number;
  segmenter?: string;
  embedder: { id: string; dim: number };
  files: Record<string, { bytes: number; crc32: string }>;
};

/** Helpers over the version folder the index link points at. */
function folder(real: string) {
  // A small index is one segment: its files are listed as segments/<id>/<name>.
  const listed = (name: string) => {
    const m = JSON.parse(readFileSync(path.join(real, MANIFEST_FILE), 'utf8')) as Manifest & { segments: Array<{ id: string }> };
    return name === MANIFEST_FILE || m.files[name] ? name : `segments/${m.segments[0]!.id}/${name}`;
  };
  const file = (name: string) => path.join(real, listed(name));
  const manifest = () => JSON.parse(readFileSync(file(MANIFEST_FILE), 'utf8')) as Manifest;
  const saveManifest = (m: Manifest) => writeFileSync(file(MANIFEST_FILE), JSON.stringify(m, null, 2));
  /** Rewrites a file and its manifest entry, as a buggy writer (not a torn write) would leave them. */
  const rewriteListed = (name: string, data: Buffer) => {
    writeFileSync(file(name), data);
    const m = manifest();
    m.files[listed(name)] = { bytes: data.length, crc32: checksum(data) };
    saveManifest(m);
  };
  return { file, manifest, saveManifest, rewriteListed };
}

const corruptions: Array<{ name: string; apply(real: string): void; says: RegExp }> = [
  {
    name: 'truncated hnsw.bin',
    apply: (real) => {
      const f = folder(real).file(HNSW_FILE);
      const data = readFileSync(f);
      writeFileSync(f, data.subarray(0, data.length >> 1));
    },
    says: /hnsw\.bin is \d+ bytes.*truncated/,
  },
  {
    name: 'truncated hnsw.bin with a manifest that matches it',
    apply: (real) => {
      const data = readFileSync(folder(real).file(HNSW_FILE));
      folder(real).rewriteListed(HNSW_FILE, data.subarray(0, data.length >> 1));
    },
    says: /hnsw\.bin cannot be read/,
  },
  {
    name: 'broken manifest.json',
    apply: (real) => {
      const f = folder(real).file(MANIFEST_FILE);
      writeFileSync(f, readFileSync(f, 'utf8').slice(0, 200));
    },
    says: /manifest\.json is not valid JSON/,
  },
  {
    name: 'chunks and vectors out of step',
    apply: (real) => {
      const chunks = JSON.parse(readFileSync(folder(real).file(CHUNKS_FILE), 'utf8')) as unknown[];
      folder(real).rewriteListed(CHUNKS_FILE, Buffer.from(JSON.stringify(chunks.slice(0, -1))));
    },
    says: /counts disagree/,
  },
  {
    name: 'vectors one row short',
    apply: (real) => {
      const data = readFileSync(folder(real).file(VECTORS_FILE));
      folder(real).rewriteListed(VECTORS_FILE, data.subarray(0, data.length - 512 * 4));
    },
    says: /counts disagree/,
  },
  {
    name: 'built by another embedder',
    apply: (real) => {
      const m = folder(real).manifest();
      m.embedder = { id: 'Xenova/bge-small-zh-v1.5', dim: 512 };
      folder(real).saveManifest(m);
    },
    says: /built with .*Xenova\/bge-small-zh-v1\.5/,
  },
  {
    name: 'another embedder dimension',
    apply: (real) => {
      const m = folder(real).manifest();
      m.embedder = { ...m.embedder, dim: 256 };
      folder(real).saveManifest(m);
    },
    says: /dim|dimension|vectors/,
  },
  {
    // The format before this one (11: bm25.bin with 32-bit documents and 16-bit term frequencies).
    name: 'the previous format version',
    apply: (real) => {
      const m = folder(real).manifest();
      m.formatVersion = FORMAT_VERSION - 1;
      folder(real).saveManifest(m);
    },
    says: new RegExp(`format version ${FORMAT_VERSION - 1}`),
  },
  {
    name: 'search terms cut by another segmenter',
    apply: (real) => {
      const m = folder(real).manifest();
      m.segmenter = 'another-segmenter';
      folder(real).saveManifest(m);
    },
    says: /cut by another-segmenter/,
  },
];

describe('a corrupted index', () => {
  for (const [i, c] of corruptions.entries()) {
    it(`${c.name}: a one-line error naming the fix, then npm run index recovers`, async () => {
      const indexDir = path.join(dir, `index-${i}`);
      const embedder = new BuiltinEmbedder();
      await buildIndex({ inputs: [REPORTS], outDir: indexDir, embedder });
      c.apply(realpathSync(indexDir));

      const err = await loadIndex(indexDir, { modelsDir: NO_MODELS }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(IndexError);
      const message = (err as Error).message;
      expect(message).toMatch(c.says);
      expect(message).toContain('npm run index');
      expect(message).not.toContain('\n');

      const asked = await runCli('ask', ['--index', indexDir, QUESTION]);
      expect(asked.code).toBe(1);
      expect(asked.stdout).toBe('');
      expect(asked.stderr.trim().split('\n')).toEqual([expect.stringContaining('npm run index')]);

      const rebuilt = await runCli('index', ['--input', REPORTS, '--out', indexDir, '--json']);
      expect(rebuilt.code).toBe(0);
      expect(JSON.parse(rebuilt.stdout).ok).toBe(true);

      const index = await loadIndex(indexDir, { modelsDir: NO_MODELS });
      // Nothing carried over from the damage: every stored vector is its chunk's true vector.
      const fresh = await embedder.embed(index.chunks.map(chunkSearchText), 'passage');
      for (let k = 0; k < index.chunks.length; k++) expect(Array.from(index.vector(k))).toEqual(Array.from(fresh[k]!));
      const answer = await ReportsEngine.fromIndex(index, { modelsDir: NO_MODELS }).ask(QUESTION);
      expect(answer.abstained).toBe(false);
      expect(answer.answer + answer.citations.map((x) => x.excerpt).join('')).toContain('王新亭');
    });
  }

  it('npm start (openReports) rebuilds a corrupted index by itself and answers', async () => {
    const indexDir = path.join(dir, 'index-start');
    await buildIndex({ inputs: [REPORTS], outDir: indexDir, embedder: new BuiltinEmbedder() });
    corruptions[0]!.apply(realpathSync(indexDir));
    const config = parseConfig({
      BAOXUN_INDEX_DIR: indexDir,
      BAOXUN_REPORTS_DIR: REPORTS,
      BAOXUN_MODELS_DIR: NO_MODELS,
      BAOXUN_EMBEDDER: 'builtin',
    });
    const { engine } = await openReports(config);
    const answer = await engine.ask(QUESTION);
    expect(answer.abstained).toBe(false);
    await loadIndex(indexDir, { modelsDir: NO_MODELS });
  });

  it('npm run ask answers again after the rebuild', async () => {
    const indexDir = path.join(dir, 'index-0');
    const r = await runCli('ask', ['--index', indexDir, '--json', QUESTION]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).abstained).toBe(false);
  });
});
