/**
 * Structured facts: who-questions answered from the people each article names with their titles
 * and roles (who chaired, spoke, attended, reported), with the sentence that says so as support.
 */
import { inYear, onDay } from '../corpus/event-dates.ts';
import type { Article, Person } from '../corpus/types.ts';
import { articleBinds, dayBinding, knownPeople } from './day-binding.ts';
import { toSearchForm } from '../text/search-form.ts';
import type { Passage } from './passages.ts';
import { matchedConcepts, type QueryUnits } from './query-units.ts';
import type { PersonRole } from './question/types.ts';
import { unitKind, type Unit } from '../text/units.ts';
import { rolePattern } from '../text/vocabulary/roles.ts';
import { SIMPLIFIED_OFFICE_WORDS } from '../text/vocabulary/offices.ts';

export interface StructuredAnswer {
  articleId: string;
  /** The names that answer, best first. */
  names: string[];
  /** e.g. "王新亭（高新区党工委书记）". */
  text: string;
  /** The supporting passage in the article. */
  passage: Passage;
  score: number;
  /** What to highlight in the first excerpt when not the names (a title fact: the title with the name). */
  highlight?: string[];
}

/** Words that state a role in the text, to find the sentence that supports it. */
const ROLE_WORDS: Record<PersonRole, RegExp> = {
  chaired: rolePattern('support', 'chaired'),
  spoke: rolePattern('support', 'spoke'),
  attended: rolePattern('support', 'attended'),
  observed: rolePattern('support', 'observed'),
  reported: rolePattern('support', 'reported'),
  relayed: rolePattern('support', 'relayed'),
};

/** The last part of a compound title ("党工委副书记、管委会主任" → each part is a title of its own). */
function titleParts(title: string): string[] {
  return title.split(/[、，,\s]+/).filter(Boolean);
}

interface PersonMatch {
  person: Person;
  score: number;
  /** How fully the question names one of the person's titles (0–1). */
  titleCover: number;
}

/** Every unit any of the question's concepts could match with. */
function questionUnitSet(query: QueryUnits): Set<Unit> {
  const set = new Set<Unit>();
  for (const c of query.concepts) for (const a of c.alts) for (const u of a.units) set.add(u);
  return set;
}

/** Share of a title part's bigrams the question contains: "管委会主任" is fully named in "管委会主任是谁". */
function titleContainment(part: string, asked: ReadonlySet<Unit>, unitsOf: (t: string) => Set<Unit>): number {
  const bigrams = [...unitsOf(part)].filter((u) => unitKind(u) === 'bigram');
  if (bigrams.length < 2) return 0;
  return bigrams.filter((u) => asked.has(u)).length / bigrams.length;
}

function scorePerson(
  person: Person,
  role: PersonRole | undefined,
  query: QueryUnits,
  asked: ReadonlySet<Unit>,
  unitsOf: (t: string) => Set<Unit>,
): PersonMatch {
  let titleCover = 0;
  let explains = 0;
  for (const part of titleParts(person.title)) {
    titleCover = Math.max(titleCover, titleContainment(part, asked, unitsOf));
    // How much of the question the title accounts for separates 书记 from 委员 when both fit.
    // Counted, not IDF-weighted: in a handful of reports the IDF of title words is mostly noise.
    explains = Math.max(explains, query.concepts.length ? matchedConcepts(query, unitsOf(part)) / query.concepts.length : 0);
  }
  const roleMatch = role !== undefined && person.roles.includes(role) ? 1 : 0;
  return { person, score: roleMatch + titleCover + explains, titleCover };
}

/** Names a who-question's answer lists at most; the excerpt below it prints the rest. */
const MAX_LISTED = 8;

/**
 * Whether a title holds every office the question names, a deputy's exactly when the question asks
 * for the deputy: a 党工委副书记 does not answer 党工委书记是谁 (fresh pages). `question` and the
 * offices are in search form.
 */
