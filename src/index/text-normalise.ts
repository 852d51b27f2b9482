/**
 * The one text form that search compares: traditional → simplified, full-width → half-width (NFKC),
 * Latin lower-cased. Applied at index time to what the analyser and the embedder see, and by
 * retrieval to questions, so a traditional corpus (DRCD) and simplified questions meet.
 */
import * as OpenCC from 'opencc-js';

// Building the converter costs ~20 ms (dictionary tries); build it once, on first use.
let t2s: ((text: string) => string) | undefined;

/**
 * Taiwan-variant traditional → mainland simplified, repeated until nothing changes: one pass maps
 * "顯著" to "显著" (a phrase rule) but a second maps that to "显着" (the character rule), so only
 * the fixed point makes the form idempotent — questions are normalised by retrieval and again by
 * the analyser, and must land where the index text did.
 */
function toSimplified(text: string): string {
  const convert = (t2s ??= OpenCC.Converter({ from: 'tw', to: 'cn' }));
  let out = text;
  for (let pass = 0; pass < 4; pass++) {
    const next = convert(out);
    if (next === out) break;
    out = next;
  }
  return out;
}

// Only Han text needs the (slow-ish) converter.
const HAN = /\p{Script=Han}/u;

export function toSearchForm(text: string): string {
  const half = text.normalize('NFKC');
  return (HAN.test(half) ? toSimplified(half) : half).toLowerCase();
}

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
