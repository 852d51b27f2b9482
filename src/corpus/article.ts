/**
 * The one constructor of an `Article`: every format's parser gives a draft (what it read), and this
 * fills every default (derived headline, empty credits, no subtitle …). Optional fields a draft lacks
 * stay absent, so stored indexes and their checksums keep the shape they had.
 */
import type { Article, Person } from './types.ts';
import { deriveHeadline, leadSentence, minutesMeeting } from './lead.ts';

/** What a parser read of one article; only the body is required. */
export interface ArticleDraft {
  body: string;
  /** Defaults to `${idPrefix}-${n}` (n counted from 1 among the file's articles). */
  id?: string;
  /** Defaults to the file's path relative to the input root. */
  source?: string;
  /** A printed or given headline; without one, one is derived from the lead sentence (and marked so). */
  headline?: string;
  subtitle?: string;
  date?: string;
  dateInferred?: boolean;
  eventDates?: string[];
  meeting?: string;
  reporters?: string[];
  photographers?: string[];
  contributors?: string[];
  people?: Person[];
  outlet?: string;
  /** The page of a multi-page file (a PDF) the article was printed on, from 1. */
  page?: number;
}

export interface ArticleContext {
  source: string;
  /** Ids are `${idPrefix}-${ordinal}` unless the draft gives one. */
  idPrefix: string;
  /** 1-based position of the article in its file. */
  ordinal: number;
}

export function makeArticle(draft: ArticleDraft, ctx: ArticleContext): Article {
  const headline = draft.headline;
  const meeting = draft.meeting ?? (headline ? minutesMeeting(headline) : undefined);
  return {
    id: draft.id ?? `${ctx.idPrefix}-${ctx.ordinal}`,
    source: draft.source ?? ctx.source,
    headline: headline ?? deriveHeadline(leadSentence(draft.body)),
    subtitle: draft.subtitle ?? '',
    headlineDerived: headline === undefined,
    date: draft.date,
    dateInferred: draft.dateInferred ?? false,
    ...(draft.eventDates?.length ? { eventDates: draft.eventDates } : {}),
    ...(meeting ? { meeting } : {}),
    reporters: draft.reporters ?? [],
    photographers: draft.photographers ?? [],
    ...(draft.contributors ? { contributors: draft.contributors } : {}),
    people: draft.people ?? [],
    body: draft.body,
    ...(draft.outlet ? { outlet: draft.outlet } : {}),
    ...(draft.page !== undefined ? { page: draft.page } : {}),
  };
}