export function holdsAskedOffices(title: string, question: string): boolean {
  const held = toSearchForm(title);
  for (const office of SIMPLIFIED_OFFICE_WORDS) {
    if (office.startsWith('副') || !question.includes(office)) continue;
    const deputy = '副' + office;
    const holds = question.includes(deputy) ? held.includes(deputy) : held.split(deputy).join('').includes(office);
    if (!holds) return false;
  }
  return true;
}

/**
 * Answers a who-question from the ranked candidate articles' people, or undefined when no person
 * fits well enough (the passage ranking then answers instead).
 */
export function answerFromPeople(
  role: PersonRole | undefined,
  query: QueryUnits,
  ranked: ReadonlyArray<{ article: Article; passages: readonly Passage[]; retrievalScore: number }>,
  unitsOf: (t: string) => Set<Unit>,
  question = '',
  minTitleCover = 0.7,
): StructuredAnswer | undefined {
  let best: StructuredAnswer | undefined;
  const asked = questionUnitSet(query);
  for (const { article, passages, retrievalScore } of ranked.slice(0, 3)) {
    if (!article.people.length) continue;
    const matches = article.people
      .map((p) => scorePerson(p, role, query, asked, unitsOf))
      .filter((m) => (role ? m.person.roles.includes(role) : m.titleCover >= minTitleCover && holdsAskedOffices(m.person.title, question)))
      .sort((a, b) => b.score - a.score);
    if (!matches.length) continue;
    const top = matches[0];
    // Several people with the same role (e.g. attended) all answer; otherwise only the best.
    const chosen = role && role !== 'chaired' ? matches.slice(0, MAX_LISTED) : [top];
    const names = chosen.map((m) => m.person.name);
    const roleRe = role ? ROLE_WORDS[role] : undefined;
    // Minutes print a name around its title (洪议长允典): that passage names the person too.
    const { name, title } = top.person;
    const split = title && name.length >= 2 ? name[0] + title + name.slice(1) : undefined;
    const names0 = (t: string) => t.includes(names[0]) || (split !== undefined && t.includes(split));
    const support =
      passages.find((p) => names0(p.text) && (!roleRe || roleRe.test(p.text))) ??
      passages.find((p) => names0(p.text) && p.text.includes(titleParts(top.person.title).pop() ?? '')) ??
      passages.find((p) => names0(p.text)) ??
      // A byline is printed apart from the text it signs: the article's lead stands for the whole article.
      (role === 'reported' ? passages[0] : undefined);
    if (!support) continue;
    const score = top.score + retrievalScore;
    if (best && best.score >= score) continue;
    const listed = chosen.map((m) => (m.person.title ? `${m.person.name}（${m.person.title}）` : m.person.name)).join('、');
    // A list cut short says so, as reports do (…等).
    const text = matches.length > chosen.length && chosen.length > 1 ? `${listed}等` : listed;
    best = { articleId: article.id, names, text, passage: support, score };
  }
  return best;
}

/** "What meetings were held on 1月12日?", "1月12日有哪些报道？": a question about the events of a day. */
const EVENTS_QUESTION =
  /(?:哪些|什么|几个|几场|几次)(?:会议|会|活动|报道|新闻|事(?![项宜务]))|(?:召开|举行|举办)了?(?:哪些|什么)|有(?:哪些|什么)(?:会议|活动|报道|新闻)/;

/**
 * The articles of the day a question names, when it asks what happened that day (meetings by date,
 * a structured fact); empty otherwise. An article is of that day by its date or by a day its text names
 * (as the search's date filter); a full date matches a yearless day on month and day.
 */
export function eventsOnDate(
  question: string,
  filters: { date?: string; monthDay?: string; year?: number },
  articles: readonly Article[],
): Article[] {
  // As the search's date filter: reports without dates (an archive of other texts) have no days of their own.
  if (!filters.monthDay || !EVENTS_QUESTION.test(question) || !articles.some((a) => a.date !== undefined)) return [];
  const year = filters.year;
  const md = filters.date ? filters.date.slice(5) : filters.monthDay;
  const onThatDay = articles.filter((a) => onDay(a, filters) && (year === undefined || filters.date !== undefined || inYear(a, year)));
  // The meeting or people the question puts on that day must be the report's (as the search's date filter).
  const binding = onThatDay.length ? dayBinding(question, knownPeople(articles)) : undefined;
  return binding ? onThatDay.filter((a) => articleBinds(a, md, binding)) : onThatDay;
}

