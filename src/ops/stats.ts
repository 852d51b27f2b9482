/**
 * A period of the question log summarised for an editor: how many questions, how many refused, the
 * votes, and the questions most often left unanswered (which reports are missing). Pure apart from
 * `readLogLines`; `npm run stats` and /stats print it.
 */
import { readFileSync } from 'node:fs';
import type { LogLine, QuestionLine } from './question-log.ts';

export interface Stats {
  from?: string;
  to: string;
  questions: number;
  answered: number;
  closest: number;
  refused: number;
  /** (closest + refused) / (answered + closest + refused); 0 with no questions. */
  refusalRate: number;
  up: number;
  down: number;
  /** Refused or closest questions by text, most frequent first (empty when the text is not logged). */
  topUnanswered: Array<{ question: string; count: number }>;
  /** Whether any question in the period had its text logged (BAOXUN_LOG_QUESTIONS=1). */
  textLogged: boolean;
}

/** The log's lines; unreadable lines are skipped, a missing log is empty. */
export function readLogLines(file: string): LogLine[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const out: LogLine[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const v = JSON.parse(line) as LogLine;
      if ((v.type === 'question' || v.type === 'feedback') && typeof v.time === 'string') out.push(v);
    } catch {
      // A torn last line after a crash: skipped.
    }
  }
  return out;
}

/** Questions are compared folded (spaces, case, full-width ?) so repeats count together. */
function foldQuestion(q: string): string {
  return q
    .normalize('NFKC')
    .replace(/\s+/g, ' ')
    .replace(/[?？。.!！]+$/u, '')
    .trim()
    .toLowerCase();
}

export function summarise(lines: readonly LogLine[], period: { from?: Date; to: Date }, top = 10): Stats {
  const inPeriod = (t: string) => {
    const ms = Date.parse(t);
    return (!period.from || ms >= period.from.getTime()) && ms <= period.to.getTime();
  };
  const questions = lines.filter((l): l is QuestionLine => l.type === 'question' && inPeriod(l.time));
  const count = (o: QuestionLine['outcome']) => questions.filter((q) => q.outcome === o).length;
  const answered = count('answered');
  const closest = count('closest');
  const refused = count('refused');
  const asked = answered + closest + refused;
  const votes = lines.filter((l) => l.type === 'feedback' && inPeriod(l.time));
  const unanswered = new Map<string, { question: string; count: number }>();
  for (const q of questions) {
    if ((q.outcome !== 'refused' && q.outcome !== 'closest') || !q.question) continue;
    const key = foldQuestion(q.question);
    const entry = unanswered.get(key) ?? { question: q.question.trim(), count: 0 };
    entry.count++;
    unanswered.set(key, entry);
  }
  return {
    from: period.from?.toISOString(),
    to: period.to.toISOString(),
    questions: questions.length,
    answered,
    closest,
    refused,
    refusalRate: asked ? Math.round((1000 * (closest + refused)) / asked) / 1000 : 0,
    up: votes.filter((v) => v.type === 'feedback' && v.vote === 'up').length,
    down: votes.filter((v) => v.type === 'feedback' && v.vote === 'down').length,
    topUnanswered: [...unanswered.values()].sort((a, b) => b.count - a.count || (a.question < b.question ? -1 : 1)).slice(0, top),
    textLogged: questions.some((q) => q.question !== undefined),
  };
}

/** `7d`, `24h`, `30m` before `now`, or an ISO date; undefined when unreadable. */
export function parseSince(spec: string, now: Date): Date | undefined {
  const m = /^(\d+)([dhm])$/.exec(spec.trim());
  if (m) return new Date(now.getTime() - Number(m[1]) * { d: 86_400_000, h: 3_600_000, m: 60_000 }[m[2] as 'd' | 'h' | 'm']);
  const ms = Date.parse(spec);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

/** The summary as a few lines of text (the CLI and /stats). */
export function formatStats(s: Stats): string {
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const lines = [
    `Questions ${s.from ? `from ${s.from} ` : ''}to ${s.to}: ${s.questions}`,
    `  answered ${s.answered}, closest only ${s.closest}, refused ${s.refused} (refusal rate ${pct(s.refusalRate)})`,
    `  feedback: ${s.up} 👍, ${s.down} 👎`,
  ];
  if (s.topUnanswered.length) {
    lines.push('  most frequent unanswered questions:');
    for (const q of s.topUnanswered) lines.push(`    ${q.count}× ${q.question}`);
  } else if (!s.textLogged && s.closest + s.refused > 0) {
    lines.push('  (question text is not logged; set BAOXUN_LOG_QUESTIONS=1 to see which questions went unanswered)');
  }
  return lines.join('\n');
}
