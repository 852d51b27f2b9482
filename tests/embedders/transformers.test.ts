import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prefixed, profileFor } from '../../src/index/embedders/profiles.ts';
import { ModelUnavailableError, TransformersEmbedder } from '../../src/index/embedders/transformers.ts';
import { buildTinyModel, tinyEmbeddingTable } from '../support/tiny-model.ts';

const dot = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i], 0);

let dir: string;
let vocab: string[];
const DIM = 8;

/** What the tiny graph yields for one token id at token type 0. */
function tokenVector(id: number): Float32Array {
  const words = tinyEmbeddingTable(vocab.length, DIM);
  const types = tinyEmbeddingTable(2, DIM, 999);
  return Float32Array.from({ length: DIM }, (_, k) => words[id * DIM + k] + types[k]);
}
function unit(v: Float32Array): Float32Array {
  const n = Math.sqrt(dot(v, v));
  return v.map((x) => x / n);
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'baoxun-models-'));
  ({ vocab } = await buildTinyModel(dir, { dim: DIM }));
  // A bge-zh named copy (CLS pooling, query instruction) and an e5 named copy (mean, both prefixes).
  await buildTinyModel(dir, { modelId: 'test/bge-small-zh-tiny', dim: DIM });
  await buildTinyModel(dir, { modelId: 'test/multilingual-e5-tiny', dim: DIM, quantized: false });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('model profiles', () => {
  it('maps families to pooling and prefixes', () => {
    expect(profileFor('Xenova/multilingual-e5-small')).toMatchObject({
      pooling: 'mean',
      queryPrefix: 'query: ',
      passagePrefix: 'passage: ',
    });
    expect(profileFor('Xenova/bge-small-zh-v1.5')).toMatchObject({
      pooling: 'cls',
      queryPrefix: '为这个句子生成表示以用于检索相关文章：',
      passagePrefix: '',
    });
    expect(profileFor('Xenova/all-MiniLM-L6-v2')).toMatchObject({ pooling: 'mean', queryPrefix: '', passagePrefix: '' });
    expect(prefixed(profileFor('intfloat/e5-small-v2'), '会议', 'passage')).toBe('passage: 会议');
  });
});

describe('TransformersEmbedder on a generated tiny model', () => {
  it('loads from the local folder, reads the dimension from the output, and embeds unit vectors', async () => {
    const e = await TransformersEmbedder.load('test/tiny-bert', { modelsDir: dir });
    expect(e.id).toBe('test/tiny-bert');
    expect(e.dim).toBe(DIM);
    const vs = await e.embed(['高新区召开会议', '天气晴朗', ''], 'passage');
    expect(vs).toHaveLength(3);
    for (const v of vs) {
      expect(v.length).toBe(DIM);
      expect(Math.sqrt(dot(v, v))).toBeCloseTo(1, 5);
    }
  });

  it('mean-pools over real tokens only, so padding in a batch changes nothing', async () => {
    const e = await TransformersEmbedder.load('test/tiny-bert', { modelsDir: dir, batchSize: 4 });
    const [alone] = await e.embed(['会'], 'passage');
    const [batched] = await e.embed(['会', '高新区党工委召开会议研究部署招商引资工作'], 'passage');
    const ids = ['[CLS]', '会', '[SEP]'].map((t) => vocab.indexOf(t));
    const mean = ids.map(tokenVector).reduce((acc, v) => acc.map((x, k) => x + v[k] / ids.length), new Float32Array(DIM));
    for (let k = 0; k < DIM; k++) {
      expect(alone[k]).toBeCloseTo(unit(mean)[k], 5);
      expect(batched[k]).toBeCloseTo(alone[k], 5);
    }
  });

  it('splits work into batches without mixing rows up', async () => {
    const e = await TransformersEmbedder.load('test/tiny-bert', { modelsDir: dir, batchSize: 2 });
    const texts = ['高', '新', '区', '会', '议'];
    const batched = await e.embed(texts, 'passage');
    for (let i = 0; i < texts.length; i++) {
      const [single] = await e.embed([texts[i]], 'passage');
      expect(Array.from(batched[i])).toEqual(Array.from(single));
    }
  });

  it('uses CLS pooling and the query instruction for bge-zh models', async () => {
    const e = await TransformersEmbedder.load('test/bge-small-zh-tiny', { modelsDir: dir });
    expect(e.profile.family).toBe('bge-zh');
    const [p1, p2] = await e.embed(['高新区', '天气晴朗'], 'passage');
    // CLS pooling: every passage is the [CLS] row, whatever follows it.
    const cls = unit(tokenVector(vocab.indexOf('[CLS]')));
    for (let k = 0; k < DIM; k++) {
      expect(p1[k]).toBeCloseTo(cls[k], 5);
      expect(p2[k]).toBeCloseTo(cls[k], 5);
    }
  });

  it('prefixes queries and passages for e5 models, so the same text embeds differently by kind', async () => {
    const e = await TransformersEmbedder.load('test/multilingual-e5-tiny', { modelsDir: dir });
    expect(e.profile.family).toBe('e5');
    const [q] = await e.embed(['高新区'], 'query');
    const [p] = await e.embed(['高新区'], 'passage');
    expect(dot(q, p)).toBeLessThan(0.9999);
    // The tiny vocabulary knows "query" and "passage"; the prefixed query equals the raw text "query: 高新区".
    const plain = await TransformersEmbedder.load('test/tiny-bert', { modelsDir: dir });
    const [same] = await plain.embed(['query: 高新区'], 'query');
    for (let k = 0; k < DIM; k++) expect(q[k]).toBeCloseTo(same[k], 5);
  });

  it('loads the full model when no quantized file is present', async () => {
    const e = await TransformersEmbedder.load('test/multilingual-e5-tiny', { modelsDir: dir });
    expect(e.dim).toBe(DIM);
    await expect(TransformersEmbedder.load('test/multilingual-e5-tiny', { modelsDir: dir, quantized: true })).rejects.toThrow(
      /no onnx\/model_quantized\.onnx/,
    );
  });

  it('says where it looked and how to fetch a model that is not installed', async () => {
    const err = await TransformersEmbedder.load('Xenova/bge-small-zh-v1.5', { modelsDir: dir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ModelUnavailableError);
    const message = (err as Error).message;
    expect(message).toContain(path.join(dir, 'Xenova', 'bge-small-zh-v1.5'));
    expect(message).toContain('npm run model:fetch -- Xenova/bge-small-zh-v1.5');
  });
});
