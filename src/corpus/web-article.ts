/**
 * Web text (see web-text.ts) → articles. The furniture gave the headline, the publication date, the
 * source and credits; here the report's own lines become the body, with its dateline (`本报讯（记者 …）`,
 * `本网讯`, `又讯`) and a closing credit (`记者 张三`, `（李四）`, `（王五/文 赵六/摄）`) read as credits.
 * A page of several reports (`本报讯 …` then `又讯 …`) gives one article each. Lines are paragraphs as
 * the page printed them (web text is not broken at column width).
 */
import { separateFormFields } from './form-fields.ts';
import { textDates } from './event-dates.ts';
import type { Article } from './types.ts';
import { tightenSpacing } from '../text/normalise.ts';
import { STOPS } from '../text/punctuation.ts';
import { parseByline, type Byline } from './byline.ts';
import { dateNear, findMonthDay, inferYear, isoDate, normaliseDate } from './dates.ts';
import { leadSentence, readLead } from './lead.ts';
import { makeArticle } from './article.ts';
import { extractPeople } from './people.ts';
import { bracketedNames, creditLine, type WebText } from './web-text.ts';

/**
 * `本报讯`, `本网讯`, `又讯`, `某某新闻网讯`, `某某融媒体中心讯`, or a paper and its site (`三秦都市报—三秦网讯`),
 * with an optional credit in brackets.
 */
const DATELINE =
  /^[【[]?(?:\p{Script=Han}{1,12}?[报報网網台][—–-]{1,2})?(?:本[报報网網]|又|\p{Script=Han}{1,12}?(?:[报報网網台]|中心))[讯訊][】\]]?\s*(?:[（(]([^）)]{1,40})[）)])?\s*/u;
/** Only these open a further report on the same page. */
const NEXT_REPORT = /^[【[]?(?:本[报報]|又)[讯訊]/;
const SENTENCE_END = new RegExp(`[${STOPS}]`, 'g');

export interface WebArticleMeta {
  /** A title the file gives (front matter); wins over the page's headline line. */
  title?: string;
  /** A date the file gives (front matter); wins over the furniture's. */
  date?: string;
  /** An outlet the file gives (front matter `source:`). */
  source?: string;
  idPrefix: string;
}

export function webArticles(web: WebText, source: string, meta: WebArticleMeta): Article[] {
  const pageDate = (meta.date ? normaliseDate(meta.date) : undefined) ?? web.date;
  const title = meta.title ?? web.title;
  const outlet = meta.source ?? web.source;
  const list = web.labelled ? undefined : listItems(web.lines);
  const items = list ? list.map((l) => l.lines) : splitReports(web.lines);
  const titles = list ? [title, ...list.slice(1).map((l) => l.title)] : [];
  const pageText = items.flat().join('\n');
  const pageYear = pageDate ? Number(pageDate.slice(0, 4)) : inferYear(pageText);
  const articles: Article[] = [];
  for (const item of items) {
    const credits: string[] = articles.length === 0 ? [...web.credits] : [];
    // Credits are read before spacing is repaired: the spaces between names separate them.
    // Every line of web text is a paragraph already: a minutes header needs only its labels joined to their values.
    const lines = separateFormFields(item.map((l) => l.trim()).filter((l) => l !== '')).lines;
    if (lines.length === 0) continue;
    const dateline = DATELINE.exec(lines[0]);
    if (dateline && dateline[0].length < lines[0].length) {
      if (dateline[1]) credits.push(readCredit(`(${dateline[1]})`) ?? dateline[1]);
      lines[0] = lines[0].slice(dateline[0].length);
    }
    // `（记者 张三）`, and Taiwan's `〔記者丁偉杰、林宜樟/嘉義報導〕`.
    const opening = /^[（(〔［[]([^）)〕］\]]{2,40})[）)〕］\]]\s*/.exec(lines[0]);
    const openingCredit = opening && opening[0].length < lines[0].length ? creditLine(opening[1]) : undefined;
    if (openingCredit) {
      credits.push(openingCredit);
      lines[0] = lines[0].slice(opening![0].length);
    }
    closingCredit(lines, credits);
    const body = lines
      .map(tightenSpacing)
      .filter((l) => l !== '')
      .join('\n');
    if (body === '') continue;
    const lead = leadSentence(body);
    const byline = parseByline(credits);
    // `作者：` names the writers without their role: those the credits do not already name are reporters.
    if (articles.length === 0) {
      const named = new Set([...byline.reporters, ...byline.contributors, ...byline.photographers]);
      for (const name of web.authors) if (!named.has(name)) byline.reporters.push(name);
    }
    const { date, dateInferred } = articleDate(lead, body, pageDate, pageYear);
    // The days the text names, read against the page's date (see event-dates.ts), as for every other format.
    const eventDates = textDates(body, { issue: pageDate, articleDate: date });
    articles.push(
      makeArticle(
        {
          headline: list ? titles[articles.length] : title,
          date,
          dateInferred,
          meeting: readLead(lead).meeting,
          reporters: byline.reporters,
          photographers: byline.photographers,
          contributors: byline.contributors,
          people: [...extractPeople(body), ...creditedPeople(byline)],
          body,
          eventDates,
          outlet,
        },
        { source, idPrefix: meta.idPrefix, ordinal: articles.length + 1 },
      ),
    );
  }
  return articles;
}

