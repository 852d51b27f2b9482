/** An engine over a few JSONL articles written for one test file, in a temporary folder. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildIndex } from '../../src/index/build.ts';
import { BuiltinEmbedder } from '../../src/index/embedders/builtin.ts';
import { ReportsEngine } from '../../src/retrieval/engine.ts';

export interface TestDoc {
  id: string;
  title: string;
  date?: string;
  text: string;
}

export async function engineOverDocs(
  docs: readonly TestDoc[],
  opts: { explain?: boolean } = {},
): Promise<{ engine: ReportsEngine; cleanup: () => void }> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'baoxun-docs-'));
  const file = path.join(tmp, 'docs.jsonl');
  writeFileSync(file, docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
  const outDir = path.join(tmp, 'index');
  await buildIndex({ inputs: [file], outDir, embedder: new BuiltinEmbedder() });
  const engine = await ReportsEngine.open(outDir, { modelsDir: path.join(tmp, 'models'), ...opts });
  return { engine, cleanup: () => rmSync(tmp, { recursive: true, force: true }) };
}
