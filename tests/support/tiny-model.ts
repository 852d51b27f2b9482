/**
 * Writes a tiny BERT-shaped model folder (config, WordPiece tokenizer, ONNX graph) so the
 * transformers.js path is tested end to end without downloading weights.
 *
 * The graph: last_hidden_state = (word_emb[input_ids] + type_emb[token_type_ids]) * attention_mask,
 * i.e. every token's vector is a fixed row of a table, so pooled outputs can be predicted in tests.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;

export const SPECIAL_TOKENS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'] as const;

/** Characters and words the default vocabulary covers (BertNormalizer splits CJK into single characters). */
export const TINY_VOCAB_TEXT =
  '为这个句子生成表示以用于检索相关文章：query passage 高新区党工委召开会议研究部署招商引资工作天气晴朗气温度适合郊游市委书记常委会主持';

export interface TinyModelOptions {
  /** Folder name under `dir`, as a model id; default "test/tiny-bert". */
  modelId?: string;
  /** Hidden size; default 8. */
  dim?: number;
  /** Text whose characters (CJK) and lower-cased words (Latin) make up the vocabulary. */
  vocabText?: string;
  /** Which ONNX files to write: model.onnx (false), model_quantized.onnx (true), or both (default). */
  quantized?: boolean | 'both';
}

/** The vocabulary in id order: specials first, then unique CJK characters and Latin words. */
export function tinyVocabulary(text: string): string[] {
  const tokens = new Set<string>(SPECIAL_TOKENS);
  for (const m of text.toLowerCase().matchAll(/[a-z0-9]+|\p{Script=Han}/gu)) tokens.add(m[0]);
  tokens.add('：');
  return [...tokens];
}

/** Deterministic table values so tests can recompute expected vectors. */
export function tinyEmbeddingTable(rows: number, dim: number, seed = 12345): Float32Array {
  const out = new Float32Array(rows * dim);
  let s = seed >>> 0;
  for (let i = 0; i < out.length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s / 2 ** 32 - 0.5;
  }
  return out;
}

function floatTensor(name: string, dims: number[], values: Float32Array) {
  return onnx.TensorProto.create({
    name,
    dims,
    dataType: onnx.TensorProto.DataType.FLOAT,
    rawData: new Uint8Array(values.buffer, values.byteOffset, values.byteLength),
  });
}

function int64Tensor(name: string, values: number[]) {
  return onnx.TensorProto.create({ name, dims: [values.length], dataType: onnx.TensorProto.DataType.INT64, int64Data: values });
}

function valueInfo(name: string, elemType: number, dims: (string | number)[]) {
  return onnx.ValueInfoProto.create({
    name,
    type: {
      tensorType: {
        elemType,
        shape: { dim: dims.map((d) => (typeof d === 'string' ? { dimParam: d } : { dimValue: d })) },
      },
    },
  });
}

/** The ONNX model bytes for a vocabulary of `vocabSize` rows of width `dim`. */
export function tinyOnnxModel(vocabSize: number, dim: number): Uint8Array {
  const { INT64, FLOAT } = onnx.TensorProto.DataType;
  const node = (opType: string, input: string[], output: string[], attribute: object[] = []) =>
    onnx.NodeProto.create({ opType, input, output, attribute, name: output[0] });
  const graph = onnx.GraphProto.create({
    name: 'tiny-bert',
    input: [
      valueInfo('input_ids', INT64, ['batch', 'seq']),
      valueInfo('attention_mask', INT64, ['batch', 'seq']),
      valueInfo('token_type_ids', INT64, ['batch', 'seq']),
    ],
    output: [valueInfo('last_hidden_state', FLOAT, ['batch', 'seq', dim])],
    initializer: [
      floatTensor('word_embeddings', [vocabSize, dim], tinyEmbeddingTable(vocabSize, dim)),
      floatTensor('type_embeddings', [2, dim], tinyEmbeddingTable(2, dim, 999)),
      int64Tensor('last_axis', [-1]),
    ],
    node: [
      node('Gather', ['word_embeddings', 'input_ids'], ['words'], [{ name: 'axis', type: onnx.AttributeProto.AttributeType.INT, i: 0 }]),
      node(
        'Gather',
        ['type_embeddings', 'token_type_ids'],
        ['types'],
        [{ name: 'axis', type: onnx.AttributeProto.AttributeType.INT, i: 0 }],
      ),
      node('Add', ['words', 'types'], ['summed']),
      node('Cast', ['attention_mask'], ['mask_float'], [{ name: 'to', type: onnx.AttributeProto.AttributeType.INT, i: FLOAT }]),
      node('Unsqueeze', ['mask_float', 'last_axis'], ['mask_3d']),
      node('Mul', ['summed', 'mask_3d'], ['last_hidden_state']),
    ],
  });
  const model = onnx.ModelProto.create({
    irVersion: 7,
    opsetImport: [{ domain: '', version: 13 }],
    producerName: 'baoxun-tests',
    graph,
  });
  return onnx.ModelProto.encode(model).finish();
}

function tokenizerJson(vocab: string[]) {
  const specials = SPECIAL_TOKENS.map((content, id) => ({
    id,
    content,
    single_word: false,
    lstrip: false,
    rstrip: false,
    normalized: false,
    special: true,
  }));
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: specials,
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
      ],
      pair: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
        { Sequence: { id: 'B', type_id: 1 } },
        { SpecialToken: { id: '[SEP]', type_id: 1 } },
      ],
      special_tokens: Object.fromEntries(['[CLS]', '[SEP]'].map((t) => [t, { id: t, ids: [vocab.indexOf(t)], tokens: [t] }])),
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab: Object.fromEntries(vocab.map((t, i) => [t, i])),
    },
  };
}

/** Writes `<dir>/<modelId>/` and returns what the embedder should report. */
export async function buildTinyModel(
  dir: string,
  opts: TinyModelOptions = {},
): Promise<{ modelId: string; dim: number; folder: string; vocab: string[] }> {
  const modelId = opts.modelId ?? 'test/tiny-bert';
  const dim = opts.dim ?? 8;
  const vocab = tinyVocabulary(opts.vocabText ?? TINY_VOCAB_TEXT);
  const folder = path.join(dir, ...modelId.split('/'));
  await mkdir(path.join(folder, 'onnx'), { recursive: true });

  const config = {
    model_type: 'bert',
    architectures: ['BertModel'],
    hidden_size: dim,
    vocab_size: vocab.length,
    max_position_embeddings: 512,
    type_vocab_size: 2,
  };
  const tokenizerConfig = {
    tokenizer_class: 'BertTokenizer',
    do_lower_case: true,
    model_max_length: 512,
    cls_token: '[CLS]',
    sep_token: '[SEP]',
    pad_token: '[PAD]',
    unk_token: '[UNK]',
    mask_token: '[MASK]',
  };
  await writeFile(path.join(folder, 'config.json'), JSON.stringify(config, null, 2));
  await writeFile(path.join(folder, 'tokenizer_config.json'), JSON.stringify(tokenizerConfig, null, 2));
  await writeFile(path.join(folder, 'tokenizer.json'), JSON.stringify(tokenizerJson(vocab)));

  const bytes = tinyOnnxModel(vocab.length, dim);
  const which = opts.quantized ?? 'both';
  if (which === false || which === 'both') await writeFile(path.join(folder, 'onnx', 'model.onnx'), bytes);
  if (which === true || which === 'both') await writeFile(path.join(folder, 'onnx', 'model_quantized.onnx'), bytes);
  return { modelId, dim, folder, vocab };
}
