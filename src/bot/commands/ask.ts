/** /ask question: — deferred at once (answers may take longer than Discord's 3 seconds), then edited with the answer. */
import { SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { answerQuestion, sendParts } from '../ask-path.ts';
import type { BotContext } from '../context.ts';
import { ephemeralNotice } from '../ephemeral.ts';
import type { Command } from './command.ts';

export const data = new SlashCommandBuilder()
  .setName('ask')
  .setDescription('Ask a question about the reports')
  .setDescriptionLocalizations({ 'zh-CN': '就报道提问，回答附带引文', 'en-US': 'Ask a question about the reports' })
  .addStringOption((o) =>
    o
      .setName('question')
      .setDescription('Your question')
      .setDescriptionLocalizations({ 'zh-CN': '你的问题', 'en-US': 'Your question' })
      .setRequired(true)
      .setMaxLength(500),
  );

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  // In a thread the thread is the conversation; elsewhere this question starts one, continued by replies to the answer.
  const conversation = interaction.channel?.isThread() ? `thread:${interaction.channelId}` : `ask:${interaction.id}`;
  await answerQuestion(
    ctx,
    {
      userId: interaction.user.id,
      text: interaction.options.getString('question', true),
      conversation,
      label: `interaction ${interaction.id}`,
    },
    {
      start: async () => void (await interaction.deferReply()),
      answer: (parts) =>
        sendParts(
          parts,
          (p) => interaction.editReply(p),
          (p) => interaction.followUp(p),
          'ask',
        ),
      notice: (content) => ephemeralNotice(interaction, content),
    },
  );
}

export const command = { data, execute } satisfies Command;
