/** Renders a bench run as markdown: the summary and side-by-side tables, then per-size details. Pure. */
import { SEGMENTER_STEP } from '../src/index/load-steps.ts';
import type { BenchResult, ColdStart, MethodName, SegmentsResult, SizeResult, UpdateMeasurement } from './result-types.ts';
import type { LatencySummary } from './stats.ts';

const METHODS: MethodName[] = ['hybrid (ask)', 'hybrid (fusion)', 'HNSW (dense)', 'exact (dense)', 'BM25', 'MiniSearch'];

function ms(x: number | undefined): string {
  if (x === undefined || Number.isNaN(x)) return '–';
  if (x >= 100) return x.toFixed(0);
  if (x >= 10) return x.toFixed(1);
  return x.toFixed(2);
}

function pct(x: number | undefined): string {
  return x === undefined || Number.isNaN(x) ? '–' : x.toFixed(3);
}

function int(x: number): string {
  return Math.round(x).toLocaleString('en-US');
}

function mb(bytes: number): string {
  return (bytes / 2 ** 20).toFixed(1);
}

function lat(l: LatencySummary | undefined): string {
  return l ? `${ms(l.p50)} / ${ms(l.p95)}` : '–';
}

/** The cold start to the first answer and where its load went, step by step (largest first). */
export function coldStartLine(cs: ColdStart): string {
  const steps = Object.entries(cs.loadSteps ?? {})
    .filter(([, t]) => t >= 0.5)
    .sort((a, b) => b[1] - a[1]);
  const breakdown = steps.length
    ? ` Load by step (ms, summed over segments): ${steps.map(([step, t]) => `${step} ${int(t)}`).join(', ')}.`
    : '';
  const segmenter = cs.loadSteps?.[SEGMENTER_STEP];
  const without =
    segmenter === undefined ? '' : ` Without the segmenter's load (${int(segmenter)} ms): ${int(cs.processMs - segmenter)} ms.`;
  return (
    `Cold start (fresh process): ${int(cs.processMs)} ms to the first answer = node boot + imports ${int(cs.importMs)} ms, ` +
    `load ${int(cs.loadMs)} ms (of which the engine's preparation ${int(cs.engineMs)} ms), first ask ${int(cs.firstAskMs)} ms; CPU time ${int(cs.cpuMs)} ms` +
    (cs.mainThreadCpuMs === undefined ? '.' : ` (main thread ${int(cs.mainThreadCpuMs)} ms).`) +
    (cs.rssAfterLoadMb === undefined
      ? ''
      : ` RSS ${int(cs.rssAfterLoadMb)} MiB after load, ${int(cs.rssAfterAskMb ?? 0)} MiB after the first answer.`) +
    without +
    breakdown
  );
}

