/** The one line a front end prints when there is nothing to index yet: where reports go, and which kinds. */
import { SUPPORTED_EXTENSIONS } from '../corpus/read.ts';

export function noReportsLine(reportsDir: string): string {
  return `No readable reports in ${reportsDir}: put report files there (${SUPPORTED_EXTENSIONS.join(', ')}) or set BAOXUN_REPORTS_DIR, then start again.`;
}
