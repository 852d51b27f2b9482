/**
 * Sentence embeddings from an ONNX transformer model through @xenova/transformers, read from a
 * local model folder. Nothing is downloaded unless `allowDownload` is set (model:fetch does).
 */
import { env, pipeline } from '@xenova/transformers';
import { log } from '../../log.ts';
import type { EmbedKind, Embedder } from '../types.ts';
import { findLocalModel, type LocalModel, missingFiles, modelFolder } from './model-folder.ts';
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
  data: Float32Array;
}
type Extractor = (texts: string[], opts: { pooling: 'mean' | 'cls'; normalize: boolean }) => Promise<TensorLike>;

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
    private readonly extract: Extractor,
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

    let extract: Extractor;
    try {
      extract = (await quietly(() =>
        pipeline('feature-extraction', modelId, { quantized, local_files_only: !allowDownload }),
      )) as unknown as Extractor;
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
    const probe = await extract(['dim'], { pooling: profile.pooling, normalize: true });
    const dim = probe.dims[probe.dims.length - 1];
    return new TransformersEmbedder(modelId, dim, profile, local?.folder ?? 'hub', extract, opts.batchSize ?? DEFAULT_BATCH);
  }

  async embed(texts: string[], kind: EmbedKind): Promise<Float32Array[]> {
    const out: Float32Array[] = [];
    for (let start = 0; start < texts.length; start += this.batchSize) {
      const batch = texts.slice(start, start + this.batchSize).map((t) => prefixed(this.profile, t, kind));
      const result = await this.extract(batch, { pooling: this.profile.pooling, normalize: true });
      for (let row = 0; row < batch.length; row++) {
        // Copy: the tensor's buffer is shared by all rows of the batch.
        out.push(Float32Array.from(result.data.subarray(row * this.dim, (row + 1) * this.dim)));
      }
    }
    return out;
  }
}
