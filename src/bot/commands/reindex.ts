/**
 * /reindex — admins only (Manage Server): rebuilds the index in the background and reports progress by
 * editing its reply; questions keep being answered from the old index until the swap. One at a time.
 */
import { MessageFlags, SlashCommandBuilder, type ChatInputCommandInteraction, InteractionContextType } from 'discord.js';
import { log } from '../../log.ts';
import type { BotContext } from '../context.ts';
import { ADMIN_PERMISSION, allowAdmin } from '../admin-only.ts';
import type { Command } from './command.ts';
import { escape, notice } from '../render.ts';
import { adminReason } from '../admin-reasons.ts';
import { saveAttachments, type Attached } from '../report-upload.ts';

const UPLOAD_OPTIONS = ['report', 'report2', 'report3'] as const;

export const data = new SlashCommandBuilder()
  .setName('reindex')
  .setDescription('Rebuild the index of the reports (Manage Server only)')
  .setDescriptionLocalizations({
    'zh-CN': '重建报道索引（仅限管理服务器权限）',
    'en-US': 'Rebuild the index of the reports (Manage Server only)',
  })
  .setDefaultMemberPermissions(ADMIN_PERMISSION)
  .setContexts(InteractionContextType.Guild);
// Up to three report files to add first (src/bot/report-upload.ts checks and saves them).
for (const name of UPLOAD_OPTIONS) {
  data.addAttachmentOption((o) =>
    o
      .setName(name)
      .setDescription('A report file to add first (.txt, .md, .jsonl)')
      .setDescriptionLocalizations({ 'zh-CN': '先添加的报道文件', 'en-US': 'A report file to add first (.txt, .md, .jsonl)' }),
  );
}

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  if (!(await allowAdmin(interaction))) return;
  if (!ctx.reindex) {
    await interaction.reply({ content: '这个实例不能重建索引。 / Reindexing is not available here.', flags: MessageFlags.Ephemeral });
    return;
  }
  if (ctx.reindexing.running) {
    await interaction.reply({ content: '已经在重建了。 / A rebuild is already running.', flags: MessageFlags.Ephemeral });
    return;
  }
  ctx.reindexing.running = true;
  try {
    await interaction.reply({ content: '正在重建索引… / Rebuilding the index…' });
  } catch (err) {
    ctx.reindexing.running = false;
    throw err;
  }
  const attached = UPLOAD_OPTIONS.map((n) => interaction.options.getAttachment(n)).filter((a) => a !== null);
  void runInBackground(
    interaction,
    ctx,
    ctx.reindex,
    attached.map((a) => ({ name: a.name, url: a.url, size: a.size })),
  );
}

async function runInBackground(
  interaction: ChatInputCommandInteraction,
  ctx: BotContext,
  reindex: NonNullable<BotContext['reindex']>,
  attached: Attached[],
): Promise<void> {
  // Edits run one after another; a progress line already superseded by a newer one is skipped.
  let latest = '';
  let chain = Promise.resolve();
  const show = (text: string) => {
    latest = text;
    chain = chain.then(async () => {
      if (latest !== text) return;
      await interaction.editReply({ content: notice(text) }).catch((err) => log.warn('reindex: could not edit progress', err));
    });
  };
  const started = Date.now();
  let added = '';
  try {
    if (attached.length) {
      const r = await saveAttachments(attached, ctx.config.reportsDir, ctx.config.ops.maxUploadBytes);
      log.info(
        `reindex: saved ${r.saved.length} attached report(s)${r.rejected.length ? `, refused ${r.rejected.map((x) => `${x.name} (${x.reason})`).join(', ')}` : ''}`,
      );
      added = [
        // File names are the uploader's text: escaped, so none formats the reply.
        r.saved.length ? `已添加 / added: ${r.saved.map(escape).join(', ')}` : '',
        ...r.rejected.map((x) => `未添加 / not added: ${escape(x.name)} — ${x.reason}`),
      ]
        .filter(Boolean)
        .join('\n');
      show(`正在重建索引… / Rebuilding the index…\n${added}`);
    }
    await reindex((message) => show(`正在重建索引… / Rebuilding the index… ${message}`));
    show(
      `索引已重建，已切换到新索引（${((Date.now() - started) / 1000).toFixed(1)} 秒）。 / Index rebuilt and swapped in.${added ? `\n${added}` : ''}`,
    );
    log.info('reindex: done');
  } catch (err) {
    log.error('reindex failed', err);
    const reason = adminReason(err);
    show(`重建失败，仍在使用旧索引。 / The rebuild failed; the old index is still in use.${reason ? ` (${reason})` : ''}`);
  } finally {
    ctx.reindexing.running = false;
    await chain;
  }
}

export const command = { data, execute } satisfies Command;
