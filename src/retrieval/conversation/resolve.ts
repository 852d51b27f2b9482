/**
 * A follow-up question resolved against its conversation (pure): the pronouns, demonstratives and
 * ellipses of `rules.ts` replaced by what the last answer was about, giving a question that stands
 * on its own. A question that names its own subject (a person, a meeting, a day) keeps it; a question
 * with no conversation behind it is returned as it is.
 */
import { toSearchForm } from '../../text/search-form.ts';
import { s2t } from '../answer-script.ts';
import { parseFilters } from '../question/filters.ts';
import { normaliseQuestion } from '../question/normalise.ts';
import { askedMeeting } from '../question/meeting-name.ts';
import type { ConversationFacts } from './facts.ts';
import type { AskScope } from '../types.ts';
import { RESOLVE_RULES, type Referent, type Replacement, type ResolveRule } from './rules.ts';

export interface Resolution {
  /** The question to answer: the rewritten one, or the question as asked. */
  question: string;
  /** The rewritten question, only when something was resolved (shown to the user as "理解为：…"). */
  understoodAs?: string;
  /** The conversation's article, when the follow-up is about its meeting or people and names no meeting itself. */
  scope?: AskScope;
  /** Ids of the rules that applied. */
  rules: string[];
}

/** Trailing punctuation and particles an elliptical question may end with. */
const TAIL = /(?:\s*(?:[?!.。]|呢|吗|嘛|啊))+$/u;

/** The referents the question states itself, so context must not override them. */
function ownReferents(form: string, facts: ConversationFacts): Set<Referent> {
  const own = new Set<Referent>();
  if ((facts.named ?? facts.people).some((n) => form.includes(toSearchForm(n)))) own.add('person').add('people');
  if (askedMeeting(form)) own.add('meeting');
  const { filters } = parseFilters(form);
  if (filters.date || filters.monthDay) own.add('date');
  return own;
}

/** Replaces the same code points in `original` when the search form maps it one to one (keeps its script). */
function spliceInto(original: string, form: string, edits: readonly Edit[]): string {
  const source = [...original].length === [...form].length ? [...original] : [...form];
  let out = '';
  let at = 0;
  for (const e of [...edits].sort((a, b) => a.at - b.at)) {
    if (e.at < at) continue;
    out += source.slice(at, e.at).join('') + e.text;
    at = e.at + e.length;
  }
  return out + source.slice(at).join('');
}

interface Edit {
  at: number;
  length: number;
  text: string;
}

const shownOf = (r: Replacement) => (typeof r === 'string' ? r : r.shown);
const askedOf = (r: Replacement) => (typeof r === 'string' ? r : r.asked);

function applyPart(
  rule: ResolveRule,
  form: string,
  facts: ConversationFacts,
  edits: Array<{ at: number; length: number; text: Replacement }>,
): boolean {
  const text = rule.replace(facts);
  if (text === undefined) return false;
  let applied = false;
  const pattern = new RegExp(rule.pattern.source, rule.pattern.flags.includes('g') ? rule.pattern.flags : rule.pattern.flags + 'g');
  for (const m of form.matchAll(pattern)) {
    const at = [...form.slice(0, m.index)].length;
    const length = [...m[0]].length;
    // Overlapping matches (会上 inside 这次会上) belong to the row that matched first.
    if (edits.some((e) => at < e.at + e.length && e.at < at + length)) continue;
    edits.push({ at, length, text });
    applied = true;
  }
  return applied;
}

export function resolveFollowUp(
  question: string,
  facts: ConversationFacts | undefined,
  rules: readonly ResolveRule[] = RESOLVE_RULES,
): Resolution {
  const asked: Resolution = { question, rules: [] };
  if (!facts) return asked;
  const form = toSearchForm(question.trim());
  const own = ownReferents(form, facts);
  // The article scopes a follow-up about its meeting or people; a day (那天还开了哪些会) is not scoped.
  const scopeFor = (used: readonly ResolveRule[]): AskScope | undefined =>
    facts.articleId && !own.has('meeting') && used.some((r) => r.refers !== 'date') ? { articleId: facts.articleId } : undefined;
  const bare = form.replace(TAIL, '').trim();
  for (const rule of rules) {
    if (rule.kind !== 'whole' || own.has(rule.refers) || !rule.pattern.test(bare)) continue;
    const text = rule.replace(facts);
    if (text === undefined) continue;
    const scope = scopeFor([rule]);
    // A whole rewrite is written in simplified: a traditional question gets it back in its own script (and so its answer).
    const script = normaliseQuestion(question).script === 'zh-Hant' ? s2t : (t: string) => t;
    return { question: script(askedOf(text)), understoodAs: script(shownOf(text)), rules: [rule.id], ...(scope ? { scope } : {}) };
  }
  const edits: Array<{ at: number; length: number; text: Replacement }> = [];
  const used: ResolveRule[] = [];
  for (const rule of rules) {
    if (rule.kind !== 'part' || own.has(rule.refers)) continue;
    if (applyPart(rule, form, facts, edits)) used.push(rule);
  }
  if (!used.length) return asked;
  const original = question.trim();
  const scope = scopeFor(used);
  return {
    question: spliceInto(
      original,
      form,
      edits.map((e) => ({ ...e, text: askedOf(e.text) })),
    ),
    understoodAs: spliceInto(
      original,
      form,
      edits.map((e) => ({ ...e, text: shownOf(e.text) })),
    ),
    rules: used.map((r) => r.id),
    ...(scope ? { scope } : {}),
  };
}
