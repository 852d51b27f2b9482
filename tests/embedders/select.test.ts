import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IndexError } from '../../src/index/errors.ts';
import { BUILTIN_DIM, BUILTIN_EMBEDDER_ID } from '../../src/index/embedders/builtin.ts';
import { listLocalModels } from '../../src/index/embedders/model-folder.ts';
import { createEmbedder, embedderForIndex } from '../../src/index/embedders/select.ts';
import { buildTinyModel } from '../support/tiny-model.ts';

let root: string;
let empty: string;
let withTiny: string;
let withKnown: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'baoxun-select-'));
  empty = path.join(root, 'empty');
  withTiny = path.join(root, 'tiny');
  withKnown = path.join(root, 'known');
  await mkdir(empty, { recursive: true });
  await buildTinyModel(withTiny, { modelId: 'local/tiny-bert', dim: 8 });
  // An incomplete folder is not a model.
  await mkdir(path.join(withTiny, 'half', 'done'), { recursive: true });
  await writeFile(path.join(withTiny, 'half', 'done', 'config.json'), '{}');
  // Known-good ids win over other folders, whatever their sort order.
  await buildTinyModel(withKnown, { modelId: 'Xenova/bge-small-zh-v1.5', dim: 8 });
  await buildTinyModel(withKnown, { modelId: 'AAA/first-by-name', dim: 12 });
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('createEmbedder', () => {
  it('builds the built-in embedder for "builtin"', async () => {
    const { embedder, note } = await createEmbedder('builtin', { modelsDir: empty });
    expect(embedder.id).toBe(BUILTIN_EMBEDDER_ID);
    expect(note).toContain('built-in');
  });

  it('falls back to built-in with a note on how to install a model when nothing is installed', async () => {
    const { embedder, note } = await createEmbedder('auto', { modelsDir: path.join(root, 'does-not-exist') });
    expect(embedder.id).toBe(BUILTIN_EMBEDDER_ID);
    expect(note).toContain('no model installed');
    expect(note).toContain('npm run model:fetch -- Xenova/bge-small-zh-v1.5');
  });

  it('auto picks any complete model folder under modelsDir', async () => {
    expect(listLocalModels(withTiny)).toEqual(['local/tiny-bert']);
    const { embedder, note } = await createEmbedder('auto', { modelsDir: withTiny });
    expect(embedder.id).toBe('local/tiny-bert');
    expect(embedder.dim).toBe(8);
    expect(note).toContain('local/tiny-bert');
  });

  it('auto prefers a known-good model', async () => {
    const { embedder } = await createEmbedder('auto', { modelsDir: withKnown });
    expect(embedder.id).toBe('Xenova/bge-small-zh-v1.5');
  });

  it('loads an explicit model id, and fails clearly when it is missing', async () => {
    const { embedder } = await createEmbedder('AAA/first-by-name', { modelsDir: withKnown });
    expect(embedder.dim).toBe(12);
    await expect(createEmbedder('Xenova/multilingual-e5-small', { modelsDir: empty })).rejects.toThrow(
      /npm run model:fetch -- Xenova\/multilingual-e5-small/,
    );
  });
});

describe('embedderForIndex', () => {
  it('reopens the built-in embedder and a local model', async () => {
    const builtin = await embedderForIndex({ id: BUILTIN_EMBEDDER_ID, dim: BUILTIN_DIM }, { modelsDir: empty });
    expect(builtin.id).toBe(BUILTIN_EMBEDDER_ID);
    const model = await embedderForIndex({ id: 'local/tiny-bert', dim: 8 }, { modelsDir: withTiny });
    expect(model.dim).toBe(8);
  });

  it('throws IndexError on a dimension mismatch', async () => {
    const err = await embedderForIndex({ id: 'local/tiny-bert', dim: 384 }, { modelsDir: withTiny }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IndexError);
    expect((err as Error).message).toMatch(/384 dimensions.*produces 8/);
    await expect(embedderForIndex({ id: BUILTIN_EMBEDDER_ID, dim: 256 }, { modelsDir: empty })).rejects.toBeInstanceOf(IndexError);
  });

  it('throws IndexError naming the model and the fix when it is not installed', async () => {
    const err = await embedderForIndex({ id: 'Xenova/bge-small-zh-v1.5', dim: 512 }, { modelsDir: empty }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IndexError);
    const message = (err as Error).message;
    expect(message).toContain('Xenova/bge-small-zh-v1.5');
    expect(message).toContain('npm run model:fetch');
    expect(message).toContain('npm run index');
  });
});