/**
 * The day all the events are of (by date or a day their text names; the day `asked`, "MM-DD", when
 * given): `monthDay`, and `label`, the ISO date when every one gives the same year, else `M月D日`.
 */
export function commonDay(events: readonly Article[], asked?: string): { monthDay: string; label: string } | undefined {
  const daysOf = (a: Article) => [...(a.date ? [a.date] : []), ...(a.eventDates ?? [])];
  const first = events[0];
  if (!first) return undefined;
  const monthDay = (asked ? [asked] : daysOf(first).map((d) => d.slice(-5))).find((md) =>
    events.every((a) => daysOf(a).some((d) => d.slice(-5) === md)),
  );
  if (!monthDay) return undefined;
  const fullOf = (a: Article) => daysOf(a).filter((d) => d.length === 10 && d.endsWith(monthDay));
  const full = new Set(events.flatMap(fullOf));
  const yearKnown = full.size === 1 && events.every((a) => fullOf(a).length > 0);
  const label = yearKnown ? [...full][0] : `${Number(monthDay.slice(0, 2))}月${Number(monthDay.slice(3))}日`;
  return { monthDay, label };
}

/** One line naming each event (its meeting, else its headline, unless `named`), within `max` characters. */
export function eventsText(
  events: readonly Article[],
  max = 120,
  day?: { label: string },
  named?: ReadonlyArray<string | undefined>,
): string {
  const names = events.map((a, i) => named?.[i] ?? a.meeting ?? a.headline);
  const date = (day ?? commonDay(events))?.label ?? events[0]?.date ?? '';
  let text = `${date}：${names.join('；')}`;
  for (let n = names.length - 1; text.length > max && n >= 1; n--) {
    text = `${date}：${names.slice(0, n).join('；')}等${names.length}项`;
  }
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}

/** A person's post, printed right before the name (`街道行政审批局局长高瑛`), its last part, or any part. */
function titleSupport(person: Person, passages: readonly Passage[]): Passage | undefined {
  const parts = titleParts(person.title);
  const last = parts[parts.length - 1] ?? '';
  return (
    passages.find((p) => p.text.includes(person.title + person.name)) ??
    passages.find((p) => last !== '' && p.text.includes(last + person.name)) ??
    passages.find((p) => p.text.includes(person.name) && parts.some((t) => p.text.includes(t))) ??
    passages.find((p) => p.text.includes(person.name))
  );
}

/**
 * "高瑛是什么职务？", "韦峰是以什么身份出席的？", "What is Zhu Long's position?": the title extracted at
 * index time for a person the question names, from the best-ranked candidate article that names them
 * with one, citing the sentence that prints the title with the name. `asked` is the question in search
 * form (for English, the translated search text, which holds the Chinese names matched from pinyin).
 * Undefined when no candidate names such a person with a title (the passages answer instead).
 */
export function answerTitle(
  asked: string,
  ranked: ReadonlyArray<{ article: Article; passages: readonly Passage[]; retrievalScore: number }>,
): StructuredAnswer | undefined {
  for (const { article, passages, retrievalScore } of ranked.slice(0, 5)) {
    // Longest name first: the question's 米厚章 is not answered for 米厚 when both are extracted.
    const people = article.people
      .filter((p) => p.title && p.name.length >= 2 && asked.includes(toSearchForm(p.name)))
      .sort((a, b) => b.name.length - a.name.length);
    if (!people.length) continue;
    const person = people[0];
    const passage = titleSupport(person, passages);
    if (!passage) continue;
    const printed = [person.title + person.name, (titleParts(person.title).pop() ?? '') + person.name].find((s) =>
      passage.text.includes(s),
    );
    return {
      articleId: article.id,
      names: [person.name],
      text: `${person.name}：${person.title}`,
      passage,
      score: 1 + retrievalScore,
      highlight: printed ? [printed] : [person.name, ...titleParts(person.title)],
    };
  }
  return undefined;
}
