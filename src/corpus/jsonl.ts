/**
 * Bulk archives: one `{"id","title","text","date"?,"source"?}` a line. Kept cheap: no page
 * parsing, but the same document facts (date, meeting, people) as a plain text report.
 */
import type { Article } from './types.ts';
import { normaliseDocument } from '../text/normalise.ts';
import { normaliseDate } from './dates.ts';
import { articleFields, documentFacts } from './document-facts.ts';
import { makeArticle } from './article.ts';

export interface LineProblem {
  /** 1-based line number. */
  line: number;
  reason: string;
}

export interface JsonlParseResult {
  articles: Article[];
  problems: LineProblem[];
}

/**
 * Parses a JSONL archive. Bad lines (not JSON, no id or text) are reported and skipped; of duplicate ids the
 * first is kept. `seenIds` lets a caller detect duplicates across several archives.
 */
export function parseJsonl(text: string, source: string, seenIds: Set<string> = new Set()): JsonlParseResult {
  const articles: Article[] = [];
  const problems: LineProblem[] = [];
  const lines = text.split('\n');
  let lastLine = lines.length - 1;
  while (lastLine > 0 && lines[lastLine].trim() === '') lastLine--;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i].trim();
    if (raw === '') continue;
    const line = i + 1;
    let rec: unknown;
    try {
      rec = JSON.parse(raw);
    } catch (err) {
      problems.push({ line, reason: i === lastLine ? 'invalid JSON (truncated last line?)' : `invalid JSON: ${(err as Error).message}` });
      continue;
    }
    if (rec === null || typeof rec !== 'object' || Array.isArray(rec)) {
      problems.push({ line, reason: 'not a JSON object' });
      continue;
    }
    const r = rec as Record<string, unknown>;
    const id = typeof r.id === 'string' ? r.id.trim() : typeof r.id === 'number' ? String(r.id) : '';
    if (id === '') {
      problems.push({ line, reason: 'missing "id"' });
      continue;
    }
    if (typeof r.text !== 'string') {
      problems.push({ line, reason: `missing "text" (id ${id})` });
      continue;
    }
    const body = normaliseDocument(r.text);
    if (body === '') {
      problems.push({ line, reason: `empty "text" (id ${id})` });
      continue;
    }
    if (seenIds.has(id)) {
      problems.push({ line, reason: `duplicate id ${id} (first kept)` });
      continue;
    }
    seenIds.add(id);
    const title = typeof r.title === 'string' ? normaliseDocument(r.title).replace(/\n/g, ' ') : '';
    const facts = documentFacts(body, typeof r.date === 'string' ? normaliseDate(r.date) : undefined, false);
    articles.push(
      makeArticle(
        {
          id,
          source: typeof r.source === 'string' && r.source.trim() !== '' ? r.source.trim() : source,
          headline: title || undefined,
          ...articleFields(facts),
          body,
        },
        { source, idPrefix: id, ordinal: 1 },
      ),
    );
  }
  return { articles, problems };
}