function table(head: string[], rows: string[][]): string {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/** Recall at the ef ask() searches with, and the smallest ef measured that reaches 0.98 (else the largest). */
function recallCells(s: SizeResult): [string, string] {
  const r = s.query.recall;
  if (r.length === 0) return ['–', '–'];
  const used = r.find((x) => x.ef === s.query.hnswParams.efSearch);
  const good = r.find((x) => x.recallAt10 >= 0.98) ?? r[r.length - 1];
  const cell = (x: (typeof r)[number]) => `${pct(x.recallAt10)} @ef=${x.ef}`;
  return [
    [used && used !== good ? `${cell(used)}; ` : '', cell(good)].join(''),
    [used && used !== good ? `${used.speedup.toFixed(1)}x; ` : '', `${good.speedup.toFixed(1)}x`].join(''),
  ];
}

export function summaryTable(result: BenchResult): string {
  const rows = result.sizes.map((s) => {
    const [recallCell, speedupCell] = recallCells(s);
    const cs = s.query.coldStart;
    return [
      int(s.query.chunks),
      `${int(s.build.chunksPerSec)} (CPU ${int(s.build.chunksPerCpuSec)})`,
      (s.build.totalMs / 1000).toFixed(1),
      mb(s.build.diskBytes),
      cs ? `${(cs.processMs / 1000).toFixed(2)} (CPU ${(cs.cpuMs / 1000).toFixed(2)})` : '–',
      `${ms(s.query.ask.latency.p50)} / ${ms(s.query.ask.latency.p95)} / ${ms(s.query.ask.latency.p99)}`,
      recallCell,
      speedupCell,
      `${int(s.query.memory.rssAfterLoadMb)} / ${int(s.query.memory.rssAfterQuestionsMb)}`,
    ];
  });
  return table(
    [
      'chunks',
      'build chunks/s',
      'build s',
      'index MiB',
      'cold start s',
      'ask p50 / p95 / p99 ms',
      'HNSW recall@10',
      'HNSW vs exact (p50)',
      'RSS MiB load / after',
    ],
    rows,
  );
}

/** Methods × (quality on each QA set, speed at each size). */
export function sideBySideTable(result: BenchResult): string {
  const head = [
    'method',
    ...result.quality.map((q) => `${q.set} first-hit`),
    ...result.sizes.map((s) => `p50 / p95 ms @${int(s.query.chunks)}`),
  ];
  const rows = METHODS.map((m) => [
    m,
    ...result.quality.map((q) => {
      const mq = q.query.quality?.find((x) => x.method === m);
      if (!mq) return '–';
      return m === 'hybrid (ask)' ? `${pct(mq.excerptHit)} (chunk ${pct(mq.firstHit)})` : pct(mq.firstHit);
    }),
    ...result.sizes.map((s) => {
      const speed = s.query.methods.find((x) => x.method === m);
      return lat(speed?.latency);
    }),
  ]);
  return table(head, rows);
}

export function sizeDetails(s: SizeResult): string {
  const out: string[] = [`### ${int(s.query.chunks)} chunks (${int(s.query.articles)} articles, requested ${int(s.requestedChunks)})`, ''];
  out.push(
    `Build (${s.build.stageSource}): ${(s.build.totalMs / 1000).toFixed(2)} s, ${int(s.build.chunksPerSec)} chunks/s, peak RSS ${int(s.build.peakRssMb)} MiB, on disk ${mb(s.build.diskBytes)} MiB.`,
    '',
  );
  out.push(`CPU time of the build: ${(s.build.cpuMs / 1000).toFixed(2)} s (${int(s.build.chunksPerCpuSec)} chunks per CPU second).`, '');
  out.push(
    table(
      ['stage', 'wall ms', 'chunks/s', 'share', 'CPU ms', 'chunks per CPU s'],
      s.build.stages.map((st) => [
        st.stage,
        int(st.ms),
        int(st.chunksPerSec),
        `${((100 * st.ms) / s.build.totalMs).toFixed(1)}%`,
        st.cpuMs === undefined ? '–' : int(st.cpuMs),
        st.chunksPerCpuSec === undefined ? '–' : int(st.chunksPerCpuSec),
      ]),
    ),
    '',
  );
  const files = Object.entries(s.build.files).sort((a, b) => b[1] - a[1]);
  out.push(`Index files (MiB): ${files.map(([f, b]) => `${f} ${mb(b)}`).join(', ')}.`, '');
  const cs = s.query.coldStart;
  if (cs) out.push(coldStartLine(cs), '');
  const a = s.query.ask;
  out.push(
    `ask over ${a.latency.n} questions${a.errors ? ` (${a.errors} refused)` : ''}: p50 ${ms(a.latency.p50)}, p95 ${ms(a.latency.p95)}, p99 ${ms(a.latency.p99)}, max ${ms(a.latency.max)} ms (process CPU per question, GC threads included: p50 ${ms(a.cpu.p50)}, p95 ${ms(a.cpu.p95)} ms). Where the time goes (mean ms, share of the summed stages):`,
    '',
  );
  const stages = Object.entries(a.stages).sort((x, y) => y[1].share - x[1].share);
  out.push(
    table(
      ['stage', 'mean ms', 'share'],
      stages.map(([k, v]) => [k, ms(v.meanMs), `${(100 * v.share).toFixed(1)}%`]),
    ),
    '',
  );
  const hp = s.query.hnswParams;
  out.push(
    `HNSW (M=${hp.M}, efConstruction=${hp.efConstruction}; ask() searches with ef=${hp.efSearch}) recall@10 against exact cosine over the stored vectors (exact: p50 ${ms(s.query.exact.p50)} ms, mean ${ms(s.query.exact.mean)} ms):`,
    '',
  );
  out.push(
    table(
      ['ef', 'recall@10', 'HNSW p50 / p95 ms', 'speed-up (p50)', 'speed-up (mean)'],
      s.query.recall.map((r) => [String(r.ef), pct(r.recallAt10), lat(r.hnsw), `${r.speedup.toFixed(1)}x`, `${r.speedupMean.toFixed(1)}x`]),
    ),
    '',
  );
  out.push(
    table(
      ['method', 'p50 ms', 'p95 ms', 'p99 ms', 'setup ms'],
      s.query.methods.map((m) => [
        m.method,
        ms(m.latency.p50),
        ms(m.latency.p95),
        ms(m.latency.p99),
        m.setupMs === undefined ? '–' : int(m.setupMs),
      ]),
    ),
    '',
  );
  if (s.query.skipped) out.push(`${s.query.skipped}.`, '');
  const idx = s.query.memory.rssAfterIndexMb;
  out.push(
    `Memory: RSS ${idx === undefined ? '' : `${int(idx)} MiB after loadIndex, `}${int(s.query.memory.rssAfterLoadMb)} MiB after load (index + engine), ${int(s.query.memory.rssAfterQuestionsMb)} MiB after the questions (heap ${int(s.query.memory.heapAfterQuestionsMb)} MiB).`,
    '',
  );
  return out.join('\n');
}

export function qualityDetails(result: BenchResult): string {
  if (result.quality.length === 0) return '';
  const rows = result.quality.flatMap((q) =>
    (q.query.quality ?? []).map((m) => [
      q.set,
      int(q.query.questions),
      m.method,
      pct(m.firstHit),
      pct(m.top3Hit),
      pct(m.excerptHit),
      pct(m.answerHit),
      pct(m.abstained),
    ]),
  );
  return table(['set', 'questions', 'method', 'first chunk hit', 'top-3 hit', 'first excerpt hit', 'short answer hit', 'abstained'], rows);
}

export interface Target {
  name: string;
  measured: string;
  met: boolean | undefined;
}

/** The issue's targets, checked at the largest size run. */
export function targets(result: BenchResult): Target[] {
  const s = result.sizes[result.sizes.length - 1];
  if (!s) return [];
  const at98 = s.query.recall.find((r) => r.recallAt10 >= 0.98);
  const used = s.query.recall.find((r) => r.ef === s.query.hnswParams.efSearch);
  const usedNote = used && used !== at98 ? ` (ask searches with ef=${used.ef}: ${pct(used.recallAt10)})` : '';
  const rssMax = Math.max(s.query.memory.rssAfterLoadMb, s.query.memory.rssAfterQuestionsMb);
  const cs = s.query.coldStart;
  return [
    {
      name: `ask p95 < 30 ms (${int(s.query.chunks)} chunks)`,
      measured: `${ms(s.query.ask.latency.p95)} ms`,
      met: s.query.ask.latency.p95 < 30,
    },
    {
      name: 'HNSW recall@10 ≥ 0.98 at ≥ 20x exact',
      measured:
        (at98
          ? `${pct(at98.recallAt10)} at ef=${at98.ef}, ${at98.speedup.toFixed(1)}x`
          : `best ${pct(Math.max(...s.query.recall.map((r) => r.recallAt10)))}`) + usedNote,
      met: at98 ? at98.speedup >= 20 : false,
    },
    { name: 'build ≥ 2,000 chunks/s', measured: `${int(s.build.chunksPerSec)} chunks/s`, met: s.build.chunksPerSec >= 2000 },
    { name: 'cold start < 2 s', measured: cs ? `${(cs.processMs / 1000).toFixed(2)} s` : '–', met: cs ? cs.processMs < 2000 : undefined },
    { name: 'RSS < 1 GB', measured: `${int(rssMax)} MiB`, met: rssMax < 1024 },
  ];
}

export function targetsTable(result: BenchResult): string {
  return table(
    ['target', 'measured', 'met'],
    targets(result).map((t) => [t.name, t.measured, t.met === undefined ? '–' : t.met ? 'yes' : '**no**']),
  );
}

export function machineLine(result: BenchResult): string {
  const m = result.machine;
  return `${m.nproc} cores (${m.cpuModel}), ${int(m.memTotalMb)} MiB RAM, Node ${m.node}, ${m.platform}; run ${m.date}; load average ${m.loadAtStart.join(' / ')} at start${m.loadAtEnd ? `, ${m.loadAtEnd.join(' / ')} at end` : ''}.`;
}

/** The full markdown report: what the terminal prints and RESULTS.md holds. */
export function renderReport(result: BenchResult): string {
  const parts = [
    `Machine: ${machineLine(result)}`,
    `Embedder: ${result.embedderId}. Wall time of the run: ${(result.wallMs / 1000).toFixed(0)} s.`,
    '',
    summaryTable(result),
    '',
    'Side by side (quality = share of questions whose first result contains a gold answer; for `ask`, the first cited excerpt, with its chunk in brackets; speed = latency per question at each size):',
    '',
    sideBySideTable(result),
    '',
  ];
  if (result.sizes.length) parts.push('Targets (largest size run):', '', targetsTable(result), '');
  if (result.quality.length) parts.push('## Quality on the QA sets (natural size)', '', qualityDetails(result), '');
  if (result.segments) parts.push(segmentsSection(result.segments), '');
  if (result.sizes.length) parts.push('## Per size', '', ...result.sizes.map(sizeDetails));
  return parts.join('\n');
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
}

function updateCell(us: UpdateMeasurement[]): [string, string] {
  const t = us.map((u) => u.ms / 1000);
  const m = us.map((u) => u.extraRssMb);
  return [`${median(t).toFixed(2)} (${t.map((x) => x.toFixed(2)).join(', ')})`, `${int(median(m))} (${m.map(int).join(', ')})`];
}

/** Updates, builds and segment counts side by side, with the issue's targets. */
export function segmentsSection(g: SegmentsResult): string {
  const own = (q: SegmentsResult['queries'][number]) => q.query.recall.find((r) => r.ef === q.query.hnswParams.efSearch);
  const builds = table(
    ['full build', 'segments', 'chunks/s (CPU)', 'build s', 'peak RSS MiB'],
    g.builds.map((b) => [
      b.label,
      String(b.build.segments ?? '–'),
      `${int(b.build.chunksPerSec)} (${int(b.build.chunksPerCpuSec)})`,
      (b.build.totalMs / 1000).toFixed(1),
      int(b.build.peakRssMb),
    ]),
  );
  const queries = table(
    ['index', 'ask p50 / p95 / p99 ms', "HNSW recall@10 at ask's ef", 'cold start s', 'RSS MiB after load'],
    g.queries.map((q) => {
      const r = own(q);
      const cs = q.query.coldStart;
      return [
        q.label,
        `${ms(q.query.ask.latency.p50)} / ${ms(q.query.ask.latency.p95)} / ${ms(q.query.ask.latency.p99)}`,
        r ? pct(r.recallAt10) : '–',
        cs ? (cs.processMs / 1000).toFixed(2) : '–',
        int(q.query.memory.rssAfterLoadMb),
      ];
    }),
  );
  const [addS, addMb] = updateCell(g.add);
  const [removeS, removeMb] = updateCell(g.remove);
  const updates = table(
    ['update', 'wall s, median (each run)', 'extra RSS MiB, median (each run)', 'segments after'],
    [
      ['add one report', addS, addMb, String(g.add[g.add.length - 1]?.segments ?? '–')],
      ['remove it', removeS, removeMb, String(g.remove[g.remove.length - 1]?.segments ?? '–')],
    ],
  );
  const one = g.queries.find((q) => q.segments === 1);
  const ten = g.queries.find((q) => q.segments === 10);
  const fastest = Math.max(...g.builds.map((b) => b.build.chunksPerSec));
  const ratio = one && ten ? ten.query.ask.latency.p95 / one.query.ask.latency.p95 : NaN;
  const recalls = g.queries
    .map(own)
    .filter((r) => r !== undefined)
    .map((r) => r.recallAt10);
  const colds = g.queries.map((q) => q.query.coldStart?.processMs).filter((x): x is number => x !== undefined);
  const addMed = median(g.add.map((u) => u.ms));
  const addMem = median(g.add.map((u) => u.extraRssMb));
  const removeMed = median(g.remove.map((u) => u.ms));
  const yes = (ok: boolean) => (ok ? 'yes' : '**no**');
  const targets = table(
    ['target', 'measured', 'met'],
    [
      [
        'add one report < 2 s and < 300 MB extra',
        `${(addMed / 1000).toFixed(2)} s, ${int(addMem)} MiB`,
        yes(addMed < 2000 && addMem < 300),
      ],
      ['remove one report < 1 s', `${(removeMed / 1000).toFixed(2)} s`, yes(removeMed < 1000)],
      ['full build ≥ 2,000 chunks/s', `${int(fastest)} chunks/s`, yes(fastest >= 2000)],
      ['ask p95 with ten segments within 1.3x of one', `${ratio.toFixed(2)}x`, yes(ratio <= 1.3)],
      ['HNSW recall@10 ≥ 0.985', recalls.map(pct).join(' / '), yes(recalls.length > 0 && recalls.every((r) => r >= 0.985))],
      [
        'cold start < 1 s',
        colds.map((c) => (c / 1000).toFixed(2)).join(' / ') + ' s',
        yes(colds.length > 0 && colds.every((c) => c < 1000)),
      ],
    ],
  );
  return [
    `## Segments at ${int(g.chunks)} chunks (${g.cores} cores)`,
    '',
    'Full builds of the same corpus: on one worker thread (one segment), one worker a core (the default), and split into ten segments:',
    '',
    builds,
    '',
    'The same questions over the one-segment and the ten-segment index (each in a fresh process):',
    '',
    queries,
    '',
    ...g.queries.flatMap((q) => (q.query.coldStart ? [`${q.label}: ${coldStartLine(q.query.coldStart)}`, ''] : [])),
    `Updating the default index (each run a fresh process; report files whose size and modification time are unchanged are passed over, only what changed is written):`,
    '',
    updates,
    '',
    'Targets (issue 15):',
    '',
    targets,
  ].join('\n');
}
