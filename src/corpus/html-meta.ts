/**
 * The `<meta>` tags a saved news or government web page carries about its article: headline, date,
 * source and author. Chinese government sites use their own names (`ArticleTitle`, `PubDate`,
 * `ContentSource`); news sites Open Graph's. Data rows, each with a sample tag.
 */
export type HtmlMetaField = 'title' | 'date' | 'source' | 'author';

export interface HtmlMetaRow {
  field: HtmlMetaField;
  /** `name`, `property` or `itemprop` values, compared lower-cased; earlier rows win. */
  names: string[];
  example: string;
}

export const HTML_META: readonly HtmlMetaRow[] = [
  { field: 'title', names: ['articletitle'], example: '<meta name="ArticleTitle" content="高新区召开安全生产工作会议">' },
  { field: 'title', names: ['og:title', 'twitter:title'], example: '<meta property="og:title" content="高新区召开安全生产工作会议">' },
  {
    field: 'date',
    names: ['pubdate', 'publishdate', 'publish_date', 'publishtime'],
    example: '<meta name="PubDate" content="2021-03-05 10:20">',
  },
  {
    field: 'date',
    names: ['article:published_time', 'datepublished', 'og:release_date', 'date', 'dc.date'],
    example: '<meta property="article:published_time" content="2021-03-05T10:20:00+08:00">',
  },
  { field: 'source', names: ['contentsource', 'source', 'article:source'], example: '<meta name="ContentSource" content="高新区报">' },
  { field: 'author', names: ['author', 'article:author'], example: '<meta name="author" content="王小明">' },
];

const FIELD_OF = new Map(HTML_META.flatMap((row, rank) => row.names.map((n) => [n, { field: row.field, rank }] as const)));

/** The first value of each field, by row order, from `[name, content]` pairs. */
export function readHtmlMeta(tags: Iterable<[string, string]>): Partial<Record<HtmlMetaField, string>> {
  const best = new Map<HtmlMetaField, { rank: number; value: string }>();
  for (const [name, content] of tags) {
    const hit = FIELD_OF.get(name.trim().toLowerCase());
    const value = content.trim();
    if (!hit || value === '') continue;
    const current = best.get(hit.field);
    if (!current || hit.rank < current.rank) best.set(hit.field, { rank: hit.rank, value });
  }
  return Object.fromEntries([...best].map(([f, v]) => [f, v.value]));
}
