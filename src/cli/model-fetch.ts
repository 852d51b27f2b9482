/**
 * `npm run model:fetch -- MODEL_ID [--full]`: downloads a transformers.js model from the Hugging Face
 * hub into the models folder (BAOXUN_MODELS_DIR, default data/models/<MODEL_ID>/), where `auto` and
 * indexing find it. The only command that goes online; failures are one line and exit code 1, usage errors 2.
 */
import { loadConfig } from '../config.ts';
import { KNOWN_GOOD_MODELS } from '../index/embedders/select.ts';
import { findLocalModel, modelFolder } from '../index/embedders/model-folder.ts';

const USAGE = `Usage: npm run model:fetch -- MODEL_ID [--full]   (e.g. ${KNOWN_GOOD_MODELS[0]}; --full fetches onnx/model.onnx instead of the quantized model)`;

/** The innermost useful reason: fetch() wraps DNS/connection errors ("fetch failed" → ENOTFOUND huggingface.co). */
function rootCause(err: unknown): string {
  const parts: string[] = [];
  let e: unknown = err;
  for (let depth = 0; e && depth < 4; depth++) {
    if (e instanceof Error) {
      const code = (e as NodeJS.ErrnoException).code;
      parts.push(code ? `${e.message.split('\n')[0]} [${code}]` : e.message.split('\n')[0]);
      e = e.cause;
    } else {
      parts.push(String(e));
      break;
    }
  }
  return parts.slice(-2).join(': ');
}

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const full = argv.includes('--full');
  const unknown = argv.filter((a) => a.startsWith('-') && a !== '--full');
  const ids = argv.filter((a) => !a.startsWith('-'));
  if (unknown.length || ids.length !== 1 || !/^[\w.-]+(\/[\w.-]+)?$/.test(ids[0])) {
    process.stderr.write(`${unknown.length ? `Unknown option ${unknown[0]}\n` : ''}${USAGE}\n`);
    return 2;
  }
  const modelId = ids[0];
  const { modelsDir } = loadConfig();
  const folder = modelFolder(modelsDir, modelId);

  const present = findLocalModel(modelsDir, modelId);
  if (present && (full ? present.hasFull : present.hasQuantized)) {
    process.stdout.write(`${modelId} is already installed in ${folder}.\n`);
    return 0;
  }

  process.stderr.write(`Fetching ${modelId} (${full ? 'full' : 'quantized'}) into ${folder} …\n`);
  try {
    const { TransformersEmbedder } = await import('../index/embedders/transformers.ts');
    const embedder = await TransformersEmbedder.load(modelId, { modelsDir, allowDownload: true, quantized: !full });
    process.stdout.write(`Installed ${modelId} (${embedder.dim}-d, ${embedder.profile.family} profile) in ${folder}.\n`);
    return 0;
  } catch (err) {
    const cause = err instanceof Error && err.cause !== undefined ? rootCause(err.cause) : rootCause(err);
    process.stderr.write(`model:fetch: could not fetch ${modelId} from the Hugging Face hub into ${folder}: ${cause}\n`);
    return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    // Configuration errors and the like: one line, no stack.
    process.stderr.write(`model:fetch: ${err instanceof Error ? err.message.split('\n').join(' ') : String(err)}\n`);
    process.exit(1);
  },
);
