import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  statSync,
  truncateSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/index/build.ts';
import { lockPath } from '../../src/index/build-lock.ts';
import { IndexBuildError, IndexError } from '../../src/index/errors.ts';
import { loadIndex } from '../../src/index/load.ts';
import { FORMAT_VERSION } from '../../src/index/manifest.ts';
import { toSearchForm } from '../../src/text/search-form.ts';
import { FakeEmbedder } from './fake-embedder.ts';

const REPORTS = path.resolve('data/reports');
const modelsDir = path.join(tmpdir(), 'baoxun-no-models');
const tmp = () => mkdtempSync(path.join(tmpdir(), 'baoxun-index-'));

/** A file of the index's first segment (as the manifest lists it). */
function segmentFilePath(outDir: string, name: string): string {
  const manifest = JSON.parse(readFileSync(path.join(outDir, 'manifest.json'), 'utf8')) as { segments: Array<{ id: string }> };
  return path.join(outDir, 'segments', manifest.segments[0].id, name);
}

function jsonlCorpus(dir: string, docs: Array<{ id: string; title: string; text: string }>): string {
  const file = path.join(dir, 'corpus.jsonl');
  writeFileSync(file, docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
  return file;
}

const DOCS = [
  { id: 'a', title: '城市交通', text: '市交通局召开会议，研究地铁三号线建设。地铁三号线全长二十公里，预计明年通车。' },
  { id: 'b', title: '教育工作', text: '全市教育工作会议部署新学期工作。会议要求各学校做好安全检查，保障学生平安入学。' },
  { id: 'c', title: '農業豐收', text: '今年全縣糧食總產量創歷史新高，達到五十萬噸。縣農業局介紹了豐收的經驗。' },
];

describe('build and load on data/reports', () => {
  let outDir: string;
  const embedder = new FakeEmbedder();
  let summary: Awaited<ReturnType<typeof buildIndex>>;

  beforeAll(async () => {
    outDir = path.join(tmp(), 'index');
    const stages = new Set<string>();
    summary = await buildIndex({ inputs: [REPORTS], outDir, embedder, onProgress: (p) => stages.add(p.stage) });
    expect([...stages]).toEqual(expect.arrayContaining(['read', 'chunk', 'embed', 'analyse', 'hnsw', 'write']));
  });

  it('summarises what it built', () => {
    expect(summary.files).toBe(1);
    expect(summary.articles).toBe(3);
    expect(summary.chunks).toBeGreaterThanOrEqual(3);
    expect(summary.reused).toBe(0);
    expect(summary.embedder).toBe(embedder.id);
    expect(summary.articleList).toHaveLength(3);
    expect(summary.articleList.reduce((n, a) => n + a.chunks, 0)).toBe(summary.chunks);
    expect(embedder.embedded).toHaveLength(summary.chunks);
  });

  it('publishes the index as a link to a complete version folder', () => {
    expect(lstatSync(outDir).isSymbolicLink()).toBe(true);
    const names = readdirSync(outDir).sort();
    expect(names).toEqual(['checked.json', 'manifest.json', 'segments', 'sources.json', 'userdict.txt']);
    // A small build is one segment holding every file of the index.
    const segments = readdirSync(path.join(outDir, 'segments'));
    expect(segments).toHaveLength(1);
    expect(readdirSync(path.join(outDir, 'segments', segments[0])).sort()).toEqual([
      'article-bodies.utf16',
      'article-fields.json',
      'article-names.json',
      'article-records.jsonl',
      'bm25.bin',
      'chunks.json',
      'hnsw.bin',
      'vector-rows.json',
      'vectors.f32',
    ]);
    expect(existsSync(lockPath(outDir))).toBe(false);
    expect(readdirSync(path.dirname(outDir)).filter((n) => n.includes('.tmp-'))).toEqual([]);
  });

  it('loads and answers lexical and dense queries', async () => {
    const index = await loadIndex(outDir, { modelsDir, embedder });
    expect(index.manifest.formatVersion).toBe(FORMAT_VERSION);
    expect(index.manifest.counts).toEqual({ files: 1, articles: 3, chunks: summary.chunks });
    expect(index.articles).toHaveLength(3);
    expect(index.articleById.get(index.articles[0].id)).toBe(index.articles[0]);
    const person = index.articles.flatMap((a) => a.people)[0];
    expect(person).toBeDefined();
    // The user dictionary keeps printed names whole.
    expect(index.analyse(`${person.name}出席会议`)).toContain(toSearchForm(person.name));
    const lexical = index.lexicalSearch(`${person.name}`, 3);
    expect(lexical.length).toBeGreaterThan(0);
    expect(index.chunks[lexical[0].chunk].text + index.chunks[lexical[0].chunk].headline).toContain(person.name);

    const target = 1;
    const [q] = await embedder.embed([toSearchForm(index.chunks[target].headline + '\n' + index.chunks[target].text)], 'query');
    const dense = index.denseSearch(q, 3);
    expect(dense[0].chunk).toBe(target);
    expect(dense[0].score).toBeCloseTo(1, 4);
    expect(index.denseSearch(q, 3, (c) => c !== target).every((h) => h.chunk !== target)).toBe(true);
    expect(Array.from(index.vector(target))).toEqual(Array.from(q));
  });

  it('uses the real built-in embedder recorded in the manifest when none is given', async () => {
    const { BuiltinEmbedder } = await import('../../src/index/embedders/builtin.ts');
    const builtin = new BuiltinEmbedder();
    const dir = path.join(tmp(), 'index');
    await buildIndex({ inputs: [REPORTS], outDir: dir, embedder: builtin });
    const index = await loadIndex(dir, { modelsDir });
    expect(index.embedder.id).toBe(builtin.id);
    const [q] = await index.embedder.embed([toSearchForm(index.chunks[0].headline + '\n' + index.chunks[0].text)], 'query');
    expect(index.denseSearch(q, 1)[0].chunk).toBe(0);
  });
});

describe('incremental rebuild', () => {
  it('reuses every vector when nothing changed, and re-embeds only a changed article', async () => {
    const dir = tmp();
    const input = jsonlCorpus(dir, DOCS);
    const outDir = path.join(dir, 'index');
    const first = new FakeEmbedder();
    const s1 = await buildIndex({ inputs: [input], outDir, embedder: first });
    expect(s1.reused).toBe(0);

    const second = new FakeEmbedder();
    const s2 = await buildIndex({ inputs: [input], outDir, embedder: second });
    expect(s2.reused).toBe(s2.chunks);
    expect(second.embedded).toEqual([]);

    jsonlCorpus(
      dir,
      DOCS.map((d) => (d.id === 'b' ? { ...d, text: d.text + '会议还表彰了优秀教师。' } : d)),
    );
    const third = new FakeEmbedder();
    const s3 = await buildIndex({ inputs: [input], outDir, embedder: third });
    const bChunks = s3.articleList.find((a) => a.headline === '教育工作')!.chunks;
    expect(third.embedded).toHaveLength(bChunks);
    expect(third.embedded.every((t) => t.includes('教育工作'))).toBe(true);
    expect(s3.reused).toBe(s3.chunks - bChunks);

    const index = await loadIndex(outDir, { modelsDir, embedder: third });
    const hit = index.lexicalSearch('优秀教师', 1)[0];
    expect(index.chunks[hit.chunk].text).toContain('优秀教师');
    // Only the current version folder remains beside the link.
    expect(readdirSync(dir).filter((n) => n.startsWith('index.')).length).toBe(1);
    // Folders the build did not create are never touched, whatever their name.
    mkdirSync(path.join(dir, 'index.v-backup'));
    await buildIndex({ inputs: [input], outDir, embedder: third });
    expect(existsSync(path.join(dir, 'index.v-backup'))).toBe(true);
  });

  it('does not reuse vectors of another embedder', async () => {
    const dir = tmp();
    const input = jsonlCorpus(dir, DOCS);
    const outDir = path.join(dir, 'index');
    await buildIndex({ inputs: [input], outDir, embedder: new FakeEmbedder('fake-a') });
    const other = new FakeEmbedder('fake-b');
    const s = await buildIndex({ inputs: [input], outDir, embedder: other });
    expect(s.reused).toBe(0);
    await expect(loadIndex(outDir, { modelsDir, embedder: new FakeEmbedder('fake-a') })).rejects.toThrow(/built with embedder fake-b/);
  });
});

describe('failures leave the previous index in place', () => {
  it('an embedder crash mid-build keeps the old index loadable and answering', async () => {
    const dir = tmp();
    const input = jsonlCorpus(dir, DOCS);
    const outDir = path.join(dir, 'index');
    const embedder = new FakeEmbedder();
    await buildIndex({ inputs: [input], outDir, embedder });
    const before = readFileSync(path.join(outDir, 'manifest.json'), 'utf8');

    jsonlCorpus(
      dir,
      DOCS.map((d) => ({ ...d, text: d.text + '（更新）' })),
    );
    const crashing = new FakeEmbedder();
    crashing.failAfterCalls = 1;
    await expect(buildIndex({ inputs: [input], outDir, embedder: crashing, batchSize: 1 })).rejects.toThrow(/embedder crashed/);

    expect(readFileSync(path.join(outDir, 'manifest.json'), 'utf8')).toBe(before);
    expect(existsSync(lockPath(outDir))).toBe(false);
    expect(readdirSync(dir).filter((n) => n.includes('.tmp-'))).toEqual([]);
    const index = await loadIndex(outDir, { modelsDir, embedder });
    expect(index.chunks[index.lexicalSearch('地铁三号线', 1)[0].chunk].text).toContain('地铁三号线');
  });

  it('an abort from progress stops the build without touching the index', async () => {
    const dir = tmp();
    const input = jsonlCorpus(dir, DOCS);
    const outDir = path.join(dir, 'index');
    await buildIndex({ inputs: [input], outDir, embedder: new FakeEmbedder() });
    const target = lstatSync(outDir).isSymbolicLink() ? readdirSync(outDir) : [];
    const abort = new AbortController();
    await expect(
      buildIndex({
        inputs: [input],
        outDir,
        embedder: new FakeEmbedder('fake-other'),
        batchSize: 1,
        signal: abort.signal,
        onProgress: (p) => p.stage === 'embed' && p.done === 1 && abort.abort(),
      }),
    ).rejects.toThrow(IndexBuildError);
    expect(readdirSync(outDir)).toEqual(target);
    expect((await loadIndex(outDir, { modelsDir, embedder: new FakeEmbedder() })).embedder.id).toBe('fake-bigram-32');
  });

  it('an empty corpus fails clearly and swaps nothing in', async () => {
    const dir = tmp();
    const input = jsonlCorpus(dir, DOCS);
    const outDir = path.join(dir, 'index');
    await buildIndex({ inputs: [input], outDir, embedder: new FakeEmbedder() });
    writeFileSync(input, '');
    await expect(buildIndex({ inputs: [input], outDir, embedder: new FakeEmbedder() })).rejects.toThrow(/No articles/);
    expect((await loadIndex(outDir, { modelsDir, embedder: new FakeEmbedder() })).articles).toHaveLength(3);
  });

  it('a second build while one holds the lock is refused; a stale lock is taken over', async () => {
    const dir = tmp();
    const input = jsonlCorpus(dir, DOCS);
    const outDir = path.join(dir, 'index');
    writeFileSync(lockPath(outDir), `${process.pid}\n`);
    await expect(buildIndex({ inputs: [input], outDir, embedder: new FakeEmbedder() })).rejects.toThrow(
      /Another index build \(pid \d+\) is running/,
    );
    expect(existsSync(outDir)).toBe(false);
    // A pid that cannot be running: the lock is stale.
    writeFileSync(lockPath(outDir), '2147483646\n');
    await buildIndex({ inputs: [input], outDir, embedder: new FakeEmbedder() });
    expect(existsSync(lockPath(outDir))).toBe(false);
  });

  it('refuses to replace a folder that is not an index', async () => {
    const dir = tmp();
    const input = jsonlCorpus(dir, DOCS);
    const outDir = path.join(dir, 'precious');
    cpSync(input, path.join(outDir, 'keep.txt'));
    await expect(buildIndex({ inputs: [input], outDir, embedder: new FakeEmbedder() })).rejects.toThrow(/not an index folder/);
    expect(readFileSync(path.join(outDir, 'keep.txt'), 'utf8')).toBe(readFileSync(input, 'utf8'));
  });
});

describe('broken indexes give IndexError naming the fix', () => {
  async function built(): Promise<string> {
    const dir = tmp();
    const outDir = path.join(dir, 'index');
    await buildIndex({ inputs: [jsonlCorpus(dir, DOCS)], outDir, embedder: new FakeEmbedder() });
    return outDir;
  }
  const embedder = new FakeEmbedder();

  it('a missing folder', async () => {
    const err = await loadIndex(path.join(tmp(), 'nothing'), { modelsDir, embedder }).catch((e) => e);
    expect(err).toBeInstanceOf(IndexError);
    expect(err.message).toMatch(/No index at .*npm run index/);
  });

  it('a truncated HNSW file', async () => {
    const outDir = await built();
    const file = segmentFilePath(outDir, 'hnsw.bin');
    truncateSync(file, statSync(file).size - 100);
    const err = await loadIndex(outDir, { modelsDir, embedder }).catch((e) => e);
    expect(err).toBeInstanceOf(IndexError);
    expect(err.message).toMatch(/hnsw\.bin .*truncated.*npm run index/);
    expect(err.message.split('\n')).toHaveLength(1);
  });

  it('a broken or missing manifest', async () => {
    const outDir = await built();
    const manifest = path.join(outDir, 'manifest.json');
    writeFileSync(manifest, '{"formatVersion": ');
    await expect(loadIndex(outDir, { modelsDir, embedder })).rejects.toThrow(/manifest\.json is not valid JSON.*npm run index/);
    writeFileSync(manifest, JSON.stringify({ formatVersion: 1 }));
    await expect(loadIndex(outDir, { modelsDir, embedder })).rejects.toThrow(/format version 1.*npm run index/);
  });

  it('a changed vectors file', async () => {
    const outDir = await built();
    const file = segmentFilePath(outDir, 'vectors.f32');
    const data = readFileSync(file);
    data[10] ^= 0xff;
    writeFileSync(file, data);
    await expect(loadIndex(outDir, { modelsDir, embedder })).rejects.toThrow(/vectors\.f32 does not match its checksum.*npm run index/);
  });

  it('a changed article file (bodies and records read on demand, checked at load all the same)', async () => {
    for (const [name, pattern] of [
      ['article-records.jsonl', /article-records\.jsonl does not match its checksum.*npm run index/],
      ['article-bodies.utf16', /article-bodies\.utf16 does not match its checksum.*npm run index/],
      ['article-fields.json', /article-fields\.json does not match its checksum.*npm run index/],
    ] as const) {
      const outDir = await built();
      const file = segmentFilePath(outDir, name);
      const data = readFileSync(file);
      data[5] ^= 0x01;
      writeFileSync(file, data);
      const err = await loadIndex(outDir, { modelsDir, embedder }).catch((e) => e);
      expect(err).toBeInstanceOf(IndexError);
      expect(err.message).toMatch(pattern);
    }
  });

  it('an embedder that is not available', async () => {
    const outDir = await built();
    await expect(loadIndex(outDir, { modelsDir })).rejects.toThrow(IndexError);
  });
});

describe('index folder layout', () => {
  it('upgrades a plain index folder to the link layout', async () => {
    const dir = tmp();
    const input = jsonlCorpus(dir, DOCS);
    const outDir = path.join(dir, 'index');
    await buildIndex({ inputs: [input], outDir, embedder: new FakeEmbedder() });
    const version = realpathSync(outDir);
    unlinkSync(outDir);
    renameSync(version, outDir);
    expect(lstatSync(outDir).isDirectory()).toBe(true);
    expect((await loadIndex(outDir, { modelsDir, embedder: new FakeEmbedder() })).articles).toHaveLength(3);

    const s = await buildIndex({ inputs: [input], outDir, embedder: new FakeEmbedder() });
    expect(s.reused).toBe(s.chunks);
    expect(lstatSync(outDir).isSymbolicLink()).toBe(true);
    expect(readdirSync(dir).filter((n) => n.startsWith('index.')).length).toBe(1);
  });

  it('finds the newest complete version when the link is missing (crash during the upgrade step)', async () => {
    const dir = tmp();
    const input = jsonlCorpus(dir, DOCS);
    const outDir = path.join(dir, 'index');
    await buildIndex({ inputs: [input], outDir, embedder: new FakeEmbedder() });
    unlinkSync(outDir);
    const index = await loadIndex(outDir, { modelsDir, embedder: new FakeEmbedder() });
    expect(index.articles).toHaveLength(3);
    expect(index.dir).toBe(outDir);
    expect(path.basename(index.versionDir!)).toMatch(/^index\.v-/);
  });
});

describe('reloading after a rebuild', () => {
  it('index.dir is the folder given, so loading it again reads the new version', async () => {
    const dir = tmp();
    const input = jsonlCorpus(dir, DOCS);
    const outDir = path.join(dir, 'index');
    await buildIndex({ inputs: [input], outDir, embedder: new FakeEmbedder() });
    const first = await loadIndex(outDir, { modelsDir, embedder: new FakeEmbedder() });
    jsonlCorpus(dir, DOCS.slice(0, 2));
    await buildIndex({ inputs: [input], outDir, embedder: new FakeEmbedder() });
    expect(existsSync(first.versionDir!)).toBe(false);
    const second = await loadIndex(first.dir, { modelsDir, embedder: new FakeEmbedder() });
    expect(second.articles).toHaveLength(2);
    // The first index keeps answering from memory after its folder is gone.
    expect(first.lexicalSearch('地铁', 1)).toHaveLength(1);
  });
});
