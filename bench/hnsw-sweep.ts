/**
 * `npx tsx bench/hnsw-sweep.ts --index DIR [--params 16:200,24:100] [--ef 64,100,200] [--queries 200]`:
 * rebuilds the HNSW graph of an existing index's stored vectors with other M / efConstruction and
 * reports insert speed, recall@10 against exact search and search time at several ef — the
 * trade-off behind the project's HNSW defaults, measured on its own vectors and real questions.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import hnswlib from 'hnswlib-node';
import { loadIndex } from '../src/index/load.ts';
import { QA_SETS, readQa } from './bench-data.ts';
import { ExactSearch } from './exact-search.ts';
import { seededRandom, sample } from './prng.ts';
import { recallAtK } from './recall.ts';
import { queryTextOf } from './service.ts';
import { summarise } from './stats.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      index: { type: 'string' },
      params: { type: 'string', default: '16:200,16:100,24:100,32:100' },
      ef: { type: 'string', default: '64,100,200,400' },
      queries: { type: 'string', default: '200' },
      data: { type: 'string', default: path.resolve(ROOT, '..', 'shared', 'bench') },
      models: { type: 'string', default: path.join(ROOT, 'data', 'models') },
    },
  });
  if (!values.index) throw new Error('--index DIR is required (e.g. an index kept with `npm run bench -- --keep-work`)');
  const index = await loadIndex(values.index, { modelsDir: values.models });
  const n = index.chunks.length;
  const dim = index.embedder.dim;
  const questions = sample(
    QA_SETS.flatMap((s) => readQa(values.data, s)),
    Number(values.queries),
    seededRandom(7),
  ).map((x) => queryTextOf(x.q));
  const vectors = await index.embedder.embed(questions, 'query');
  const exact = new ExactSearch(n, dim, (i) => index.vector(i));
  const exactMs: number[] = [];
  const truth = vectors.map((v) => {
    const t = performance.now();
    const hits = exact.search(v, 10);
    exactMs.push(performance.now() - t);
    return hits;
  });
  const efs = values.ef.split(',').map(Number);
  console.log(`| M | efConstruction | inserts/s | inserts per CPU s | ${efs.map((ef) => `recall@10 / p50 ms @ef=${ef}`).join(' | ')} |`);
  console.log(`|---|---|---|---|${efs.map(() => '---').join('|')}|`);
  for (const [M, efConstruction] of values.params.split(',').map((p) => p.split(':').map(Number))) {
    // As HnswStore.build does it (cosine space, fixed seed), with ef set per measurement.
    const graph = new hnswlib.HierarchicalNSW('cosine', dim);
    graph.initIndex(n, M, efConstruction, 100);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < n; i++) graph.addPoint(Array.from(index.vector(i)), i);
    const wall = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const cells = efs.map((ef) => {
      graph.setEf(ef);
      const ms: number[] = [];
      let sum = 0;
      vectors.forEach((v, j) => {
        const t = performance.now();
        const { neighbors, distances } = graph.searchKnn(Array.from(v), 10);
        ms.push(performance.now() - t);
        sum += recallAtK(
          neighbors.map((chunk, k) => ({ chunk, score: 1 - distances[k] })),
          truth[j],
          10,
        );
      });
      return `${(sum / vectors.length).toFixed(3)} / ${summarise(ms).p50.toFixed(2)}`;
    });
    console.log(
      `| ${M} | ${efConstruction} | ${Math.round((n * 1000) / wall)} | ${Math.round((n * 1e6) / (cpu.user + cpu.system))} | ${cells.join(' | ')} |`,
    );
  }
  console.log(`\n${n} vectors of ${dim} dimensions; exact search p50 ${summarise(exactMs).p50.toFixed(2)} ms.`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
