/**
 * What a written document (not a laid-out page) says of itself: the meeting its lead names and the
 * people it names with their titles and roles, and, for a report file without a given date, the date
 * its text prints (the lead's 月日, the year printed or inferred from the years it mentions). Shared by
 * plain text reports and JSONL archives, so who-questions work whatever form the reports came in.
 * A JSONL record's date is its `date` field only: an archive of other texts (an encyclopedia) prints
 * dates of what it describes, and a guessed date would wrongly answer a question's year filter
 * (measured on drcd-dev: false abstention 0.3% → 1.2%).
 */
import { findMonthDay, inferYear, isoDate } from './dates.ts';
import { textDates } from './event-dates.ts';
import { leadSentence, readLead } from './lead.ts';
import { extractPeople } from './people.ts';
import type { Person } from './types.ts';

export interface DocumentFacts {
  lead: string;
  date?: string;
  dateInferred: boolean;
  /** The days the text names (see event-dates.ts); absent when it names none. */
  eventDates?: string[];
  meeting?: string;
  people: Person[];
}

/** The facts an article carries (all but the lead), for `makeArticle`. */
export function articleFields(facts: DocumentFacts): Omit<DocumentFacts, 'lead'> {
  const { date, dateInferred, eventDates, meeting, people } = facts;
  return { date, dateInferred, eventDates, meeting, people };
}

export function documentFacts(body: string, givenDate?: string, dateFromText = true): DocumentFacts {
  const lead = leadSentence(body);
  let date = givenDate;
  let dateInferred = false;
  if (!date && dateFromText) {
    const md = findMonthDay(lead) ?? findMonthDay(body);
    const year = md?.year ?? inferYear(body);
    if (md && year !== undefined) {
      date = isoDate(year, md.month, md.day);
      dateInferred = md.year === undefined && date !== undefined;
    }
  }
  const eventDates = textDates(body, { issue: givenDate, articleDate: date });
  return {
    lead,
    date,
    dateInferred,
    ...(eventDates.length ? { eventDates } : {}),
    meeting: readLead(lead).meeting,
    people: extractPeople(body),
  };
}
