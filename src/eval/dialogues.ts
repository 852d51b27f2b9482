/**
 * Dialogues for evaluating follow-up questions: JSONL, one `{"id","kind"?,"turns":[{"q","answers"}…]}`
 * a line. Each dialogue is one conversation; every turn after the first is a follow-up, scored as
 * answered when a gold string is in the answer or the first excerpt. Each follow-up is also asked
 * alone (no conversation): it must then be answered as it stands, never rewritten from context.
 */
import { readFileSync } from 'node:fs';
import { askInConversation } from '../retrieval/conversation/ask.ts';
import { ConversationStore } from '../retrieval/conversation/store.ts';
import type { Answer, ReportsService } from '../retrieval/types.ts';
import { containsGold } from './metrics.ts';

export interface Turn {
  q: string;
  answers: string[];
}

export interface Dialogue {
  id: string;
  kind?: string;
  turns: Turn[];
}

/** Reads a dialogue file; a malformed line is an error naming the file and line. */
export function readDialogues(file: string): Dialogue[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line, i) => {
      if (!line.trim()) return [];
      let v: Partial<Dialogue>;
      try {
        v = JSON.parse(line) as Partial<Dialogue>;
      } catch {
        throw new Error(`${file}:${i + 1}: not valid JSON`);
      }
      const turns = v.turns;
      if (!Array.isArray(turns) || turns.length < 2 || turns.some((t) => typeof t?.q !== 'string' || !Array.isArray(t.answers))) {
        throw new Error(`${file}:${i + 1}: needs "turns": at least two {"q","answers"}`);
      }
      return [
        {
          id: String(v.id ?? i + 1),
          ...(v.kind ? { kind: String(v.kind) } : {}),
          turns: turns.map((t) => ({ q: t.q, answers: t.answers.map(String) })),
        },
      ];
    });
}

export interface TurnOutcome {
  dialogue: string;
  kind?: string;
  turn: number;
  q: string;
  understoodAs?: string;
  /** Gold in the answer or the first excerpt. */
  answered: boolean;
  answer: string;
  first: string;
  /** The follow-up asked with no conversation behind it (follow-ups only). */
  alone?: { rewritten: boolean; gold: boolean; answer: string };
}

const hit = (a: Answer, gold: readonly string[]) =>
  !a.abstained && (containsGold(a.answer, gold) || containsGold(a.citations[0]?.excerpt ?? '', gold));

export async function evaluateDialogues(reports: ReportsService, dialogues: readonly Dialogue[]): Promise<TurnOutcome[]> {
  const out: TurnOutcome[] = [];
  for (const d of dialogues) {
    const conversation = { store: new ConversationStore(), key: d.id };
    for (const [i, t] of d.turns.entries()) {
      const a = await askInConversation(reports, t.q, conversation);
      const outcome: TurnOutcome = {
        dialogue: d.id,
        ...(d.kind ? { kind: d.kind } : {}),
        turn: i + 1,
        q: t.q,
        ...(a.understoodAs ? { understoodAs: a.understoodAs } : {}),
        answered: hit(a, t.answers),
        answer: a.answer,
        first: a.citations[0]?.excerpt ?? '',
      };
      if (i > 0) {
        const alone = await askInConversation(reports, t.q);
        outcome.alone = { rewritten: alone.understoodAs !== undefined, gold: hit(alone, t.answers), answer: alone.answer };
      }
      out.push(outcome);
    }
  }
  return out;
}

export interface DialogueSummary {
  dialogues: number;
  followUps: number;
  /** Share of follow-ups answered (gold in the answer or first excerpt). */
  answered: number;
  /** Share of opening questions answered. */
  openers: number;
  /** Follow-ups asked alone that were rewritten from a context they did not have (must be 0). */
  aloneRewritten: number;
  /** Follow-ups asked alone whose own words still found the gold (no context involved). */
  aloneGold: number;
}

export function summariseDialogues(outcomes: readonly TurnOutcome[]): DialogueSummary {
  const follow = outcomes.filter((o) => o.turn > 1);
  const open = outcomes.filter((o) => o.turn === 1);
  const share = (xs: readonly TurnOutcome[], f: (o: TurnOutcome) => boolean) => (xs.length ? xs.filter(f).length / xs.length : NaN);
  return {
    dialogues: open.length,
    followUps: follow.length,
    answered: share(follow, (o) => o.answered),
    openers: share(open, (o) => o.answered),
    aloneRewritten: follow.filter((o) => o.alone?.rewritten).length,
    aloneGold: follow.filter((o) => o.alone?.gold).length,
  };
}

const pct = (x: number) => (Number.isNaN(x) ? '–' : x.toFixed(3));

export function renderDialogueTable(rows: ReadonlyArray<[string, DialogueSummary]>): string {
  return [
    '| set | dialogues | follow-ups | follow-ups answered | openers answered | alone: rewritten | alone: gold by own words |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      ([l, s]) =>
        `| ${l} | ${s.dialogues} | ${s.followUps} | ${pct(s.answered)} | ${pct(s.openers)} | ${s.aloneRewritten} | ${s.aloneGold} |`,
    ),
  ].join('\n');
}
