/** What the index searches for a chunk, in the toolkit's search form (src/text/search-form.ts). */
import { toSearchForm } from '../text/search-form.ts';

/**
 * What the index searches for a chunk: its headline (questions often name the article's subject;
 * measured +0.04 first-window hit on CMRC with BM25) and its text, in search form. The analyser
 * and the embedder both see exactly this. A web page's outlet (`来源：闽侯乡音报`) is searched too: it often
 * holds the only mention of the place the report is about.
 */
export function chunkSearchText(chunk: { headline: string; text: string; outlet?: string }): string {
  const head = chunk.outlet ? `${chunk.headline}\n${chunk.outlet}` : chunk.headline;
  return toSearchForm(head ? `${head}\n${chunk.text}` : chunk.text);
}
