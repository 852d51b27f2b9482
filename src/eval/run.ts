/** Asks every question of a QA set and records what each answer got right. */
import type { Answer, ReportsService } from '../retrieval/types.ts';
import { containsGold, type QuestionOutcome } from './metrics.ts';
import type { QaItem } from './qa-file.ts';

export function judge(item: QaItem, a: Answer, ms: number): QuestionOutcome {
  const g = item.answers;
  const answerable = g.length > 0;
  const cites = a.abstained ? [] : a.citations;
  return {
    ...(item.kind ? { kind: item.kind } : {}),
    answerable,
    abstained: a.abstained,
    inAnswer: answerable && !a.abstained && containsGold(a.answer, g),
    inFirst: answerable && cites.length > 0 && containsGold(cites[0].excerpt, g),
    inTop3: answerable && cites.slice(0, 3).some((c) => containsGold(c.excerpt, g)),
    ...(item.doc && answerable ? { docFirst: cites[0]?.articleId === item.doc } : {}),
    ms,
    // Another article may print a held-out question's answer too: that answer is not wrong.
    ...(item.heldAnswers
      ? {
          heldGold:
            !a.abstained &&
            (containsGold(a.answer, item.heldAnswers) || (cites.length > 0 && containsGold(cites[0].excerpt, item.heldAnswers))),
        }
      : {}),
    ...(a.support ? { coverage: a.support.coverage, missing: a.support.missing } : {}),
  };
}

export async function evaluate(
  service: ReportsService,
  items: readonly QaItem[],
  onEach?: (item: QaItem, outcome: QuestionOutcome, answer?: Answer) => void,
): Promise<QuestionOutcome[]> {
  const out: QuestionOutcome[] = [];
  for (const item of items) {
    const t = performance.now();
    let outcome: QuestionOutcome;
    let answer: Answer | undefined;
    try {
      answer = await service.ask(item.q);
      outcome = judge(item, answer, performance.now() - t);
    } catch (err) {
      const answerable = item.answers.length > 0;
      outcome = {
        answerable,
        abstained: false,
        inAnswer: false,
        inFirst: false,
        inTop3: false,
        ms: performance.now() - t,
        error: (err as Error).message,
        ...(item.kind ? { kind: item.kind } : {}),
      };
    }
    out.push(outcome);
    onEach?.(item, outcome, answer);
  }
  return out;
}
