/** An answer as Discord messages: the embeds (split to fit) with "显示全文" and 👍/👎 buttons on the first. */
import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent, type APIEmbed } from 'discord.js';
import type { Answer } from '../retrieval/types.ts';
import { feedbackButtonId, openArticleButtonId } from './custom-ids.ts';
import { renderAnswer } from './render.ts';

export type ButtonRow = APIActionRowComponent<APIButtonComponent>;

export interface MessagePart {
  embeds: APIEmbed[];
  components?: ButtonRow[];
}

/** A "显示全文" button per cited article (at most 5, one row). */
export function fullTextButtons(citations: Array<{ n: number; articleId: string }>): ButtonRow[] {
  const seen = new Set<string>();
  const buttons: APIButtonComponent[] = [];
  for (const c of citations) {
    const id = openArticleButtonId(c.articleId);
    if (!id || seen.has(c.articleId) || buttons.length === 5) continue;
    seen.add(c.articleId);
    buttons.push({ type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: id, label: `显示全文 [${c.n}]` });
  }
  return buttons.length ? [{ type: ComponentType.ActionRow, components: buttons }] : [];
}

export function answerButtons(answer: Answer, feedbackKey: string): ButtonRow[] {
  return [
    ...fullTextButtons(answer.abstained ? answer.related : answer.citations),
    {
      type: ComponentType.ActionRow,
      components: [
        { type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: feedbackButtonId('up', feedbackKey), emoji: { name: '👍' } },
        {
          type: ComponentType.Button,
          style: ButtonStyle.Secondary,
          custom_id: feedbackButtonId('down', feedbackKey),
          emoji: { name: '👎' },
        },
      ],
    },
  ];
}

export function answerMessages(answer: Answer, feedbackKey: string): MessagePart[] {
  return renderAnswer(answer).map((embeds, i) => (i === 0 ? { embeds, components: answerButtons(answer, feedbackKey) } : { embeds }));
}
