/** The bench's command line: `npm run bench -- [--sizes 1000,10000,100000] [--embedder builtin|MODEL] ...`. */
import path from 'node:path';
import { parseArgs } from 'node:util';

export interface BenchOptions {
  sizes: number[];
  /** `builtin` or a model id / folder understood by the project's embedder factory. */
  embedder: string;
  /** Questions per size for the latency run (sampled from the QA sets). */
  queries: number;
  /** Questions per size through exact search and MiniSearch (they scan the corpus; recall uses these). */
  slowQueries: number;
  /** HNSW parameters for the built indexes, over the project's defaults (to test alternatives). */
  hnsw: { M?: number; efConstruction?: number; efSearch?: number };
  /** MiniSearch runs only on indexes of at most this many chunks. */
  peerMaxChunks: number;
  /** At most this many questions per QA set in the quality run (undefined: all). */
  qaLimit?: number;
  efValues: number[];
  dataDir: string;
  outDir: string;
  /** Where indexes and generated corpora are written (deleted afterwards unless keepWork). */
  workDir: string;
  keepWork: boolean;
  seed: number;
  /** Skip the quality run on the QA sets (scale only). */
  skipQuality: boolean;
  /** Write bench/RESULTS.md. */
  writeResults: boolean;
  /** The size whose index is also built as one and as ten segments, updated and queried side by side (0: none). */
  segmentsSize: number;
  /** Times each update (add one report, remove it) is measured. */
  updateRepeats: number;
}

export const USAGE = `Usage: npm run bench -- [options]
  --sizes 1000,10000,100000   chunk counts of the generated corpora
  --embedder builtin|MODEL     embedder to build with (default builtin)
  --queries 300                questions per size for latency
  --slow-queries 200           of those, how many also go through exact search and MiniSearch
  --hnsw-m N, --ef-construction N, --ef-search N
                               build with these HNSW parameters instead of the project's defaults
  --peer-max-chunks 10000      run MiniSearch only up to this many chunks (its build takes minutes beyond)
  --qa-limit 1000              at most N questions per QA set for quality (spread over the set; 0 = all)
  --ef 10,50,100,200,400       HNSW ef values for recall (ask's own ef is always added)
  --data DIR                   benchmark sets (default ../shared/bench from the project root)
  --out DIR                    JSON results (default bench/results)
  --work DIR                   scratch folder for corpora and indexes (default <out>/work)
  --keep-work                  keep the scratch indexes
  --seed N                     generator and sampling seed
  --no-quality                 skip the QA-set quality run
  --no-results-md              do not rewrite bench/RESULTS.md
  --segments-size N            at this size also build one and ten segments, compare queries, time adding and
                               removing one report (default: the largest size; 0 = skip)
  --update-repeats 3           times each update is measured`;

function intList(value: string, name: string): number[] {
  const list = value.split(',').map((s) => Number(s.trim().replace(/_/g, '')));
  if (list.length === 0 || list.some((n) => !Number.isInteger(n) || n <= 0))
    throw new Error(`--${name} wants positive integers separated by commas, got "${value}"`);
  return list;
}

function positive(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} wants a positive integer, got "${value}"`);
  return n;
}

export function parseBenchArgs(argv: string[], projectRoot: string): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: 'string', default: '1000,10000,100000' },
      embedder: { type: 'string', default: 'builtin' },
      queries: { type: 'string', default: '300' },
      'slow-queries': { type: 'string', default: '200' },
      'qa-limit': { type: 'string', default: '1000' },
      'peer-max-chunks': { type: 'string', default: '10000' },
      'hnsw-m': { type: 'string' },
      'ef-construction': { type: 'string' },
      'ef-search': { type: 'string' },
      ef: { type: 'string', default: '10,50,100,200,400' },
      data: { type: 'string', default: path.resolve(projectRoot, '..', 'shared', 'bench') },
      out: { type: 'string', default: path.join(projectRoot, 'bench', 'results') },
      work: { type: 'string' },
      'keep-work': { type: 'boolean', default: false },
      seed: { type: 'string', default: '20240601' },
      'no-quality': { type: 'boolean', default: false },
      'no-results-md': { type: 'boolean', default: false },
      'segments-size': { type: 'string' },
      'update-repeats': { type: 'string', default: '3' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) throw new HelpRequested();
  const outDir = path.resolve(values.out);
  return {
    sizes: intList(values.sizes, 'sizes'),
    embedder: values.embedder,
    queries: positive(values.queries, 'queries'),
    slowQueries: positive(values['slow-queries'], 'slow-queries'),
    qaLimit: values['qa-limit'] === '0' ? undefined : positive(values['qa-limit'], 'qa-limit'),
    peerMaxChunks: positive(values['peer-max-chunks'], 'peer-max-chunks'),
    hnsw: {
      ...(values['hnsw-m'] !== undefined && { M: positive(values['hnsw-m'], 'hnsw-m') }),
      ...(values['ef-construction'] !== undefined && { efConstruction: positive(values['ef-construction'], 'ef-construction') }),
      ...(values['ef-search'] !== undefined && { efSearch: positive(values['ef-search'], 'ef-search') }),
    },
    efValues: intList(values.ef, 'ef'),
    dataDir: path.resolve(values.data),
    outDir,
    workDir: path.resolve(values.work ?? path.join(outDir, 'work')),
    keepWork: values['keep-work'],
    seed: positive(values.seed, 'seed'),
    skipQuality: values['no-quality'],
    writeResults: !values['no-results-md'],
    segmentsSize:
      values['segments-size'] === '0'
        ? 0
        : values['segments-size'] !== undefined
          ? positive(values['segments-size'], 'segments-size')
          : Math.max(...intList(values.sizes, 'sizes')),
    updateRepeats: positive(values['update-repeats'], 'update-repeats'),
  };
}

export class HelpRequested extends Error {}
