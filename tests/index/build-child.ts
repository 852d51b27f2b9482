/**
 * Child process for the crash test: builds an index and, at the given stage, announces it on stdout
 * and blocks forever, so the parent can SIGKILL it at exactly that moment.
 * Usage: tsx tests/index/build-child.ts INPUT OUT_DIR STAGE
 */
import { writeSync } from 'node:fs';
import { buildIndex } from '../../src/index/build.ts';
import { FakeEmbedder } from './fake-embedder.ts';

const [input, outDir, stage] = process.argv.slice(2);
await buildIndex({
  inputs: [input],
  outDir,
  embedder: new FakeEmbedder(),
  batchSize: 1,
  onProgress: (p) => {
    if (p.stage !== stage) return;
    writeSync(1, `at ${stage}\n`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  },
});
