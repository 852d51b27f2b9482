import { describe, expect, it } from 'vitest';
import { BUILTIN_DIM, BUILTIN_EMBEDDER_ID, BuiltinEmbedder, builtinDimFromId, embedText } from '../../src/index/embedders/builtin.ts';

const dot = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i], 0);
const norm = (a: Float32Array) => Math.sqrt(dot(a, a));

describe('BuiltinEmbedder', () => {
  const e = new BuiltinEmbedder();

  it('has a stable id and the default dimension', async () => {
    expect(e.id).toBe(BUILTIN_EMBEDDER_ID);
    expect(e.dim).toBe(BUILTIN_DIM);
    const [v] = await e.embed(['高新区召开党工委会议'], 'passage');
    expect(v).toBeInstanceOf(Float32Array);
    expect(v.length).toBe(BUILTIN_DIM);
  });

  it('returns unit vectors', async () => {
    const vs = await e.embed(['高新区召开党工委会议', 'GDP grew 5.2% in 2024', '的'], 'passage');
    for (const v of vs) expect(norm(v)).toBeCloseTo(1, 5);
  });

  it('is deterministic and embeds queries like passages', async () => {
    const text = '市委书记主持召开常委会会议，研究部署2024年重点工作';
    const [a] = await e.embed([text], 'passage');
    const [b] = await new BuiltinEmbedder().embed([text], 'query');
    expect(Array.from(a)).toEqual(Array.from(b));
  });

  it('puts similar texts closer than unrelated ones', async () => {
    const [q, near, far] = await e.embed(
      ['党工委会议研究招商引资工作', '高新区党工委召开会议，研究部署招商引资工作', '今天天气晴朗，气温二十五度，适合郊游'],
      'passage',
    );
    expect(dot(q, near)).toBeGreaterThan(dot(q, far) + 0.2);
  });

  it('lets Latin words and digit runs decide between otherwise equal texts', async () => {
    const [q, hit, miss] = await e.embed(['GDP 2024', '会议通报了GDP在2024年的情况', '会议通报了CPI在1998年的情况'], 'passage');
    expect(dot(q, hit)).toBeGreaterThan(dot(q, miss) + 0.1);
    // Case and full-width forms fold together.
    const [upper, wide] = await e.embed(['gdp 2024', 'ＧＤＰ ２０２４'], 'passage');
    expect(dot(q, upper)).toBeCloseTo(1, 5);
    expect(dot(q, wide)).toBeCloseTo(1, 5);
  });

  it('gives text without features a fixed unit vector, not zeros', async () => {
    const [empty, punct] = await e.embed(['', '，。！  '], 'query');
    expect(norm(empty)).toBeCloseTo(1, 5);
    expect(Array.from(punct)).toEqual(Array.from(empty));
  });

  it('handles characters outside the BMP and long texts', () => {
    const v = embedText('𠀀𠀁𠀂'.repeat(5000));
    expect(norm(v)).toBeCloseTo(1, 5);
  });

  it('names non-default dimensions in its id', () => {
    const small = new BuiltinEmbedder(256);
    expect(small.id).toBe('builtin-ngram-v1-256');
    expect(builtinDimFromId(small.id)).toBe(256);
    expect(builtinDimFromId(BUILTIN_EMBEDDER_ID)).toBe(BUILTIN_DIM);
    expect(builtinDimFromId('Xenova/bge-small-zh-v1.5')).toBeUndefined();
  });
});
