/**
 * Report text is escaped before it is cut to Discord's limits: a cut must never fall between a
 * backslash and the marker it escapes, or the next embed or page starts with live Markdown. Redacted
 * names (王**) in long unpunctuated OCR runs are where this happens in practice.
 */
import { describe, expect, it } from 'vitest';
import { renderArticlePage } from '../../src/bot/paginate.ts';
import { escape, layoutEmbeds } from '../../src/bot/render.ts';
import { splitText, truncate } from '../../src/bot/split-text.ts';
import { article } from '../bot/fixtures.ts';
import { liveMarkup } from './markdown-check.ts';

const redacted = '王**某'.repeat(3000);

describe('cutting escaped text', () => {
  it('splitText keeps every escape whole, whatever the offset', () => {
    for (const prefix of ['', 'a', 'ab']) {
      const pieces = splitText(escape(prefix + '*'.repeat(5000)), 4096);
      expect(pieces.length).toBeGreaterThan(1);
      for (const p of pieces) expect(liveMarkup(p)).toEqual([]);
      expect(pieces.join('').replace(/\\\*/g, '').replace(prefix, '')).toBe('');
    }
  });

  it('truncate keeps the escape whole', () => {
    for (let max = 10; max < 40; max++) expect(liveMarkup(truncate(escape('*'.repeat(100)), max))).toEqual([]);
  });

  it('embeds and article pages of a redacted, unpunctuated body show no live Markdown', () => {
    const embeds = layoutEmbeds({ title: 't', blocks: [escape(redacted)], color: 0 }).flat();
    expect(embeds.length).toBeGreaterThan(1);
    for (const e of embeds) expect(liveMarkup(e.description ?? '')).toEqual([]);
    const a = article({ body: redacted, date: undefined, meeting: undefined, subtitle: '' });
    const first = renderArticlePage(a, 0);
    expect(first.pageCount).toBeGreaterThan(1);
    for (let p = 0; p < first.pageCount; p++) expect(liveMarkup(renderArticlePage(a, p).embeds[0]!.description ?? '')).toEqual([]);
  });
});
