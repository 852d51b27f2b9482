/** An answer as plain terminal text: the short answer and numbered citations (bold highlights on a TTY). */
import type { Answer, Citation } from '../retrieval/types.ts';

function excerptText(c: Citation, bold: boolean): string {
  if (!bold) return c.excerpt;
  let out = '';
  let at = 0;
  for (const [s, e] of [...c.highlights].sort((a, b) => a[0] - b[0])) {
    if (s < at || e <= s) continue;
    out += c.excerpt.slice(at, s) + '\x1b[1m' + c.excerpt.slice(s, e) + '\x1b[0m';
    at = e;
  }
  return out + c.excerpt.slice(at);
}

const heading = (c: Citation) => `[${c.n}] ${c.headline}${c.date ? ` · ${c.date}` : ''}  (${c.articleId})`;

export function answerText(answer: Answer, opts: { bold?: boolean } = {}): string {
  const lines = [answer.answer];
  if (answer.abstained) {
    if (answer.related.length) lines.push('', '相关报道 / Related reports:', ...answer.related.map((c) => `  ${heading(c)}`));
  } else {
    for (const c of answer.citations) lines.push('', `  ${heading(c)}`, `      ${excerptText(c, opts.bold === true).replace(/\n/g, '\n      ')}`);
  }
  return lines.join('\n') + '\n';
}
