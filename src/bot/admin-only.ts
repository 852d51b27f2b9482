/**
 * Admin-only commands (/reindex, /stats): the permission they need, set as the command's default and
 * checked again on every use, since server admins can override default_member_permissions.
 */
import { MessageFlags, PermissionFlagsBits, type ChatInputCommandInteraction } from 'discord.js';

export const ADMIN_PERMISSION = PermissionFlagsBits.ManageGuild;

/** True when the member may run an admin command; otherwise replies (ephemeral) and returns false. */
export async function allowAdmin(interaction: ChatInputCommandInteraction): Promise<boolean> {
  if (interaction.memberPermissions?.has(ADMIN_PERMISSION)) return true;
  await interaction.reply({ content: '需要“管理服务器”权限。 / You need the Manage Server permission.', flags: MessageFlags.Ephemeral });
  return false;
}
