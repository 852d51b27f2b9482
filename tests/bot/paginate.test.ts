import { describe, expect, it } from 'vitest';
import { parseButtonId } from '../../src/bot/custom-ids.ts';
import { LIMITS } from '../../src/bot/limits.ts';
import { articlePages, renderArticlePage } from '../../src/bot/paginate.ts';
import { article } from './fixtures.ts';

const longBody = Array.from({ length: 400 }, (_, i) => `第${i}段讲的是会议的内容和要求。`).join('\n');

describe('paginate', () => {
  it('keeps a short article on one page without buttons', () => {
    const p = renderArticlePage(article(), 0);
    expect(p.pageCount).toBe(1);
    expect(p.components).toEqual([]);
    expect(p.embeds[0]!.description).toContain('本报讯 会议召开。');
  });

  it('keeps the first page within the description limit under a very long subtitle', () => {
    const pages = articlePages(article({ body: longBody, subtitle: '副标题'.repeat(500) }));
    for (const p of pages) expect(p.length).toBeLessThanOrEqual(LIMITS.embedDescription);
  });

  it('splits a long article into pages that fit, losing nothing', () => {
    const a = article({ body: longBody });
    const pages = articlePages(a);
    expect(pages.length).toBeGreaterThan(1);
    for (const p of pages) expect(p.length).toBeLessThanOrEqual(LIMITS.embedDescription);
    const text = pages.join('\n').replace(/^\*2021-01-12\*\n\n/, '');
    for (let i = 0; i < 400; i += 37) expect(text).toContain(`第${i}段`);
  });

  it('gives ◀ ▶ buttons carrying the article id and neighbouring pages, disabled at the ends', () => {
    const a = article({ body: longBody });
    const first = renderArticlePage(a, 0);
    const [prev, next] = first.components[0]!.components as Array<{ custom_id: string; disabled: boolean }>;
    expect(prev!.disabled).toBe(true);
    expect(parseButtonId(next!.custom_id)).toEqual({ kind: 'page', articleId: 'art-1', page: 1 });
    const last = renderArticlePage(a, 99);
    expect(last.page).toBe(last.pageCount - 1);
    expect((last.components[0]!.components[1] as { disabled: boolean }).disabled).toBe(true);
    expect(last.embeds[0]!.footer!.text).toContain(`${last.pageCount}/${last.pageCount}`);
  });
});
