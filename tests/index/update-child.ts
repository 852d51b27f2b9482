/**
 * Child process for the update/merge kill loop: updates an index from a reports folder with a merge
 * policy that merges often, printing each stage as it starts (`stage NAME`) on stdout.
 * Usage: node --import tsx tests/index/update-child.ts REPORTS_DIR OUT_DIR
 */
import { writeSync } from 'node:fs';
import { buildIndex } from '../../src/index/build.ts';
import { FakeEmbedder } from './fake-embedder.ts';

const [reports, outDir] = process.argv.slice(2);
let last = '';
await buildIndex({
  inputs: [reports],
  outDir,
  embedder: new FakeEmbedder(),
  batchSize: 4,
  mergePolicy: { segmentsPerTier: 3, mergeFactor: 3, floorChunks: 40, maxMergedChunks: 1e9, maxDeletedShare: 0.3 },
  onProgress: (p) => {
    if (p.stage === last) return;
    last = p.stage;
    writeSync(1, `stage ${p.stage}\n`);
  },
});
writeSync(1, 'done\n');
