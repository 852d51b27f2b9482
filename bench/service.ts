/** The bench's way to the project's question answering: the real ReportsEngine over a loaded index. */
import type { ReportIndex } from '../src/index/types.ts';
import type { ReportsEngine } from '../src/retrieval/engine.ts';
import { understand } from '../src/retrieval/question/index.ts';
import { toSearchForm } from '../src/text/search-form.ts';
import type { LexicalQuery } from '../src/index/types.ts';
import { lexicalQuery } from '../src/retrieval/lexical-query.ts';
import type { QuestionFilters } from '../src/retrieval/question/types.ts';

/** The engine as the bot builds it (its per-index preparation counts in the cold start). */
export async function createService(index: ReportIndex, modelsDir: string): Promise<ReportsEngine> {
  const { ReportsEngine } = await import('../src/retrieval/engine.ts');
  return ReportsEngine.fromIndex(index, { modelsDir });
}

/** The question's filters as ask() parses them (none for a question ask() refuses). */
export function filtersOf(question: string): QuestionFilters {
  try {
    return understand(question).intent.filters;
  } catch {
    return {};
  }
}

/** The searchable text ask() derives from a question (translated terms for English questions). */
export function queryTextOf(question: string): string {
  try {
    return understand(question).text;
  } catch {
    // A question ask() refuses still gets searched by the methods alone, in search form.
    return toSearchForm(question);
  }
}

/** What ask()'s BM25 search gets for a question: the search text, or an English question's words as concepts. */
export function lexicalQueryOf(question: string): string | LexicalQuery {
  try {
    const understood = understand(question);
    return lexicalQuery(understood, understood.text);
  } catch {
    return toSearchForm(question);
  }
}
