/** /date date: — one day's reports: headlines, meetings, one-line leads; the option autocompletes the dates held. */
import { MessageFlags, SlashCommandBuilder, type AutocompleteInteraction, type ChatInputCommandInteraction } from 'discord.js';
import type { BotContext } from '../context.ts';
import type { Command } from './command.ts';
import { renderDate } from '../render.ts';
import { matchChoices } from './choices.ts';

export const data = new SlashCommandBuilder()
  .setName('date')
  .setDescription('The reports of one day')
  .setDescriptionLocalizations({ 'zh-CN': '查看某一天的报道', 'en-US': 'The reports of one day' })
  .addStringOption((o) =>
    o
      .setName('date')
      .setDescription('A date such as 2021-01-12')
      .setDescriptionLocalizations({ 'zh-CN': '日期，例如 2021-01-12', 'en-US': 'A date such as 2021-01-12' })
      .setRequired(true)
      .setAutocomplete(true),
  );

export async function autocomplete(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void> {
  await interaction.respond(matchChoices(ctx.reports.dates(), interaction.options.getFocused(), (d) => d));
}

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const date = interaction.options.getString('date', true).trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    await interaction.reply({ content: '日期格式应为 YYYY-MM-DD。 / Use a date like 2021-01-12.', flags: MessageFlags.Ephemeral });
    return;
  }
  const [first, ...rest] = renderDate(date, ctx.reports.articlesOn(date));
  await interaction.reply({ embeds: first! });
  for (const embeds of rest) await interaction.followUp({ embeds });
}

export const command = { data, execute, autocomplete } satisfies Command;
