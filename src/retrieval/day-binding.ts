/**
 * What a question puts on the day it names. `12月6日明光市政府常务会议…` asks about a meeting on that
 * day, `陳興華8月9日到哪個鎮…` and `3月10日二七区区长…` about a person on that day: a report naming the day counts for the
 * question's date filter only when it names that meeting or person with it (a 市委常委会 on 12月6日 is
 * not the 市政府常务会议 asked; 陳興華 went on 8月7日). Reports used to be filtered on their date alone,
 * so a day named only in the text never matched; now that it does, this keeps "that day, but another
 * event" from answering.
 */
import { textDates } from '../corpus/event-dates.ts';
import { splitSentences } from '../text/sentences.ts';
import type { Article } from '../corpus/types.ts';
import { passingRecords } from '../index/article-store.ts';
import { toSearchForm } from '../text/search-form.ts';
import { namesMeeting } from './question/meeting-name.ts';

export interface DayBinding {
  /** The meeting the question names with the day (search form), e.g. "明光市政府常务会议". */
  meeting?: string;
  /** The meeting without its leading place name ("市政府常务会议"): the report may name the place elsewhere. */
  meetingNoPlace?: string;
  /** People the reports name (search form) that the question names. */
  people: string[];
  /** Offices the question names someone by (`二七区区长` → 区长), outside the meeting's name. */
  offices: string[];
}

/** Offices a question names people by: the head of a place, a secretary, a chair, a director. */
const OFFICE = /[省市县区州镇乡]长|书记|主任|主席|局长/g;

/** Question words and particles that end a phrase: a meeting name never spans them. */
const PHRASE_BREAK = /[\s,，。.;；:：?？!！、"“”'‘’()（）]|什么|哪些|哪个|哪|几|谁|的|是|了|在|那|这|吗|呢/;
/** `…会议`, `…常委会`, `…碰头会`, but not 社会, 机会, 协会, 学会, 开会. */
const MEETING_END = /会议|(?<![社机协学体理约聚宴都省工商开召领误教总])会(?!议)/g;
/** Ordinals and counters the question puts before the name (第几次, 那次, 两个). */
const LEADING_COUNTER = /^[第几次些个场届两三四五六七八九十]+/;
const DAY_WORDS = /\d{1,2}月\d{1,2}[日号](?:上午|下午|晚上?|早上|中午|凌晨)?/g;

/**
 * The meetings a text names (in search form, or as `form` gives it): each phrase up to its last
 * 会议/会, without the day and leading counters.
 */
export function meetingNames(text: string, form: (t: string) => string = toSearchForm): string[] {
  const names: string[] = [];
  for (const run of form(text).replace(DAY_WORDS, ' ').split(new RegExp(PHRASE_BREAK.source, 'g'))) {
    let end = -1;
    for (const m of run.matchAll(MEETING_END)) end = m.index + m[0].length;
    if (end < 0) continue;
    const name = run.slice(0, end).replace(LEADING_COUNTER, '');
    // A bare 会议 / 会 names no meeting in particular.
    if (name.replace(/会议$|会$/, '').length >= 1) names.push(name);
  }
  return names;
}

/** The first meeting the question names (search form). */
export function askedMeeting(question: string): string | undefined {
  return meetingNames(question)[0];
}

/** `秦安县委常委会议` → `县委常委会议`: a place name before 省/市/县/区/镇/乡 dropped. */
function withoutPlace(name: string): string | undefined {
  const m = /^\p{Script=Han}{2,3}?(?=[省市县区镇乡])/u.exec(name);
  const rest = m ? name.slice(m[0].length) : '';
  return rest.length >= 4 ? rest : undefined;
}

/**
 * What the question binds to its day: the meeting it names, and the reports' people it names.
 * Undefined when it binds nothing (or names no day in Chinese: English questions come translated, word by word).
 */
export function dayBinding(question: string, knownPeople: ReadonlySet<string>): DayBinding | undefined {
  const q = toSearchForm(question);
  if (!/\d{1,2}月\d{1,2}[日号]/.test(q)) return undefined;
  const meeting = askedMeeting(q);
  // Every 2–6 character stretch of the question looked up, not every known name scanned: cheap at any corpus size.
  const chars = [...q];
  const people = new Set<string>();
  for (let i = 0; i < chars.length; i++) {
    for (let n = 2; n <= 6 && i + n <= chars.length; n++) {
      const s = chars.slice(i, i + n).join('');
      if (knownPeople.has(s)) people.add(s);
    }
  }
  const offices = [...new Set((meeting ? q.replace(meeting, ' ') : q).match(OFFICE) ?? [])];
  if (!meeting && people.size === 0 && offices.length === 0) return undefined;
  return { ...(meeting ? { meeting, meetingNoPlace: withoutPlace(meeting) } : {}), people: [...people], offices };
}

/** The clauses of an article that name the day `monthDay` ("MM-DD"), each with the clause after it. */
function dayClauses(body: string, monthDay: string): string[] {
  const clauses = body.split(/[，,。；;！!？?\n]/);
  const out: string[] = [];
  clauses.forEach((c, i) => {
    if (textDates(c).some((d) => d.slice(-5) === monthDay)) out.push(`${c}，${clauses[i + 1] ?? ''}`);
  });
  return out;
}

/**
 * Whether the article names what the question binds to the day: the people and offices anywhere in it
 * (a report is about one day's event), the meeting in its headline, its meeting, or the clauses naming the day
 * (its lead sentence when no clause names the day in so many words: 昨日, 今(15)日).
 */
export function articleBinds(article: Article, monthDay: string, binding: DayBinding): boolean {
  if (binding.people.length || binding.offices.length) {
    const text = toSearchForm(`${article.headline}\n${article.body}`);
    if (![...binding.people, ...binding.offices].every((p) => text.includes(p))) return false;
  }
  const asked = binding.meeting;
  if (!asked) return true;
  const clauses = dayClauses(article.body, monthDay);
  // Meeting names, not whole clauses: a title such as 县委常委 in a clause is no 县委常委会.
  const names = [
    article.headline,
    article.meeting ?? '',
    ...(clauses.length ? clauses : [splitSentences(article.body)[0]?.text ?? '']).flatMap((c) => meetingNames(c)),
  ]
    .filter(Boolean)
    .map(toSearchForm);
  if (names.some((s) => namesMeeting(s, asked) || (binding.meetingNoPlace !== undefined && namesMeeting(s, binding.meetingNoPlace))))
    return true;
  // A meeting asked by its activity alone (学习会议, 座谈会) names no body to tell it from another: a report
  // that names the day and that activity with it, in its headline or the day's clauses, reports it.
  const activity = asked.replace(/会议$|会$/, '');
  if (activity.length < 2 || activity.length > MAX_ACTIVITY) return false;
  return [article.headline, ...clauses].some((c) => toSearchForm(c).includes(activity));
}

/** Longest activity word a meeting may be asked by alone (学习, 座谈, 动员): longer names a body (常委会, 人大常委会). */
const MAX_ACTIVITY = 2;

const peopleCache = new WeakMap<readonly Article[], Set<string>>();

/** The people every article names (search form), for `dayBinding`; computed once per article list. */
export function knownPeople(articles: readonly Article[]): Set<string> {
  let names = peopleCache.get(articles);
  if (names) return names;
  names = new Set<string>();
  // Each article's people read in passing: the records are not kept for this.
  const namesOf = passingRecords();
  for (const a of articles) for (const p of namesOf(a).people) if (p.name.length >= 2) names.add(toSearchForm(p.name));
  peopleCache.set(articles, names);
  return names;
}
