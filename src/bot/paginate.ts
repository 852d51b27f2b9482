/** A full article as pages that fit one embed each, with ◀ ▶ buttons whose ids carry the article and page. */
import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent, type APIEmbed } from 'discord.js';
import type { Article } from '../corpus/types.ts';
import { articlePageButtonId } from './custom-ids.ts';
import { COLORS, escape } from './render.ts';
import { LIMITS } from './limits.ts';
import { splitText, truncate } from './split-text.ts';

/** Room kept in each page's description for the header line on the first page. */
const HEADER_ROOM = 400;
const PAGE_SIZE = LIMITS.embedDescription - HEADER_ROOM;

export function articlePages(article: Article): string[] {
  const meta = [article.date, article.meeting, article.subtitle]
    .filter(Boolean)
    .map((s) => escape(s!))
    .join(' · ');
  const pages = splitText(escape(article.body), PAGE_SIZE);
  if (pages.length === 0) pages.push('—');
  // A long subtitle must not push the first page past the description limit ("*", "*\n\n": 4 more).
  if (meta) pages[0] = `*${truncate(meta, HEADER_ROOM - 4)}*\n\n${pages[0]}`;
  return pages;
}

export interface ArticlePage {
  embeds: APIEmbed[];
  components: Array<APIActionRowComponent<APIButtonComponent>>;
  /** The page actually shown (the requested one, clamped). */
  page: number;
  pageCount: number;
}

export function renderArticlePage(article: Article, requested: number): ArticlePage {
  const pages = articlePages(article);
  const page = Math.min(Math.max(0, requested), pages.length - 1);
  const embed: APIEmbed = {
    color: COLORS.lookup,
    title: truncate(escape(article.headline), LIMITS.embedTitle),
    description: pages[page],
    footer: { text: `第 ${page + 1}/${pages.length} 页 · Page ${page + 1} of ${pages.length} · ${article.id}` },
  };
  const prev = articlePageButtonId(article.id, page - 1);
  const next = articlePageButtonId(article.id, page + 1);
  const components: ArticlePage['components'] =
    pages.length > 1 && prev && next
      ? [
          {
            type: ComponentType.ActionRow,
            components: [
              { type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: prev, label: '◀', disabled: page === 0 },
              {
                type: ComponentType.Button,
                style: ButtonStyle.Secondary,
                custom_id: next,
                label: '▶',
                disabled: page === pages.length - 1,
              },
            ],
          },
        ]
      : [];
  return { embeds: [embed], components, page, pageCount: pages.length };
}
