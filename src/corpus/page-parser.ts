/**
 * One OCR'd newspaper page → its articles. Articles open with 本报讯 and close with a byline; the
 * headlines may be printed apart (this paper prints them after the last article) and are matched back
 * by content. Lines broken at column width are joined again; a blank line ends a paragraph only when
 * the text before it ends a sentence.
 */
import { separateFormFields } from './form-fields.ts';
import type { Article } from './types.ts';
import { normaliseUnicode, tightenSpacing } from '../text/normalise.ts';
import { CLOSERS, COLONS, ELLIPSIS, SEMICOLONS, STOPS } from '../text/punctuation.ts';
import { isBylineLine, isDeskLine, parseByline, type Byline } from './byline.ts';
import { bracketedNames } from './web-text.ts';
import { HEADLINE_SHARE, groupHeadlines, headlineUnits, isStrayLine, matchHeadlines, type HeadlineGroup } from './headline-block.ts';
import { bigrams, containment } from './similarity.ts';
import { leadSentence, readLead } from './lead.ts';
import { makeArticle } from './article.ts';
import { dateNear, findMonthDay, inferYear, isoDate, normaliseDate } from './dates.ts';
import { textDates } from './event-dates.ts';
import { findMasthead } from './masthead.ts';
import { extractPeople } from './people.ts';

export interface PageMeta {
  /**
   * The issue's date (front matter); gives the year, or the whole date when the text prints none. Without
   * it, the date the page header or footer prints does the same.
   */
  date?: string;
  /** Used as the headline when the page is a single article without a printed headline. */
  title?: string;
  /** Article ids are `${idPrefix}-${n}`; defaults to the source's file name without extension. */
  idPrefix?: string;
  /** The page of a multi-page file (a PDF), kept on each article. */
  page?: number;
}

const ARTICLE_OPENER = /^[（(【]?本[报報][讯訊]/;
/** "本报讯（记者 孙庆辉）" and the like: the dateline, with an optional credit in brackets. */
const DATELINE = /^[【[]?本[报報][讯訊][】\]]?\s*(?:[（(]([^）)]{1,40})[）)])?\s*/;
/** The end of a name a column carried to a line of its own. */
const BYLINE_CARRY = /^\p{Script=Han}{1,3}$/u;
/** A `——` subtitle under a headline: a phrase that may list things (、，) but ends no sentence. */
const SUBTITLE_LINE = /^[—─-]{1,2}[^。！？；：!?;:]{2,40}$/;
/** A block above an article goes to another article only when it fits that one at least this well. */
const POSITIONAL_VETO = 0.3;
/** A dateline whose bracketed credit is still open at the end of the line. */
const DATELINE_OPEN = /^[【[]?本[报報][讯訊][】\]]?\s*[（(][^）)]{0,40}$/;
/** A credit runs over at most this many further column lines. */
const MAX_CREDIT_LINES = 2;
/** A paragraph continues past a blank line unless the text before it ends a sentence. */
const SENTENCE_FINAL = new RegExp(`[${STOPS}${SEMICOLONS}${COLONS}${ELLIPSIS}]$`);
const TRAILING_CLOSERS = new RegExp(`[${CLOSERS}]+$`);
const SENTENCE_PUNCT = /[，。；：！？、,;!?]/;
/**
 * A line this long is a paragraph printed on one line (text copied from a web page), not a column
 * line: columns of the papers seen break at 12–40 characters. Headline lines right above such a line
 * are the headline, with no blank line between (`区…第44次会议召开` over `1月19日上午，…`).
 */
const PARAGRAPH_LINE = 60;

interface Segment {
  body: string[];
  byline: string[];
  datelineCredit?: string;
}

/** Headline lines printed together, and the article printed right below them, when one is. */
interface HeadlineSlot {
  lines: string[];
  above?: number;
}

