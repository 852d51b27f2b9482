/**
 * What a conversation remembers of its last answer: the article it came from, the people it named,
 * the meeting and the day. Pure: built from the answer, the answering article and the question.
 */
import type { Article } from '../../corpus/types.ts';
import { toSearchForm } from '../../text/search-form.ts';
import type { Answer } from '../types.ts';

export interface ConversationFacts {
  articleId?: string;
  headline?: string;
  /** The person a 他/她 points at: the one the question asked about, else the first the short answer names. */
  person?: string;
  /** Everyone the answer (or its first excerpt) names, in order; 他们 points at them. */
  people: string[];
  /** Everyone the answering article names: a question naming one of them names its own subject. */
  named?: string[];
  /** The meeting's name as the report prints it. */
  meeting?: string;
  /** ISO date (YYYY-MM-DD) of the meeting or report. */
  date?: string;
}

/** Names of `people` in the order they first occur in `text` (compared in search form: 張紅軍 is 张红军). */
function namedIn(text: string, names: readonly string[]): string[] {
  const form = toSearchForm(text);
  return names
    .map((name) => ({ name, at: form.indexOf(toSearchForm(name)) }))
    .filter((n) => n.at >= 0)
    .sort((a, b) => a.at - b.at)
    .map((n) => n.name);
}

/**
 * The facts of an answer. A refusal keeps what the conversation knew (`previous`): the user will
 * rephrase about the same subject. The question's own subject (a person it names) wins over the
 * answer's for 他/她.
 */
export function factsOf(answer: Answer, article: Article | undefined, asked: string, previous?: ConversationFacts): ConversationFacts {
  const first = answer.citations[0];
  if (answer.abstained || !first || !article) return previous ?? { people: [] };
  const names = [...new Set(article.people.map((p) => p.name))];
  const inQuestion = namedIn(asked, names);
  const inAnswer = namedIn(answer.answer, names);
  const people = inAnswer.length ? inAnswer : namedIn(first.excerpt, names);
  // An excerpt names everyone present: only the question's or the answer's own person is "he", and
  // an answer naming nobody (会上通报了什么) keeps the person the conversation was about.
  const person = inQuestion[0] ?? inAnswer[0] ?? (previous?.articleId === article.id ? previous.person : undefined);
  const date = article.date ?? article.eventDates?.find((d) => d.length === 10);
  return {
    articleId: article.id,
    headline: article.headline,
    ...(person ? { person } : {}),
    people,
    named: names,
    ...(article.meeting ? { meeting: article.meeting } : {}),
    ...(date ? { date } : {}),
  };
}
