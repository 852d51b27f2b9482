/**
 * Answers and lookups as Discord embeds (pure). Everything quoted from users or reports is
 * Markdown-escaped; every Discord limit is respected by splitting at sentence boundaries across
 * embeds and, when one message cannot hold them all, across messages.
 */
import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { Answer, ArticleSummary, Citation, MeetingInfo } from '../retrieval/types.ts';
import { LIMITS } from './limits.ts';
import { splitText, truncate } from './split-text.ts';
import { mergeRanges } from '../retrieval/citations.ts';
import { pageLabel, understoodLine } from '../retrieval/render-text.ts';

export const COLORS = { answer: 0x2b6cb0, abstained: 0x8a8a8a, lookup: 0x2f855a } as const;

/** One Discord message's worth of embeds (≤ 10 embeds, ≤ 6,000 characters in total). */
export type EmbedPage = APIEmbed[];

/**
 * Escapes Markdown in quoted text (questions, reports): inline markers, links, mentions/timestamps
 * and line-start blocks (headings, quotes, lists). Linear-time, unlike discord.js `escapeMarkdown`,
 * which took ~250 ms on a 5,000-character article body.
 */
export function escape(text: string): string {
  return (
    text
      .replace(/[\\*_~`|[\]()<]/g, '\\$&')
      // `>>> ` opens a multi-line quote: escaping its first `>` is enough.
      .replace(/^(\s*)([#>-])(?=[\s#>])/gm, '$1\\$2')
      .replace(/^(\s*\d+)\.(?=\s)/gm, '$1\\.')
  );
}

/** `[1] 标题 · 2021-01-12` */
export function citationHeading(c: Pick<Citation, 'n' | 'headline' | 'date' | 'source' | 'page'>): string {
  const page = pageLabel(c);
  return `[${c.n}] ${escape(c.headline)}${c.date ? ` · ${c.date}` : ''}${page ? ` · ${escape(page)}` : ''}`;
}

/** Merges and clamps highlight ranges so they can be wrapped in bold without overlap. */
function normaliseRanges(ranges: Array<[number, number]>, length: number): Array<[number, number]> {
  return mergeRanges(ranges.map(([s, e]) => [Math.max(0, s), Math.min(length, e)] as [number, number]).filter(([s, e]) => e > s));
}

/** The excerpt, escaped, with the answering words in bold. */
export function formatExcerpt(c: Pick<Citation, 'excerpt' | 'highlights'>): string {
  const text = c.excerpt;
  let out = '';
  let at = 0;
  for (const [s, e] of normaliseRanges(c.highlights, text.length)) {
    out += escape(text.slice(at, s)) + '**' + escape(text.slice(s, e)) + '**';
    at = e;
  }
  return out + escape(text.slice(at));
}

function citationBlock(c: Citation): string {
  const excerpt = formatExcerpt(c)
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
  return `**${citationHeading(c)}**\n${excerpt}`;
}

function embedSize(e: APIEmbed): number {
  return (
    (e.title?.length ?? 0) +
    (e.description?.length ?? 0) +
    (e.footer?.text.length ?? 0) +
    (e.author?.name.length ?? 0) +
    (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

export interface EmbedSpec {
  title: string;
  /** Paragraphs of the description, in order; kept whole where they fit. */
  blocks: string[];
  color: number;
  fields?: APIEmbedField[];
  footer?: string;
}

/** Packs a title, paragraphs and fields into embeds and messages within every Discord limit. */
export function layoutEmbeds(spec: EmbedSpec): EmbedPage[] {
  const title = truncate(spec.title, LIMITS.embedTitle);
  const footer = spec.footer ? truncate(spec.footer, LIMITS.footer) : undefined;
  const fields = (spec.fields ?? []).slice(0, LIMITS.embedFields).map((f) => ({
    ...f,
    name: truncate(f.name, LIMITS.fieldName),
    value: truncate(f.value || '—', LIMITS.fieldValue),
  }));
  // Room for each embed's description: the first also carries the title and fields, and any embed
  // may be the last one, which carries the footer; so each fits a message on its own.
  const fixedFirst = title.length + fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
  const room = (i: number) => Math.min(LIMITS.embedDescription, LIMITS.embedTotal - (footer?.length ?? 0) - (i === 0 ? fixedFirst : 0));

  const descriptions: string[] = [];
  let current = '';
  const queue = [...spec.blocks];
  while (queue.length) {
    const block = queue.shift()!;
    const max = room(descriptions.length);
    const joined = current ? `${current}\n\n${block}` : block;
    if (joined.length <= max) {
      current = joined;
    } else if (current) {
      descriptions.push(current);
      current = '';
      queue.unshift(block);
    } else {
      const [head, ...rest] = splitText(block, max);
      descriptions.push(head!);
      queue.unshift(...rest);
    }
  }
  if (current || descriptions.length === 0) descriptions.push(current || '—');

  const embeds: APIEmbed[] = descriptions.map((description, i) => ({
    color: spec.color,
    ...(i === 0 ? { title } : {}),
    description,
    ...(i === 0 && fields.length ? { fields } : {}),
  }));
  if (footer) embeds[embeds.length - 1]!.footer = { text: footer };

  const pages: EmbedPage[] = [];
  let page: APIEmbed[] = [];
  let size = 0;
  for (const e of embeds) {
    const s = embedSize(e);
    if (page.length && (page.length === LIMITS.embedsPerMessage || size + s > LIMITS.embedTotal)) {
      pages.push(page);
      page = [];
      size = 0;
    }
    page.push(e);
    size += s;
  }
  pages.push(page);
  return pages;
}

/** An answer: the short answer, then each citation with its excerpt; or a plain abstention with related reports. */
export function renderAnswer(answer: Answer): EmbedPage[] {
  // A follow-up resolved against its conversation says how it was read, in italics above the answer.
  const understood = understoodLine(answer);
  const blocks = [...(understood ? [`*${escape(understood)}*`] : []), escape(answer.answer)];
  if (answer.outcome === 'closest') {
    // Passages near the question, shown with their excerpts but labelled as no answer.
    blocks.push('最接近的段落（不是答案）/ Closest passages (not an answer):', ...answer.related.map(citationBlock));
  } else if (answer.abstained) {
    if (answer.related.length) {
      blocks.push('相关报道 / Related reports:\n' + answer.related.map((c) => citationHeading(c)).join('\n'));
    }
  } else {
    blocks.push(...answer.citations.map(citationBlock));
  }
  return layoutEmbeds({
    title: escape(answer.question),
    blocks,
    color: answer.abstained ? COLORS.abstained : COLORS.answer,
  });
}

/** One day's reports: headline, meeting and one-line lead for each. */
export function renderDate(date: string, articles: ArticleSummary[]): EmbedPage[] {
  const blocks = articles.length
    ? articles.map((a, i) => {
        const meeting = a.meeting ? `\n会议 / Meeting: ${escape(a.meeting)}` : '';
        return `**${i + 1}. ${escape(a.headline)}**${meeting}\n${escape(a.lead)}\n\`${a.id}\``;
      })
    : ['这一天没有报道。 / No reports on this day.'];
  return layoutEmbeds({ title: `${date} 的报道 / Reports`, blocks, color: COLORS.lookup });
}

/** One meeting: when, who chaired, who attended, and its key points with citations. */
export function renderMeeting(m: MeetingInfo): EmbedPage[] {
  const people = (names: string[]) => (names.length ? escape(names.join('、')) : '—');
  return layoutEmbeds({
    title: escape(m.name),
    color: COLORS.lookup,
    fields: [
      { name: '时间 / When', value: m.date ?? '未注明 / not given', inline: true },
      { name: '主持 / Chaired by', value: people(m.chaired), inline: true },
      { name: '出席 / Attended', value: people(m.attended) },
      ...(m.observed.length ? [{ name: '列席 / Sat in', value: people(m.observed) }] : []),
    ],
    blocks: [
      `报道 / Report: ${escape(m.headline)} \`${m.articleId}\``,
      ...(m.keyPoints.length ? m.keyPoints.map(citationBlock) : ['没有提取到要点。 / No key points found.']),
    ],
  });
}

/** A short notice (errors, refusals, progress) as plain message content. */
export function notice(text: string): string {
  return truncate(text, LIMITS.content);
}
