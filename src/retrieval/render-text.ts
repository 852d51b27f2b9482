/** An Answer as plain text for terminals (the ask CLI and the local chat). */
import type { Answer, Citation } from './types.ts';

/** `epaper.pdf p.2` for a page of a multi-page file. */
export function pageLabel(c: Pick<Citation, 'source' | 'page'>): string | undefined {
  return c.page !== undefined ? `${c.source ?? ''} p.${c.page}`.trim() : undefined;
}

function citationLines(c: Citation): string[] {
  const meta = [c.headline, c.date, pageLabel(c)].filter(Boolean).join(' · ');
  return [`[${c.n}] ${meta}`, `    ${c.excerpt}`];
}

/** How a follow-up was read, shown above its answer (Discord and the terminal alike). */
export function understoodLine(a: Pick<Answer, 'understoodAs'>): string | undefined {
  return a.understoodAs ? `理解为 / Understood as：${a.understoodAs}` : undefined;
}

export function renderAnswerText(a: Answer): string {
  const understood = understoodLine(a);
  const lines: string[] = [...(understood ? [understood] : []), a.answer];
  if (a.outcome === 'closest') {
    lines.push('', '最接近的段落（不是答案）/ Closest passages (not an answer):');
    for (const c of a.related) lines.push('', ...citationLines(c));
  } else if (a.abstained) {
    if (a.related.length) {
      lines.push('', '相关报道 / Related:');
      for (const r of a.related) lines.push(`  - ${[r.headline, r.date].filter(Boolean).join(' · ')}`);
    }
  } else {
    for (const c of a.citations) lines.push('', ...citationLines(c));
  }
  return lines.join('\n');
}
