import { describe, expect, it } from 'vitest';
import type { APIEmbed } from 'discord.js';
import { answerMessages } from '../../src/bot/answer-message.ts';
import { LIMITS } from '../../src/bot/limits.ts';
import { citationHeading, formatExcerpt, renderAnswer, renderMeeting } from '../../src/bot/render.ts';
import { renderAnswerText } from '../../src/retrieval/render-text.ts';
import { answer, citation } from './fixtures.ts';

function size(e: APIEmbed): number {
  return (
    (e.title?.length ?? 0) +
    (e.description?.length ?? 0) +
    (e.footer?.text.length ?? 0) +
    (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

function assertWithinLimits(pages: APIEmbed[][]): void {
  for (const page of pages) {
    expect(page.length).toBeLessThanOrEqual(LIMITS.embedsPerMessage);
    expect(page.reduce((n, e) => n + size(e), 0)).toBeLessThanOrEqual(LIMITS.embedTotal);
    for (const e of page) {
      expect(e.title?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedTitle);
      expect(e.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedDescription);
      expect(e.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedFields);
      for (const f of e.fields ?? []) expect(f.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
      // No lone surrogates anywhere.
      expect(e.description ?? '').not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    }
  }
}

describe('renderAnswer', () => {
  it('shows the answer, then [n] headline · date and the excerpt with the answering words bold', () => {
    const [page] = renderAnswer(answer());
    const d = page![0]!.description!;
    expect(d.startsWith('王新亭主持了会议。')).toBe(true);
    expect(d).toContain('[1] 高新区召开会议1 · 2021-01-12');
    expect(d).toContain('**王新亭**');
    expect(page![0]!.title).toBe('谁主持了会议？');
  });

  it('says how a follow-up was understood above the answer, escaped, and nothing when it was read as asked', () => {
    const [page] = renderAnswer({ ...answer(), understoodAs: '张红军*要求*什么？' });
    expect(page![0]!.description!.split('\n\n')[0]).toBe('*理解为 / Understood as：张红军\\*要求\\*什么？*');
    expect(renderAnswer(answer())[0]![0]!.description).not.toContain('理解为');
  });
  it('escapes Markdown from the question and the reports', () => {
    const [page] = renderAnswer(
      answer({ question: '**粗体** _x_', citations: [citation(1, { excerpt: '甲*乙*丙', highlights: [[0, 1]] })] }),
    );
    expect(page![0]!.title).toBe('\\*\\*粗体\\*\\* \\_x\\_');
    expect(page![0]!.description).toContain('**甲**\\*乙\\*丙');
  });

  it('merges overlapping highlights and ignores out-of-range ones', () => {
    expect(
      formatExcerpt({
        excerpt: 'abcdef',
        highlights: [
          [1, 3],
          [2, 4],
          [10, 12],
        ],
      }),
    ).toBe('a**bcd**ef');
  });

  it('says plainly when it abstains and lists related reports', () => {
    const [page] = renderAnswer(
      answer({ abstained: true, answer: '报道中没有找到答案。', citations: [], related: [citation(1), citation(2, { date: undefined })] }),
    );
    const d = page![0]!.description!;
    expect(d).toContain('报道中没有找到答案。');
    expect(d).toContain('Related');
    expect(d).toContain('[2] 高新区召开会议2');
    expect(d).not.toContain('[2] 高新区召开会议2 ·');
  });

  it('shows the closest passages with their excerpts, labelled as no answer', () => {
    const [page] = renderAnswer(
      answer({ abstained: true, outcome: 'closest', answer: '没有直接的答案。', citations: [], related: [citation(1)] }),
    );
    const d = page![0]!.description!;
    expect(d).toContain('not an answer');
    expect(d).toContain('主持会议并讲话');
  });

  it('splits an over-long answer across embeds and messages within every limit', () => {
    const long = '这是一个很长的句子，用来测试分割。'.repeat(300); // ~5,100 chars per excerpt
    const a = answer({
      question: '问'.repeat(400),
      answer: '答'.repeat(5000) + '。😀'.repeat(500),
      citations: [1, 2, 3].map((n) =>
        citation(n, {
          excerpt: long,
          highlights: [
            [0, 2000],
            [3000, 4000],
          ],
        }),
      ),
    });
    const pages = renderAnswer(a);
    assertWithinLimits(pages);
    expect(pages.length).toBeGreaterThan(1);
    const all = pages
      .flat()
      .map((e) => e.description)
      .join('');
    expect(all).toContain('[3] 高新区召开会议3');
    expect(all.match(/😀/g)!.length).toBe(500);
    // Buttons ride on the first message only.
    const parts = answerMessages(a, 'k');
    expect(parts[0]!.components!.length).toBe(2);
    expect(parts.slice(1).every((p) => !p.components)).toBe(true);
  });
});

describe('renderMeeting', () => {
  it('puts when, chair and attendance in fields within limits', () => {
    const pages = renderMeeting({
      name: '安委会第一次全体会议',
      date: '2021-01-12',
      articleId: 'a1',
      headline: '高新区召开安全生产会议',
      chaired: ['王新亭'],
      attended: Array.from({ length: 400 }, (_, i) => `参会者${i}`),
      observed: ['祖鹏'],
      keyPoints: [1, 2, 3, 4, 5].map((n) => citation(n, { excerpt: '会议强调要抓好落实。'.repeat(150) })),
    });
    assertWithinLimits(pages);
    expect(pages.flat().length).toBeGreaterThan(1);
    const fields = pages[0]![0]!.fields!;
    expect(fields[1]!.value).toBe('王新亭');
    expect(fields[2]!.value.endsWith('…')).toBe(true);
    expect(fields[3]).toMatchObject({ name: '列席 / Sat in', value: '祖鹏' });
  });
});

describe('escape', () => {
  it('neutralises inline markers, links, mentions and line-start blocks', async () => {
    const { escape } = await import('../../src/bot/render.ts');
    expect(escape('a*b_c~d`e|f\\g')).toBe('a\\*b\\_c\\~d\\`e\\|f\\\\g');
    expect(escape('[点我](http://x.y) <@123>')).toBe('\\[点我\\]\\(http://x.y\\) \\<@123>');
    expect(escape('# 标题\n> 引用\n- 列表\n1. 第一')).toBe('\\# 标题\n\\> 引用\n\\- 列表\n1\\. 第一');
    expect(escape('2021-01-12 高新区 #1')).toBe('2021-01-12 高新区 #1');
  });
});

describe('layoutEmbeds', () => {
  it('keeps the first embed within 6,000 characters when big fields share it with a long description', async () => {
    const { layoutEmbeds } = await import('../../src/bot/render.ts');
    const big = '名'.repeat(2000);
    const pages = layoutEmbeds({
      title: '题'.repeat(300),
      color: 0,
      fields: [
        { name: 'a', value: big },
        { name: 'b', value: big },
        { name: 'c', value: big },
      ],
      blocks: ['句子。'.repeat(3000)],
      footer: '脚注',
    });
    assertWithinLimits(pages);
    expect(pages[pages.length - 1]!.at(-1)!.footer!.text).toBe('脚注');
    expect(
      pages
        .flat()
        .map((e) => e.description)
        .join('')
        .replace(/\s/g, ''),
    ).toBe('句子。'.repeat(3000));
  });
});

describe('citations of a PDF page', () => {
  it('name the file and page after the date, in Discord and on the terminal', () => {
    const c = citation(1, { source: 'epaper_2021.pdf', page: 2 });
    expect(citationHeading(c)).toBe('[1] 高新区召开会议1 · 2021-01-12 · epaper\\_2021.pdf p.2');
    expect(citationHeading(citation(1))).not.toContain('p.');
    expect(renderAnswerText(answer({ citations: [c] }))).toContain('· epaper_2021.pdf p.2');
  });
});
