/**
 * Sentence embeddings from an ONNX transformer model through @xenova/transformers, read from a
 * local model folder. Nothing is downloaded unless `allowDownload` is set (model:fetch does).
 */
import { env, pipeline } from '@xenova/transformers';
import { log } from '../../log.ts';
import type { EmbedKind, Embedder } from '../types.ts';
import { findLocalModel, type LocalModel, missingFiles, modelFolder } from './model-folder.ts';
import { clsPool, meanPool, normaliseInPlace } from './pooling.ts';
import { type ModelProfile, prefixed, profileFor } from './profiles.ts';

/** A model that is not installed (or failed to load); the message says where we looked and how to fetch it. */
export class ModelUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ModelUnavailableError';
  }
}

export interface TransformersOptions {
  modelsDir: string;
  /** Fetch missing files from the Hugging Face hub into modelsDir. Default false. */
  allowDownload?: boolean;
  /** Use onnx/model_quantized.onnx. Default: quantized when present locally (smaller, faster), else the full model. */
  quantized?: boolean;
  /** Texts per model call. */
  batchSize?: number;
}

/** The subset of transformers.js' env we set; its typings declare these as constants. */
interface MutableEnv {
  localModelPath: string;
  allowLocalModels: boolean;
  allowRemoteModels: boolean;
  cacheDir: string;
}
const settings = env as unknown as MutableEnv;
/** The library's own cache (node_modules/@xenova/transformers/.cache/), captured before we repoint it. */
const LIBRARY_CACHE_DIR = settings.cacheDir;

interface TensorLike {
  dims: number[];
  data: ArrayLike<number | bigint>;
}
/** The parts of transformers.js' FeatureExtractionPipeline we drive ourselves (see pooling.ts for why). */
interface FeaturePipeline {
  tokenizer: (texts: string[], opts: { padding: boolean; truncation: boolean }) => Record<string, TensorLike>;
  model: (inputs: Record<string, TensorLike>) => Promise<Record<string, TensorLike | undefined>>;
}

const DEFAULT_BATCH = 16;

export function fetchHint(modelId: string): string {
  return `Fetch it with \`npm run model:fetch -- ${modelId}\` on a machine with internet, or copy the model folder there.`;
}

/** Runs `fn` with transformers.js' console warnings (e.g. "Unable to load from local path") sent to the debug log. */
async function quietly<T>(fn: () => Promise<T>): Promise<T> {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => log.debug(`transformers: ${args.map(String).join(' ')}`);
  try {
    return await fn();
  } finally {
    console.warn = warn;
  }
}

export class TransformersEmbedder implements Embedder {
  private constructor(
    readonly id: string,
    readonly dim: number,
    readonly profile: ModelProfile,
    /** Where the model was loaded from (a folder), or 'hub' when downloaded. */
    readonly source: string,
    private readonly pipe: FeaturePipeline,
    private readonly batchSize: number,
  ) {}

  /** Loads `modelId` from `<modelsDir>/<modelId>/` (or the library cache; or the hub when allowed). */
  static async load(modelId: string, opts: TransformersOptions): Promise<TransformersEmbedder> {
    const allowDownload = opts.allowDownload ?? false;
    const local: LocalModel | undefined = findLocalModel(opts.modelsDir, modelId) ?? findLocalModel(LIBRARY_CACHE_DIR, modelId);
    if (!local && !allowDownload) {
      const folder = modelFolder(opts.modelsDir, modelId);
      throw new ModelUnavailableError(
        `Embedding model ${modelId} is not installed: looked in ${folder} (missing ${missingFiles(opts.modelsDir, modelId).join(', ')}). ${fetchHint(modelId)}`,
      );
    }
    const quantized = opts.quantized ?? (local ? local.hasQuantized : true);
    if (local && !(quantized ? local.hasQuantized : local.hasFull)) {
      throw new ModelUnavailableError(
        `Embedding model ${modelId} in ${local.folder} has no onnx/${quantized ? 'model_quantized.onnx' : 'model.onnx'}. ${fetchHint(modelId)}`,
      );
    }

    // Downloads go through the library's file cache; pointing it at modelsDir stores them in the
    // same <modelsDir>/<modelId>/ layout that local loading reads, so a fetched model is installed.
    settings.allowLocalModels = true;
    settings.localModelPath = local?.root ?? opts.modelsDir;
    settings.cacheDir = opts.modelsDir;
    settings.allowRemoteModels = allowDownload;

    let pipe: FeaturePipeline;
    try {
      pipe = (await quietly(() =>
        pipeline('feature-extraction', modelId, { quantized, local_files_only: !allowDownload }),
      )) as unknown as FeaturePipeline;
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      throw new ModelUnavailableError(
        `Embedding model ${modelId} could not be loaded${local ? ` from ${local.folder}` : ''}: ${reason.split('\n')[0]}` +
          (local || allowDownload ? '' : ` ${fetchHint(modelId)}`),
        { cause: err },
      );
    }

    const profile = profileFor(modelId);
    // The output width is the truth (a model may project past hidden_size); probe it once.
    const [probe] = await runBatch(pipe, profile, ['dim']);
    return new TransformersEmbedder(modelId, probe.length, profile, local?.folder ?? 'hub', pipe, opts.batchSize ?? DEFAULT_BATCH);
  }

  async embed(texts: string[], kind: EmbedKind): Promise<Float32Array[]> {
    const out: Float32Array[] = [];
    for (let start = 0; start < texts.length; start += this.batchSize) {
      const batch = texts.slice(start, start + this.batchSize).map((t) => prefixed(this.profile, t, kind));
      out.push(...(await runBatch(this.pipe, this.profile, batch)));
    }
    return out;
  }
}

/** Tokenise (padded, truncated to the model's maximum), run the model, pool per profile, normalise. */
async function runBatch(pipe: FeaturePipeline, profile: ModelProfile, texts: string[]): Promise<Float32Array[]> {
  const inputs = pipe.tokenizer(texts, { padding: true, truncation: true });
  const outputs = await pipe.model(inputs);
  const hidden = outputs.last_hidden_state ?? outputs.token_embeddings ?? outputs.logits;
  if (!hidden || hidden.dims.length !== 3) throw new Error('the model returned no [batch, tokens, dim] hidden state to pool');
  const [batch, seq, dim] = hidden.dims;
  // Read each Proxy-backed tensor's data once.
  const data = hidden.data as Float32Array;
  const vectors = profile.pooling === 'cls' ? clsPool(data, batch, seq, dim) : meanPool(data, inputs.attention_mask.data, batch, seq, dim);
  return vectors.map(normaliseInPlace);
}