export function parsePage(text: string, source: string, meta: PageMeta = {}): Article[] {
  const raw = normaliseUnicode(text)
    .split('\n')
    .map((l) => l.replace(/\s+$/, ''));
  // Page headers and footers are neither headline nor body; blanking keeps the paragraph breaks.
  const masthead = findMasthead(raw);
  const furniture = new Set(masthead.lines);
  const lines = raw.map((l, i) => (furniture.has(i) || isDeskLine(l) ? '' : l));
  const { segments, slots } = segment(lines);
  const bodies = segments.map((s) => {
    const { lines: body, standalone } = separateFormFields(s.body);
    return joinLines(body, standalone);
  });
  const leads = bodies.map(leadSentence);
  const matched = placeHeadlines(slots, leads, bodies);

  const pageText = bodies.join('\n');
  const metaDate = (meta.date ? normaliseDate(meta.date) : undefined) ?? masthead.date;
  const pageYear = metaDate ? Number(metaDate.slice(0, 4)) : inferYear(pageText);
  const pageMonthDay = findMonthDay(pageText);
  const prefix = meta.idPrefix ?? idPrefixOf(source);

  const articles: Article[] = [];
  segments.forEach((seg, i) => {
    const body = bodies[i];
    if (body === '') return;
    const lead = leads[i];
    const facts = readLead(lead);
    const group = matched.get(i);
    const credits = parseByline([...(seg.datelineCredit ? [seg.datelineCredit] : []), ...seg.byline]);
    const single = segments.length === 1;
    const given = group?.headline ?? (single && meta.title ? meta.title : undefined);
    const { date, dateInferred } = articleDate(lead, pageMonthDay, metaDate, pageYear);
    const eventDates = textDates(body, { issue: metaDate, articleDate: date });
    articles.push(
      makeArticle(
        {
          headline: given,
          subtitle: group ? group.subtitles.join(' / ') : '',
          date,
          dateInferred,
          eventDates,
          meeting: facts.meeting,
          reporters: credits.reporters,
          photographers: credits.photographers,
          contributors: credits.contributors,
          people: [...extractPeople(body), ...creditedPeople(credits)],
          body,
          ...(meta.page !== undefined ? { page: meta.page } : {}),
        },
        { source, idPrefix: prefix, ordinal: articles.length + 1 },
      ),
    );
  });
  return articles;
}

function articleDate(
  lead: string,
  pageMonthDay: ReturnType<typeof findMonthDay>,
  metaDate: string | undefined,
  pageYear: number | undefined,
): { date?: string; dateInferred: boolean } {
  const md = findMonthDay(lead) ?? pageMonthDay;
  if (!md) return { date: metaDate, dateInferred: false };
  if (md.year) return { date: isoDate(md.year, md.month, md.day), dateInferred: false };
  if (metaDate) return { date: dateNear(metaDate, md.month, md.day), dateInferred: false };
  if (pageYear === undefined) return { date: undefined, dateInferred: false };
  const date = isoDate(pageYear, md.month, md.day);
  return { date, dateInferred: date !== undefined };
}

/**
 * Headline groups → articles. A block printed right above an article that forms a single group is that
 * article's headline (layouts that print each headline over its article), unless its words fit another
 * article better; every other block is pooled and matched by content, as the shipped paper needs.
 */
function placeHeadlines(slots: HeadlineSlot[], leads: string[], bodies: string[]): Map<number, HeadlineGroup> {
  const placed = new Map<number, HeadlineGroup>();
  const pooled: string[] = [];
  const leadSets = leads.map(bigrams);
  for (const slot of slots) {
    if (slot.above !== undefined && !placed.has(slot.above)) {
      const k = slot.above;
      const groups = groupHeadlines(headlineUnits(slot.lines, [leads[k]]), leads);
      if (groups.length === 1) {
        const h = bigrams(groups[0].headline);
        const own = containment(h, leadSets[k]);
        const elsewhere = leadSets.some((l, j) => j !== k && containment(h, l) >= POSITIONAL_VETO && containment(h, l) > own);
        if (!elsewhere) {
          placed.set(k, groups[0]);
          continue;
        }
      }
    }
    pooled.push(...slot.lines, '');
  }
  // Articles that already have their headline take no other.
  const openLeads = leads.map((l, i) => (placed.has(i) ? '' : l));
  const matched = matchHeadlines(groupHeadlines(headlineUnits(pooled), openLeads), openLeads, bodies);
  for (const [i, g] of matched) placed.set(i, g);
  return placed;
}

function creditedPeople(credits: Byline): Article['people'] {
  return [...credits.reporters, ...credits.contributors].map((name) => ({
    name,
    title: credits.creditedAs[name] ?? '',
    roles: ['reported'],
  }));
}

