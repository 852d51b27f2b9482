/**
 * `.html` / `.htm`: a saved news or government web page. The article's main text is found by Mozilla's
 * Readability (the engine of Firefox's reader view) over a linkedom document; headline, date, source and
 * author come from the meta tags (html-meta.ts) and from the page's labelled lines (`发布时间：… 来源：…`),
 * which Readability often leaves out with the rest of the page furniture. The text then goes through the
 * same web-text rules as text copied from a web page (web-text.ts), so the two never disagree.
 */
import type { Readability as ReadabilityClass } from '@mozilla/readability';
import { readHtmlMeta } from '../html-meta.ts';
import { normaliseDate } from '../dates.ts';
import { idPrefixOf } from '../page-parser.ts';
import { readLabelledLine, readWebText } from '../web-text.ts';
import { webArticles } from '../web-article.ts';
import type { ReportFormat } from './types.ts';

/** Elements whose end is a line break in the page's text. */
const BLOCK = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TD',
  'TH',
  'TR',
  'UL',
  'CENTER',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'SELECT', 'BUTTON']);
/** Labelled lines the page prints about the article (not its views counter or font-size links). */
const ARTICLE_FIELDS = new Set(['date', 'source', 'author', 'photographer', 'editor']);

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

/** The text of a DOM subtree, one line per block element (web text is not broken at column width). */
export function domText(node: DomNode): string {
  const out: string[] = [];
  const walk = (n: DomNode) => {
    if (n.nodeType === 3) {
      out.push((n.textContent ?? '').replace(/[\s\u00a0]+/g, ' '));
      return;
    }
    if (n.nodeType !== 1 && n.nodeType !== 9 && n.nodeType !== 11) return;
    const tag = n.nodeName.toUpperCase();
    if (SKIP.has(tag)) return;
    if (tag === 'BR') {
      out.push('\n');
      return;
    }
    const block = BLOCK.has(tag);
    if (block) out.push('\n');
    for (let i = 0; i < n.childNodes.length; i++) walk(n.childNodes[i]);
    if (block) out.push('\n');
  };
  walk(node);
  return out
    .join('')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join('\n');
}

export const htmlFormat: ReportFormat = {
  name: 'saved web page',
  extensions: ['.html', '.htm'],
  maxBytes: 20 * 1024 * 1024,
  binary: false,
  parse: async (html, ctx) => {
    // Loaded on first use: most builds read no web page.
    const [{ Readability }, { parseHTML }] = await Promise.all([import('@mozilla/readability'), import('linkedom')]);
    const { document } = parseHTML(html as string);
    const tags: Array<[string, string]> = [];
    for (const m of document.querySelectorAll('meta')) {
      const name = m.getAttribute('name') ?? m.getAttribute('property') ?? m.getAttribute('itemprop');
      if (name) tags.push([name, m.getAttribute('content') ?? '']);
    }
    const meta = readHtmlMeta(tags);
    // The labelled lines the whole page prints (Readability keeps only the article's own text).
    const labelled = domText(document as unknown as DomNode)
      .split('\n')
      .filter((l) => readLabelledLine(l, 'head')?.some((v) => ARTICLE_FIELDS.has(v.field)));
    const pageTitle = document.querySelector('title')?.textContent?.trim();
    // Readability changes the document it reads, so it gets its own.
    const article = new Readability(parseHTML(html as string).document as unknown as ConstructorParameters<typeof ReadabilityClass>[0], {
      charThreshold: 50,
    }).parse();
    const content = article?.content
      ? domText(parseHTML(`<!doctype html><html><body>${article.content}</body></html>`).document as unknown as DomNode)
      : '';
    if (content.trim() === '') return { articles: [], skip: 'no article text found in the web page' };
    const title = meta.title ?? article?.title?.trim() ?? pageTitle;
    const authorLine = meta.author && !labelled.some((l) => /作者|記者|记者/.test(l)) ? [`作者：${meta.author}`] : [];
    const web = readWebText([...labelled, ...authorLine, '', content].join('\n'), { findTitle: false });
    const date = meta.date ? normaliseDate(meta.date) : undefined;
    const articles = webArticles(web, ctx.source, {
      title: title || undefined,
      date: date ?? web.date,
      source: meta.source ?? web.source,
      idPrefix: idPrefixOf(ctx.source),
    });
    return articles.length > 0 ? { articles } : { articles, skip: 'no article text found in the web page' };
  },
};
