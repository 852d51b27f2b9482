/** /article id: — the full text of one article, in pages with ◀ ▶ buttons. */
import { MessageFlags, SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import type { BotContext } from '../context.ts';
import type { Command } from './command.ts';
import { renderArticlePage } from '../paginate.ts';

export const data = new SlashCommandBuilder()
  .setName('article')
  .setDescription('The full text of one article')
  .setDescriptionLocalizations({ 'zh-CN': '查看一篇报道的全文', 'en-US': 'The full text of one article' })
  .addStringOption((o) =>
    o
      .setName('id')
      .setDescription("The article's id, as shown under answers")
      .setDescriptionLocalizations({ 'zh-CN': '报道编号（见回答下方）', 'en-US': "The article's id, as shown under answers" })
      .setRequired(true),
  );

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const id = interaction.options.getString('id', true).trim();
  const article = ctx.reports.article(id);
  if (!article) {
    await interaction.reply({ content: '没有这篇报道。 / No article with that id.', flags: MessageFlags.Ephemeral });
    return;
  }
  const { embeds, components } = renderArticlePage(article, 0);
  await interaction.reply({ embeds, components });
}

export const command = { data, execute } satisfies Command;
