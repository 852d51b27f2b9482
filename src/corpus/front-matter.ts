/**
 * `.txt` / `.md` reports with optional front matter (`---\ntitle: …\ndate: 2021-01-12\n---`).
 * A body that reads as a newspaper page goes to the page parser; anything else is one article.
 */
import { separateFormFields } from './form-fields.ts';
import type { Article } from './types.ts';
import { normaliseUnicode, tightenSpacing } from '../text/normalise.ts';
import { ELLIPSIS, STOPS, classOf } from '../text/punctuation.ts';
import { idPrefixOf, parsePage } from './page-parser.ts';
import { makeArticle } from './article.ts';
import { normaliseDate } from './dates.ts';
import { articleFields, documentFacts } from './document-facts.ts';
import { isWebText, readWebText } from './web-text.ts';
import { isNewsList, webArticles } from './web-article.ts';
import { readSpeechHeader } from './speech-header.ts';

/**
 * A line ending in one of these ends its paragraph: sentence stops, the full-width ；：, an ellipsis,
 * or a closing quote or bracket (only the full-width semicolon and colon, unlike the page parser).
 */
const PARAGRAPH_END = new RegExp(`${classOf(STOPS, '；：', ELLIPSIS, '”’」』）)').source}$`);

export interface FrontMatter {
  /** Keys lower-cased; values unquoted. Empty when the file has none. */
  meta: Record<string, string>;
  body: string;
  hasFrontMatter: boolean;
}

/** The simple `key: value` form only (no nesting, lists or multi-line values). */
export function splitFrontMatter(text: string): FrontMatter {
  const t = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const m = /^\s*---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(t);
  if (!m) return { meta: {}, body: t, hasFrontMatter: false };
  const meta: Record<string, string> = {};
  for (const line of m[1].split('\n')) {
    const kv = /^\s*([A-Za-z_][\w-]*)\s*[:：]\s*(.*?)\s*$/.exec(line);
    if (!kv || line.trim().startsWith('#')) continue;
    meta[kv[1].toLowerCase()] = kv[2].replace(/^(["'])(.*)\1$/, '$2');
  }
  return { meta, body: t.slice(m[0].length), hasFrontMatter: true };
}

/** A dateline or a trailing block of short unpunctuated lines marks a printed page. */
function looksLikePage(body: string): boolean {
  if (/本[报報][讯訊]/.test(body)) return true;
  const paragraphs = body.trim().split(/\n\s*\n/);
  const last = paragraphs[paragraphs.length - 1]?.split('\n') ?? [];
  return paragraphs.length > 2 && last.every((l) => l.trim().length <= 32 && !/[，。；：！？、,;:!?]/.test(l));
}

export interface TextReportOptions {
  /** Markdown: a leading `# heading` is the title and lines are not OCR columns. */
  markdown?: boolean;
}

export function parseTextReport(text: string, source: string, opts: TextReportOptions = {}): Article[] {
  const { meta, body, hasFrontMatter } = splitFrontMatter(text);
  const date = meta.date ? normaliseDate(meta.date) : undefined;
  const title = meta.title?.trim() || undefined;
  const pageMeta = { date: meta.date, title };
  // A speech or work report (政府工作报告 / ——date在…会议上 / speaker / 各位代表：) is one article under its title.
  const speech = readSpeechHeader(normaliseUnicode(body));
  if (speech) {
    const [a] = plainArticle(speech.lines.join('\n'), source, { title: title ?? speech.title, date: date ?? speech.date, markdown: false });
    if (!a) return [];
    const people = a.people.filter((p) => p.name !== speech.speaker?.name);
    if (speech.speaker) people.unshift({ ...speech.speaker, title: speech.speaker.title || (a.people.find((p) => p.name === speech.speaker!.name)?.title ?? '') });
    return [{ ...a, subtitle: speech.occasion, meeting: speech.meeting, people, dateInferred: date === undefined && speech.date === undefined && a.dateInferred }];
  }
  if (!opts.markdown && !hasFrontMatter) {
    // Text copied from a web page, told by its furniture (labelled lines, breadcrumbs, share links …).
    const web = readWebText(body, { findTitle: true });
    if (isWebText(web)) return webArticles(web, source, { idPrefix: idPrefixOf(source) });
    // A list of short items under headline lines, copied without the page's furniture; a printed page
    // (本报讯 datelines, a trailing headline block) is the page parser's.
    if (!looksLikePage(body) && isNewsList(web)) return webArticles(web, source, { idPrefix: idPrefixOf(source) });
    return parsePage(body, source, pageMeta);
  }
  if (opts.markdown) {
    // A Markdown body copied from a web page: its furniture goes, and gives a date or title the front matter lacks.
    const web = readWebText(body, { findTitle: !title && !/^\s*#/.test(body) });
    if (isWebText(web)) {
      const cleaned = web.lines.join('\n');
      const webMeta = { date: meta.date ?? web.date, title: title ?? web.title };
      if (looksLikePage(cleaned)) return parsePage(cleaned, source, webMeta);
      const webDate = webMeta.date ? normaliseDate(webMeta.date) : undefined;
      return plainArticle(cleaned, source, { title: webMeta.title, date: webDate, markdown: true });
    }
  }
  if (looksLikePage(body)) return parsePage(body, source, pageMeta);
  return plainArticle(body, source, { title, date, markdown: opts.markdown ?? false });
}

function plainArticle(text: string, source: string, opts: { title?: string; date?: string; markdown: boolean }): Article[] {
  let lines = normaliseUnicode(text).split('\n');
  let heading: string | undefined;
  if (opts.markdown) {
    const h = lines.findIndex((l) => /^#{1,6}\s+\S/.test(l));
    if (h >= 0 && lines.slice(0, h).every((l) => l.trim() === '')) {
      heading = lines[h].replace(/^#+\s+/, '').trim();
      lines = lines.slice(h + 1);
    }
    lines = lines.map((l) => l.replace(/^#{1,6}\s+/, '').replace(/^\s*[-*+]\s+/, ''));
  }
  const fields = separateFormFields(lines);
  const body = paragraphs(fields.lines, fields.standalone);
  if (body === '') return [];
  const facts = documentFacts(body, opts.date);
  return [
    makeArticle(
      {
        headline: opts.title ?? heading,
        ...articleFields(facts),
        body,
      },
      { source, idPrefix: idPrefixOf(source), ordinal: 1 },
    ),
  ];
}

/**
 * Written (not OCR'd) text: a blank line ends a paragraph; so does a line break after a sentence end;
 * `standalone` lines (a minutes header's fields) are paragraphs of their own.
 */
function paragraphs(lines: readonly string[], standalone: ReadonlySet<number>): string {
  const out: string[] = [];
  let current = '';
  const flush = () => {
    if (current.trim() !== '') out.push(tightenSpacing(current).trim());
    current = '';
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '') {
      flush();
      continue;
    }
    if (standalone.has(i)) {
      flush();
      current = line;
      flush();
    } else if (current === '') current = line;
    else if (PARAGRAPH_END.test(current)) {
      flush();
      current = line;
    } else current += /[A-Za-z0-9,.]$/.test(current) && /^[A-Za-z0-9]/.test(line) ? ` ${line}` : line;
  }
  flush();
  return out.join('\n');
}
