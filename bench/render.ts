/** `npx tsx bench/render.ts bench/results/<run>.json`: re-renders a saved run into bench/RESULTS.md (after a report change, without re-measuring). */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderReport } from './report.ts';
import type { BenchResult } from './result-types.ts';
import { PROJECT_ROOT, resultsMarkdown } from './run.ts';

const file = process.argv[2];
if (!file) {
  console.error('Usage: npx tsx bench/render.ts bench/results/<run>.json');
  process.exit(2);
}
const result = JSON.parse(readFileSync(file, 'utf8')) as BenchResult;
writeFileSync(path.join(PROJECT_ROOT, 'bench', 'RESULTS.md'), resultsMarkdown(renderReport(result), result.command ?? 'npm run bench'));
console.log(`bench/RESULTS.md re-rendered from ${file}`);
