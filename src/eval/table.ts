/** The evaluation table, in markdown. */
import type { Summary } from './metrics.ts';

const pct = (x: number) => (Number.isNaN(x) ? '–' : x.toFixed(3));
const ms = (x: number) => (Number.isNaN(x) ? '–' : x.toFixed(1));

export const TABLE_HEADER =
  '| set | questions | answer | first excerpt | answer or first | first three | right article first | false abstention | abstention (no answer) | p50 ms | p95 ms |\n' +
  '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|';

export function tableRow(label: string, s: Summary): string {
  return `| ${label} | ${s.n} | ${pct(s.answer)} | ${pct(s.first)} | ${pct(s.answerOrFirst)} | ${pct(s.top3)} | ${pct(s.docFirst)} | ${pct(s.falseAbstention)} | ${pct(s.abstention)} | ${ms(s.p50)} | ${ms(s.p95)} |`;
}

export function renderTable(rows: ReadonlyArray<[string, Summary]>): string {
  return [TABLE_HEADER, ...rows.map(([l, s]) => tableRow(l, s))].join('\n');
}
