/**
 * /stats days: — admins only (Manage Server): the question log over the last days (questions, refusal
 * rate, 👍/👎, the most frequent unanswered questions), the same summary as `npm run stats`. Ephemeral.
 */
import { MessageFlags, SlashCommandBuilder, type ChatInputCommandInteraction, InteractionContextType } from 'discord.js';
import { formatStats, readLogLines, summarise } from '../../ops/stats.ts';
import type { BotContext } from '../context.ts';
import { ADMIN_PERMISSION, allowAdmin } from '../admin-only.ts';
import type { Command } from './command.ts';
import { escape, notice } from '../render.ts';

export const data = new SlashCommandBuilder()
  .setName('stats')
  .setDescription('Questions, refusals and feedback of the last days (Manage Server only)')
  .setDescriptionLocalizations({
    'zh-CN': '最近几天的提问、未答与反馈统计（仅限管理服务器权限）',
    'en-US': 'Questions, refusals and feedback of the last days (Manage Server only)',
  })
  .setDefaultMemberPermissions(ADMIN_PERMISSION)
  .setContexts(InteractionContextType.Guild)
  .addIntegerOption((o) =>
    o
      .setName('days')
      .setDescription('How many days back (default 7)')
      .setDescriptionLocalizations({ 'zh-CN': '统计最近几天（默认 7）', 'en-US': 'How many days back (default 7)' })
      .setMinValue(1)
      .setMaxValue(3650),
  );

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  if (!(await allowAdmin(interaction))) return;
  const days = interaction.options.getInteger('days') ?? 7;
  const to = new Date();
  const stats = summarise(readLogLines(ctx.config.ops.questionLog), { from: new Date(to.getTime() - days * 86_400_000), to });
  // Logged questions are user text: escaped, so nothing in them formats or pings.
  await interaction.reply({ content: notice(escape(formatStats(stats))), flags: MessageFlags.Ephemeral });
}

export const command = { data, execute } satisfies Command;