/** Splits the page into articles (body + byline lines) and the blocks of headline lines between them. */
function segment(printed: string[]): { segments: Segment[]; slots: HeadlineSlot[] } {
  // A copy: bylines the column cut are rejoined in place.
  const lines = [...printed];
  const starts = lines.flatMap((l, i) => (ARTICLE_OPENER.test(l.trim()) ? [i] : []));
  const slots: HeadlineSlot[] = [];
  const ranges: Array<[number, number]> = [];
  if (starts.length === 0) {
    // No dateline: the whole page is one article, its headline printed above or below it.
    const [from, to] = trimHeadlineParagraphs(lines, 0, lines.length, []);
    slots.push({ lines: lines.slice(0, from), above: 0 }, { lines: lines.slice(to) });
    ranges.push([from, to]);
  } else {
    slots.push({ lines: lines.slice(0, starts[0]), above: 0 });
    starts.forEach((s, k) => ranges.push([s, k + 1 < starts.length ? starts[k + 1] : lines.length]));
  }

  const segments = ranges.map(([from, to], k) => {
    const next = starts.length > 0 && k + 1 < starts.length ? k + 1 : undefined;
    // The byline is the last run of byline lines; whatever follows it is headline material.
    let last = -1;
    for (let i = to - 1; i >= from; i--) {
      if (isBylineLine(lines[i])) {
        last = i;
        break;
      }
      // `记者 赵强 通讯员 李` / `娜`: the column carried the end of a name over; read the byline whole.
      if (i - 1 >= from && BYLINE_CARRY.test(lines[i].trim()) && !isBylineLine(lines[i - 1])) {
        const whole = lines[i - 1].trimEnd() + lines[i].trim();
        if (isBylineLine(whole)) {
          lines[i - 1] = whole;
          lines[i] = '';
          last = i - 1;
          break;
        }
      }
    }
    let bodyEnd = to;
    const byline: string[] = [];
    const tail: string[] = [];
    let afterCredit: string[] = [];
    if (last >= 0) {
      let first = last;
      while (
        first - 1 >= from &&
        (isBylineLine(lines[first - 1]) || (lines[first - 1].trim() === '' && first - 2 >= from && isBylineLine(lines[first - 2])))
      )
        first--;
      for (let i = first; i <= last; i++) if (lines[i].trim() !== '') byline.push(lines[i]);
      if (next !== undefined) {
        // Between two articles, what follows a byline is printed above the next one: never this body.
        tail.push(...lines.slice(last + 1, to));
      } else {
        // Headline-like paragraphs after the last byline are the headline block; real text there (a
        // credit printed mid-article, a caption) stays in the body rather than being lost.
        const [, tailEnd] = trimHeadlineParagraphs(lines, last + 1, to, tail, false);
        afterCredit = lines.slice(last + 1, tailEnd);
      }
      bodyEnd = first;
    } else if (starts.length > 0) {
      bodyEnd = trimHeadlineParagraphs(lines, from, to, tail, false)[1];
    } else {
      // A writer's name alone in brackets on the last line (（王某）): the closing credit of a report.
      let j = to - 1;
      while (j > from && lines[j].trim() === '') j--;
      const names = j > from ? bracketedNames(lines[j]) : [];
      // Read, and left in the text as printed.
      if (names.length) byline.push(`记者 ${names.join(' ')}`);
    }
    if (starts.length > 0) slots.push({ lines: tail, above: next });
    const body = [...lines.slice(from, bodyEnd), '', ...afterCredit];
    const datelineCredit = takeDatelineCredit(body);
    return { body, byline, datelineCredit };
  });
  return { segments, slots };
}

/**
 * Removes the dateline (本报讯 and its bracketed credit) from the first line of `body`, in place, and
 * returns the credit. A credit the column cut (`（记者 刘佳 通讯员 陈` / `晓）…`) is first joined again,
 * so it is read like the one-line form and never left at the start of the body.
 */
function takeDatelineCredit(body: string[]): string | undefined {
  const first = body.findIndex((l) => l.trim() !== '');
  if (first < 0) return undefined;
  let head = body[first].trim();
  const joined: number[] = [];
  if (DATELINE_OPEN.test(head)) {
    for (let i = first + 1; i < body.length && joined.length < MAX_CREDIT_LINES; i++) {
      if (body[i].trim() === '') continue;
      head += body[i].trim();
      joined.push(i);
      if (!DATELINE_OPEN.test(head)) break;
    }
  }
  const m = DATELINE.exec(head);
  if (!m) return undefined;
  // Only a credit that closed lets the joined lines go; otherwise the lines stay as printed.
  if (m[1] === undefined && joined.length > 0) {
    body[first] = body[first].trim().slice(m[0].length);
    return undefined;
  }
  for (const i of joined) body[i] = '';
  body[first] = head.slice(m[0].length);
  return m[1];
}

/**
 * Moves leading (when `leading`) and trailing paragraphs that read as headlines (short lines without
 * sentence punctuation) into `out`; returns the remaining [from, to).
 */
