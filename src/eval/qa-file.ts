/** Question–answer files for evaluation: JSONL, one `{"id","q","answers":[...],"kind"?}` a line. */
import { readFileSync } from 'node:fs';

export interface QaItem {
  id: string;
  q: string;
  answers: string[];
  kind?: string;
  /** Id of the document holding the answer, when the set gives it. */
  doc?: string;
  /** The report file the question is about, relative to the reports folder (real-dev's `article`). */
  article?: string;
  /** A held-out question's original gold: its document was removed, so it must be refused (see holdout.ts). */
  heldAnswers?: string[];
}

/** Reads a QA file; a malformed line is an error naming the file and line. */
export function readQaFile(file: string): QaItem[] {
  const items: QaItem[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return;
      let v: Partial<QaItem>;
      try {
        v = JSON.parse(line) as Partial<QaItem>;
      } catch {
        throw new Error(`${file}:${i + 1}: not valid JSON`);
      }
      if (typeof v.q !== 'string' || !Array.isArray(v.answers)) throw new Error(`${file}:${i + 1}: needs "q" and "answers"`);
      items.push({
        id: String(v.id ?? i + 1),
        q: v.q,
        answers: v.answers.map(String),
        ...(v.kind ? { kind: String(v.kind) } : {}),
        ...(v.doc ? { doc: String(v.doc) } : {}),
        ...(v.article ? { article: String(v.article) } : {}),
      });
    });
  return items;
}
