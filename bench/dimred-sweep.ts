/**
 * `npx tsx bench/dimred-sweep.ts --index DIR [--reductions rp:128,fold:256,pca:128] [--ef 200,400,800]
 * [--candidates 50,100,200,400] [--queries 200] [--sample sweep|bench]`: builds the HNSW graph of an existing index's stored
 * vectors over a lower-dimensional version of each vector, searches it for a candidate list and
 * re-ranks the candidates exactly with the full vectors read from the index's `vectors.f32` (as a
 * loaded index reads them). Reports inserts per CPU second, graph bytes, and for each ef and candidate
 * count recall@10 against exact full-dimension cosine and the search + re-rank time — whether a
 * reduced graph can replace the full one (issue 15: build speed and memory).
 *
 * Reductions: `full` (the graph as built today), `rp` (a seeded Gaussian random projection), `fold`
 * (hash buckets folded onto fewer with seeded signs: a sparse random projection), `pca` (the top
 * eigenvectors of the vectors' second-moment matrix, fitted on a sample).
 */
import { statSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import hnswlib from 'hnswlib-node';
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { loadIndex } from '../src/index/load.ts';
import type { ChunkHit } from '../src/index/types.ts';
import { QA_SETS, readQa } from './bench-data.ts';
import { ExactSearch } from './exact-search.ts';
import { seededRandom, sample, type Random } from './prng.ts';
import { recallAtK } from './recall.ts';
import { latencyQuestions } from './run.ts';
import { queryTextOf } from './service.ts';
import { summarise } from './stats.ts';

/** `npm run bench`'s default --seed (bench/args.ts). */
const BENCH_SEED = 20240601;
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Maps a full vector to its reduced form. */
type Reduce = (v: Float32Array) => Float32Array;

function gaussian(random: Random): number {
  // Box–Muller; 1 - u keeps the logarithm finite.
  const u = 1 - random();
  const w = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * w);
}

function projection(rows: Float32Array, dim: number, out: number): Reduce {
  return (v) => {
    const r = new Float32Array(out);
    for (let i = 0; i < out; i++) {
      let s = 0;
      const base = i * dim;
      for (let j = 0; j < dim; j++) s += rows[base + j] * v[j];
      r[i] = s;
    }
    return r;
  };
}

function randomProjection(dim: number, out: number, seed: number): Reduce {
  const random = seededRandom(seed);
  const rows = new Float32Array(out * dim);
  for (let i = 0; i < rows.length; i++) rows[i] = gaussian(random) / Math.sqrt(out);
  return projection(rows, dim, out);
}

function fold(dim: number, out: number, seed: number): Reduce {
  const random = seededRandom(seed);
  const sign = Float32Array.from({ length: dim }, () => (random() < 0.5 ? -1 : 1));
  return (v) => {
    const r = new Float32Array(out);
    for (let j = 0; j < dim; j++) r[j % out] += sign[j] * v[j];
    return r;
  };
}

/** Eigenvalues and eigenvectors of a symmetric matrix (ml-matrix), largest eigenvalue first; row r of `vectors` is the r-th. */
function symmetricEigen(a: Float64Array, n: number): { values: Float64Array; vectors: Float64Array } {
  const rows = Array.from({ length: n }, (_, i) => Array.from(a.subarray(i * n, (i + 1) * n)));
  const eig = new EigenvalueDecomposition(new Matrix(rows), { assumeSymmetric: true });
  const raw = eig.realEigenvalues;
  const v = eig.eigenvectorMatrix;
  const order = raw.map((_, i) => i).sort((x, y) => raw[y] - raw[x]);
  const values = Float64Array.from(order, (i) => raw[i]);
  const vectors = new Float64Array(n * n);
  order.forEach((col, r) => {
    for (let k = 0; k < n; k++) vectors[r * n + k] = v.get(k, col);
  });
  return { values, vectors };
}

