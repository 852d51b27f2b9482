/** /ask question: — deferred at once (answers may take longer than Discord's 3 seconds), then edited with the answer. */
import { MessageFlags, SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { log } from '../../log.ts';
import { answerMessages } from '../answer-message.ts';
import { NO_MENTIONS, type BotContext } from '../context.ts';
import { rateLimitMessage } from '../rate-limit.ts';

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
  const question = interaction.options.getString('question', true);
  const decision = ctx.limiter.take(interaction.user.id);
  if (!decision.allowed) {
    await interaction.reply({ content: rateLimitMessage(decision.retryAfterMs), flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
    return;
  }
  await interaction.deferReply();
  const answer = await ctx.reports.ask(question);
  const [first, ...rest] = answerMessages(answer, ctx.feedback.remember(answer));
  await interaction.editReply({ ...first!, allowedMentions: NO_MENTIONS });
  // The answer is out; a lost continuation is logged rather than turned into an error for the user.
  for (const part of rest) {
    await interaction.followUp({ ...part, allowedMentions: NO_MENTIONS }).catch((err) => log.warn('ask: could not send the rest of an answer', err));
  }
}
