/**
 * Choosing the embedder: from the configured spec when building an index, and from the manifest
 * when opening one (a query must be embedded by the embedder that built the index).
 */
import { IndexError } from '../errors.ts';
import type { Embedder } from '../types.ts';
import { BUILTIN_DIM, BuiltinEmbedder, builtinDimFromId } from './builtin.ts';
import { listLocalModels, modelFolder } from './model-folder.ts';

export interface EmbedderOptions {
  modelsDir: string;
  allowDownload?: boolean;
}

/** Models known to work well on Chinese news, best first; `auto` prefers these when installed. */
export const KNOWN_GOOD_MODELS = [
  'Xenova/bge-small-zh-v1.5',
  'Xenova/multilingual-e5-small',
  'Xenova/bge-base-zh-v1.5',
  'Xenova/multilingual-e5-base',
] as const;

const RECOMMENDED = KNOWN_GOOD_MODELS[0];

function installHint(modelsDir: string): string {
  return (
    `To use a neural model, copy a transformers.js model folder to ${modelFolder(modelsDir, RECOMMENDED)} ` +
    `or run \`npm run model:fetch -- ${RECOMMENDED}\` on a machine with internet.`
  );
}

/** Imported on demand: it loads onnxruntime, which the built-in embedder never needs. */
async function transformers() {
  return (await import('./transformers.ts')).TransformersEmbedder;
}

function describe(e: Embedder): string {
  return `${e.id} (${e.dim}-d)`;
}

/**
 * `builtin`, `auto`, or a model id.
 * `auto` takes an installed known-good model, else any other complete model folder under modelsDir
 * (sorted by id), else the built-in embedder; it never fails, and the note says what it chose and why.
 * A model id that is not installed throws the loader's error (where it looked, how to fetch it).
 */
export async function createEmbedder(spec: string, opts: EmbedderOptions): Promise<{ embedder: Embedder; note: string }> {
  const choice = spec.trim();
  if (choice === 'builtin' || builtinDimFromId(choice) !== undefined) {
    const embedder = new BuiltinEmbedder(builtinDimFromId(choice) ?? BUILTIN_DIM);
    return { embedder, note: `Embedder: built-in character n-grams, ${describe(embedder)}.` };
  }
  if (choice !== 'auto') {
    const embedder = await (await transformers()).load(choice, opts);
    return { embedder, note: `Embedder: ${describe(embedder)} from ${embedder.source}.` };
  }

  const installed = listLocalModels(opts.modelsDir);
  const known: string[] = KNOWN_GOOD_MODELS.filter((id) => installed.includes(id));
  const candidates = [...known, ...installed.filter((id) => !known.includes(id))];
  const failures: string[] = [];
  for (const id of candidates) {
    try {
      const embedder = await (await transformers()).load(id, { ...opts, allowDownload: false });
      return { embedder, note: `Embedder (auto): ${describe(embedder)}, found in ${embedder.source}.` };
    } catch (err) {
      failures.push(err instanceof Error ? err.message : String(err));
    }
  }
  const embedder = new BuiltinEmbedder();
  const why = failures.length ? `installed models failed to load (${failures.join('; ')})` : `no model installed in ${opts.modelsDir}`;
  return { embedder, note: `Embedder (auto): built-in ${describe(embedder)}, since ${why}. ${installHint(opts.modelsDir)}` };
}

/** Reopens the embedder recorded in an index manifest; IndexError when it is unavailable or differs. */
export async function embedderForIndex(recorded: { id: string; dim: number }, opts: EmbedderOptions): Promise<Embedder> {
  let embedder: Embedder;
  const builtinDim = builtinDimFromId(recorded.id);
  if (builtinDim !== undefined) {
    embedder = new BuiltinEmbedder(builtinDim);
  } else {
    try {
      embedder = await (await transformers()).load(recorded.id, opts);
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      throw new IndexError(
        'EMBEDDER_MISMATCH',
        `The index was built with the embedding model ${recorded.id}, which cannot be loaded here: ${reason}`,
        'Install that model, or rebuild the index with the embedder you have: `npm run index`.',
      );
    }
  }
  if (embedder.dim !== recorded.dim) {
    throw new IndexError(
      'EMBEDDER_MISMATCH',
      `The index's vectors have ${recorded.dim} dimensions but its embedder ${recorded.id} now produces ${embedder.dim}; the model or embedder changed since the build.`,
    );
  }
  return embedder;
}
