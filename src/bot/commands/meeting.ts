/** /meeting name: — one meeting: when, who chaired, who attended, key points with citations; names autocomplete. */
import { MessageFlags, SlashCommandBuilder, type AutocompleteInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { fullTextButtons } from '../answer-message.ts';
import type { BotContext } from '../context.ts';
import type { Command } from './command.ts';
import { renderMeeting } from '../render.ts';
import { matchChoices } from './choices.ts';

export const data = new SlashCommandBuilder()
  .setName('meeting')
  .setDescription('One meeting: when, who chaired and attended, key points')
  .setDescriptionLocalizations({
    'zh-CN': '查看一次会议：时间、主持、出席、要点',
    'en-US': 'One meeting: when, who chaired and attended, key points',
  })
  .addStringOption((o) =>
    o
      .setName('name')
      .setDescription("The meeting's name (type part of it)")
      .setDescriptionLocalizations({ 'zh-CN': '会议名称（输入其中几个字即可）', 'en-US': "The meeting's name (type part of it)" })
      .setRequired(true)
      .setAutocomplete(true),
  );

export async function autocomplete(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void> {
  const choices = matchChoices(
    ctx.reports.meetings(),
    interaction.options.getFocused(),
    (m) => m.name,
    (m) => (m.date ? `${m.name} · ${m.date}` : m.name),
  );
  await interaction.respond(choices);
}

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const name = interaction.options.getString('name', true).trim();
  const meeting = name ? ctx.reports.meeting(name) : undefined;
  if (!meeting) {
    await interaction.reply({ content: '没有找到这个会议。 / No meeting by that name.', flags: MessageFlags.Ephemeral });
    return;
  }
  const [first, ...rest] = renderMeeting(meeting);
  const components = fullTextButtons([{ n: 1, articleId: meeting.articleId }]);
  await interaction.reply({ embeds: first!, components });
  for (const embeds of rest) await interaction.followUp({ embeds });
}

export const command = { data, execute, autocomplete } satisfies Command;