function trimHeadlineParagraphs(lines: string[], from: number, to: number, out: string[], leading = true): [number, number] {
  const isHeadlineLine = (l: string) =>
    l.trim() === '' || (l.trim().length <= 32 && !SENTENCE_PUNCT.test(l)) || SUBTITLE_LINE.test(l.trim());
  let end = to;
  while (end > from) {
    let p = end;
    while (p > from && lines[p - 1].trim() === '') p--;
    let q = p;
    while (q > from && lines[q - 1].trim() !== '') q--;
    if (q === p || !lines.slice(q, p).every(isHeadlineLine)) break;
    out.unshift(...lines.slice(q, end));
    end = q;
  }
  let start = from;
  if (leading) {
    const lead: string[] = [];
    // What a page prints above everything (a page number, a site name) belongs to no paragraph.
    while (start < end && (lines[start].trim() === '' || isStrayLine(lines[start]))) lead.push(lines[start++]);
    while (start < end) {
      let p = start;
      while (p < end && lines[p].trim() === '') p++;
      let q = p;
      while (q < end && lines[q].trim() !== '') q++;
      if (q === p || q === end) break;
      if (!lines.slice(p, q).every(isHeadlineLine)) {
        const k = headlineAboveParagraph(lines, p, q, isHeadlineLine);
        if (k > p) {
          lead.push(...lines.slice(start, k), '');
          start = k;
        }
        break;
      }
      lead.push(...lines.slice(start, q), '');
      start = q;
    }
    out.unshift(...lead);
  }
  return [start, end];
}

/**
 * The end of the headline lines that open the paragraph [p, q) right above a line printed as a whole
 * paragraph (at least PARAGRAPH_LINE characters and twice the headline's longest line), where the line
 * right above it is printed in it as a headline is in its lead (a credit line such as `波新聞─陶泰山/新北市`
 * is not); `p` when the paragraph does not open so.
 */
function headlineAboveParagraph(lines: string[], p: number, q: number, isHeadlineLine: (l: string) => boolean): number {
  let k = p;
  while (k < q && isHeadlineLine(lines[k])) k++;
  if (k === p || k === q) return p;
  const longest = Math.max(...lines.slice(p, k).map((l) => l.trim().length));
  const next = lines[k].trim().length;
  if (next < PARAGRAPH_LINE || next < 2 * longest) return p;
  return containment(bigrams(lines[k - 1]), bigrams(lines[k])) >= HEADLINE_SHARE ? k : p;
}

/** The default article-id prefix: the source's file name without its extension. */
export function idPrefixOf(source: string): string {
  return source
    .replace(/\\/g, '/')
    .split('/')
    .pop()!
    .replace(/\.[^.]+$/, '');
}

/** True when the text ends a sentence (closing quotes and brackets after the mark are allowed). */
function endsSentence(text: string): boolean {
  return SENTENCE_FINAL.test(text.replace(TRAILING_CLOSERS, ''));
}

/**
 * Column-width lines → paragraphs: lines always join; a blank line starts a new paragraph only after a
 * sentence end (OCR puts blank lines at column and page breaks mid-sentence). Spacing is repaired after.
 * `standalone` lines (a minutes header's fields, form-fields.ts) are paragraphs of their own.
 */
export function joinLines(lines: readonly string[], standalone: ReadonlySet<number> = new Set()): string {
  const paragraphs: string[] = [];
  let current = '';
  let blank = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '') {
      blank = true;
      continue;
    }
    if (standalone.has(i)) {
      if (current !== '') paragraphs.push(current);
      paragraphs.push(line);
      current = '';
    } else if (current === '') current = line;
    else if (blank && endsSentence(current)) {
      paragraphs.push(current);
      current = line;
    } else current = joinPair(current, line);
    blank = false;
  }
  if (current !== '') paragraphs.push(current);
  return paragraphs
    .map((p) => tightenSpacing(p).trim())
    .filter(Boolean)
    .join('\n');
}

/** Latin words broken at a line end get their space back; a hyphen at the break is a split word. */
function joinPair(a: string, b: string): string {
  if (/[A-Za-z]-$/.test(a) && /^[a-z]/.test(b)) return a.slice(0, -1) + b;
  if (/[A-Za-z0-9.,;:!?]$/.test(a) && /^[A-Za-z]/.test(b)) return `${a} ${b}`;
  if (/[A-Za-z]$/.test(a) && /^[0-9]/.test(b)) return `${a} ${b}`;
  return a + b;
}
