/**
 * The benchmark data in ../shared/bench (a dev-time input, never read at run time): the corpora
 * `NAME.corpus.jsonl` ({id, title, text}) and their question sets `NAME.qa.jsonl` ({id, q, answers, doc}).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const QA_SETS = ['cmrc2018-trial', 'drcd-dev', 'xquad-en2zh-dev'] as const;
export type QaSetName = (typeof QA_SETS)[number];

export interface SourceDoc {
  id: string;
  title: string;
  text: string;
}

export interface QaItem {
  id: string;
  q: string;
  answers: string[];
  doc: string;
}

export class BenchDataError extends Error {}

/** Fails with a message that says where the data was expected and how to point elsewhere. */
export function checkDataDir(dir: string): void {
  const missing = QA_SETS.flatMap((s) => [`${s}.corpus.jsonl`, `${s}.qa.jsonl`]).filter((f) => !existsSync(path.join(dir, f)));
  if (missing.length > 0) {
    throw new BenchDataError(
      `Benchmark data not found in ${dir} (missing ${missing.join(', ')}). ` +
        'Pass the folder holding the *.corpus.jsonl / *.qa.jsonl sets with --data DIR.',
    );
  }
}

function readJsonl<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

export function corpusPath(dir: string, set: QaSetName): string {
  return path.join(dir, `${set}.corpus.jsonl`);
}

export function readSourceDocs(dir: string, set: QaSetName): SourceDoc[] {
  return readJsonl<SourceDoc>(corpusPath(dir, set));
}

export function readQa(dir: string, set: QaSetName): QaItem[] {
  return readJsonl<QaItem>(path.join(dir, `${set}.qa.jsonl`));
}