/**
 * Whether text with no web furniture is still a news list (a column of short items, each under its
 * headline line, as copied from a 政情/简讯 page): it is read as web text then, one article an item.
 */
export function isNewsList(web: WebText): boolean {
  return !web.labelled && web.title !== undefined && listItems(web.lines) !== undefined;
}

/** A line that reads as a headline: short, and no sentence in it. */
const HEADLINE_SHAPE = /^[^。！？；，,;!?]{5,48}$/;
/** A list page holds at least this many items, each under its own headline. */
const MIN_LIST_ITEMS = 3;

/**
 * A news list page (no 发布时间/来源 lines; several items, each a headline line after a blank line,
 * following a finished sentence and followed by its text): one item each, under its headline. The
 * page's headline line (already taken) heads the first item.
 */
function listItems(lines: string[]): Array<{ title?: string; lines: string[] }> | undefined {
  const heads: number[] = [];
  let previous = '';
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k].trim();
    if (line === '') continue;
    const afterBlank = k > 0 && lines[k - 1].trim() === '';
    const next =
      lines
        .slice(k + 1)
        .find((l) => l.trim() !== '')
        ?.trim() ?? '';
    if (afterBlank && /[。！？]$/.test(previous) && HEADLINE_SHAPE.test(line) && /[。，,]/.test(next)) heads.push(k);
    previous = line;
  }
  if (heads.length + 1 < MIN_LIST_ITEMS) return undefined;
  const items = [{ lines: lines.slice(0, heads[0]) }];
  heads.forEach((h, j) =>
    items.push({ title: lines[h].trim(), lines: lines.slice(h + 1, heads[j + 1] ?? lines.length) } as { title?: string; lines: string[] }),
  );
  return items;
}

/** Splits at a second dateline (`又讯`, another `本报讯`) that opens a line. */
function splitReports(lines: string[]): string[][] {
  const items: string[][] = [[]];
  let seenText = false;
  for (const line of lines) {
    if (seenText && NEXT_REPORT.test(line.trim())) items.push([]);
    items[items.length - 1].push(line);
    if (line.trim() !== '') seenText = true;
  }
  return items;
}

/** Takes a closing credit off the last line (all of it, or what follows its last sentence), in place. */
function closingCredit(lines: string[], credits: string[]): void {
  const k = lines.length - 1;
  if (k < 0) return;
  const last = lines[k].replace(/\s*[|｜]+\s*$/, '').trim();
  const whole = readCredit(last);
  if (whole) {
    credits.push(whole);
    lines[k] = '';
    return;
  }
  let end = -1;
  for (const m of last.matchAll(SENTENCE_END)) end = m.index! + 1;
  // A closing bracket or quote right after the sentence end belongs to the sentence.
  while (end > 0 && end < last.length && /[”’」』"']/.test(last[end])) end++;
  if (end <= 0 || end >= last.length) {
    lines[k] = last;
    return;
  }
  const tail = readCredit(last.slice(end).trim());
  if (tail) {
    credits.push(tail);
    lines[k] = last.slice(0, end);
  } else lines[k] = last;
}

function readCredit(text: string): string | undefined {
  const credit = creditLine(text);
  if (credit) return credit;
  const names = bracketedNames(text);
  return names.length > 0 ? `记者 ${names.join(' ')}` : undefined;
}

function articleDate(
  lead: string,
  body: string,
  pageDate: string | undefined,
  pageYear: number | undefined,
): { date?: string; dateInferred: boolean } {
  const md = findMonthDay(lead) ?? findMonthDay(body);
  if (!md) return { date: pageDate, dateInferred: false };
  if (md.year) return { date: isoDate(md.year, md.month, md.day), dateInferred: false };
  if (pageDate) return { date: dateNear(pageDate, md.month, md.day), dateInferred: false };
  if (pageYear === undefined) return { date: undefined, dateInferred: false };
  const date = isoDate(pageYear, md.month, md.day);
  return { date, dateInferred: date !== undefined };
}

function creditedPeople(credits: Byline): Article['people'] {
  return [...credits.reporters, ...credits.contributors].map((name) => ({
    name,
    title: credits.creditedAs[name] ?? '',
    roles: ['reported'],
  }));
}