/** Top `out` eigenvectors of the second-moment matrix of `sampleRows` vectors. */
function pca(dim: number, out: number, rows: Float32Array[], note: (s: string) => void): Reduce {
  const m = new Float64Array(dim * dim);
  for (const r of rows) for (let i = 0; i < dim; i++) for (let j = i; j < dim; j++) m[i * dim + j] += r[i] * r[j];
  for (let i = 0; i < dim; i++) for (let j = i; j < dim; j++) m[j * dim + i] = m[i * dim + j] /= rows.length;
  const { values, vectors } = symmetricEigen(m, dim);
  const total = values.reduce((s, x) => s + x, 0);
  const kept = values.slice(0, out).reduce((s, x) => s + x, 0);
  note(
    `pca:${out}: top ${out} of ${dim} components hold ${((100 * kept) / total).toFixed(1)}% of the energy (largest ${values[0].toFixed(4)}, ${out}th ${values[out - 1].toFixed(4)}, smallest ${values[dim - 1].toFixed(5)})`,
  );
  return projection(Float32Array.from(vectors.subarray(0, out * dim)), dim, out);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      index: { type: 'string' },
      reductions: { type: 'string', default: 'full:512,rp:256,rp:128,fold:256,fold:128,pca:256,pca:128' },
      ef: { type: 'string', default: '200,400,800' },
      candidates: { type: 'string', default: '50,100,200,400,800' },
      queries: { type: 'string', default: '200' },
      sample: { type: 'string', default: 'sweep' },
      'pca-sample': { type: 'string', default: '20000' },
      M: { type: 'string', default: '32' },
      'ef-construction': { type: 'string', default: '100' },
      data: { type: 'string', default: path.resolve(ROOT, '..', 'shared', 'bench') },
      models: { type: 'string', default: path.join(ROOT, 'data', 'models') },
    },
  });
  if (!values.index) throw new Error('--index DIR is required (e.g. an index kept with `npm run bench -- --keep-work`)');
  const index = await loadIndex(values.index, { modelsDir: values.models });
  const n = index.chunks.length;
  const dim = index.embedder.dim;
  const M = Number(values.M);
  const efConstruction = Number(values['ef-construction']);
  // `--sample bench`: the questions `npm run bench` draws (its default seed), the first of which its recall uses.
  const qa = QA_SETS.map((s) => readQa(values.data, s));
  const questions = (
    values.sample === 'bench'
      ? latencyQuestions(qa, Number(values.queries), BENCH_SEED)
      : sample(qa.flat(), Number(values.queries), seededRandom(7))
  ).map((x) => queryTextOf(x.q));
  const queries = await index.embedder.embed(questions, 'query');
  const exact = new ExactSearch(n, dim, (i) => index.vector(i));
  const truth = queries.map((v) => exact.search(v, 10));
  const efs = values.ef.split(',').map(Number);
  const candidates = values.candidates.split(',').map(Number);
  const notes: string[] = [];
  const note = (s: string) => {
    notes.push(s);
    console.error(s);
  };

  console.log(
    `${n} vectors of ${dim} dimensions, M=${M}, efConstruction=${efConstruction}, ${queries.length} questions; re-rank reads rows from vectors.f32.`,
  );
  console.log('');
  console.log(
    '| reduction | inserts per CPU s | graph MiB | ef | candidates | recall@10 | search p50 / p95 ms | re-rank p50 / p95 ms | total p50 / p95 ms | CPU ms a question (mean) |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const spec of values.reductions.split(',')) {
    const [kind, outText] = spec.split(':');
    const out = Number(outText);
    const seed = 0x5eed;
    let reduce: Reduce;
    if (kind === 'full') reduce = (v) => v;
    else if (kind === 'rp') reduce = randomProjection(dim, out, seed);
    else if (kind === 'fold') reduce = fold(dim, out, seed);
    else if (kind === 'pca') {
      const pick = sample(
        Array.from({ length: n }, (_, i) => i),
        Number(values['pca-sample']),
        seededRandom(11),
      );
      const t = performance.now();
      reduce = pca(
        dim,
        out,
        pick.map((i) => index.vector(i)),
        note,
      );
      note(`pca:${out}: fitted on ${pick.length} vectors in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    } else throw new Error(`unknown reduction ${spec}`);
    const graphDim = kind === 'full' ? dim : out;
    // Reduced vectors read before timing: the insert cost alone is measured.
    const reduced = new Float32Array(n * graphDim);
    for (let i = 0; i < n; i++) reduced.set(reduce(index.vector(i)), i * graphDim);
    const graph = new hnswlib.HierarchicalNSW('cosine', graphDim);
    graph.initIndex(n, M, efConstruction, 100);
    const cpu0 = process.cpuUsage();
    for (let i = 0; i < n; i++) graph.addPoint(Array.from(reduced.subarray(i * graphDim, (i + 1) * graphDim)), i);
    const cpu = process.cpuUsage(cpu0);
    const file = path.join(os.tmpdir(), `dimred-${process.pid}.bin`);
    await graph.writeIndex(file);
    const bytes = statSync(file).size;
    rmSync(file);
    const insertsPerCpu = Math.round((n * 1e6) / (cpu.user + cpu.system));
    const rq = queries.map((q) => Array.from(reduce(q)));
    if (kind !== 'full') {
      // How much of the vectors' length the reduction keeps, and recall when the candidates are the
      // exact top C in the reduced space (the best any walk of the reduced graph could do).
      const kept = (v: ArrayLike<number>) => Array.from(v).reduce((a, x) => a + x * x, 0);
      const passageKept =
        Array.from({ length: 2000 }, (_, i) => kept(reduced.subarray(i * graphDim, (i + 1) * graphDim))).reduce((a, b) => a + b, 0) / 2000;
      const queryKept = rq.reduce((a, q) => a + kept(q), 0) / rq.length;
      const reducedExact = new ExactSearch(n, graphDim, (i) => {
        const r = reduced.slice(i * graphDim, (i + 1) * graphDim);
        const norm = Math.sqrt(kept(r)) || 1;
        return r.map((x) => x / norm);
      });
      const most = Math.max(...candidates);
      const best = rq.map((q) => reducedExact.search(Float32Array.from(q), most).map((h) => h.chunk));
      const cells = candidates.map((c) => {
        let sum = 0;
        queries.forEach((q, j) => {
          const hits = best[j].slice(0, c).map((chunk) => {
            const row = index.vector(chunk);
            let dot = 0;
            for (let d = 0; d < dim; d++) dot += row[d] * q[d];
            return { chunk, score: dot };
          });
          hits.sort((a, b) => b.score - a.score || a.chunk - b.chunk);
          sum += recallAtK(hits.slice(0, 10), truth[j], 10);
        });
        return `${c}: ${(sum / queries.length).toFixed(4)}`;
      });
      note(
        `${spec}: energy kept ${(100 * passageKept).toFixed(1)}% of passages', ${(100 * queryKept).toFixed(1)}% of questions'; recall@10 re-ranking the exact reduced top C: ${cells.join(', ')}`,
      );
    }
    for (const ef of efs) {
      graph.setEf(ef);
      for (const c of candidates) {
        if (c > ef) continue;
        if (kind === 'full' && c !== 10) {
          // The full graph's own scores are exact: no re-rank, one row per ef.
          if (c !== candidates.filter((x) => x <= ef)[0]) continue;
        }
        const searchMs: number[] = [];
        const rerankMs: number[] = [];
        const totalMs: number[] = [];
        let sum = 0;
        const cpuStart = process.cpuUsage();
        queries.forEach((q, j) => {
          const t0 = performance.now();
          const { neighbors, distances } = graph.searchKnn(rq[j], kind === 'full' ? 10 : c);
          const t1 = performance.now();
          let hits: ChunkHit[];
          if (kind === 'full') hits = neighbors.map((chunk, k) => ({ chunk, score: 1 - distances[k] }));
          else {
            hits = neighbors.map((chunk) => {
              const row = index.vector(chunk);
              let dot = 0;
              for (let d = 0; d < dim; d++) dot += row[d] * q[d];
              return { chunk, score: dot };
            });
            hits.sort((a, b) => b.score - a.score || a.chunk - b.chunk);
          }
          const t2 = performance.now();
          searchMs.push(t1 - t0);
          rerankMs.push(t2 - t1);
          totalMs.push(t2 - t0);
          sum += recallAtK(hits.slice(0, 10), truth[j], 10);
        });
        const cpuUsed = process.cpuUsage(cpuStart);
        const cpuMs = (cpuUsed.user + cpuUsed.system) / 1000 / queries.length;
        const s = summarise(searchMs);
        const r = summarise(rerankMs);
        const tt = summarise(totalMs);
        console.log(
          `| ${spec} | ${insertsPerCpu} | ${(bytes / 2 ** 20).toFixed(1)} | ${ef} | ${kind === 'full' ? '10 (exact scores)' : c} | ${(sum / queries.length).toFixed(4)} | ${s.p50.toFixed(2)} / ${s.p95.toFixed(2)} | ${r.p50.toFixed(2)} / ${r.p95.toFixed(2)} | ${tt.p50.toFixed(2)} / ${tt.p95.toFixed(2)} | ${cpuMs.toFixed(2)} |`,
        );
      }
    }
  }
  if (notes.length) console.log(`\n${notes.join('\n')}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
