/** A short notice only the user sees, whatever state the interaction is in (answered, deferred or not yet). */
import { MessageFlags, type RepliableInteraction } from 'discord.js';

export async function ephemeralNotice(interaction: RepliableInteraction, content: string): Promise<void> {
  if (interaction.deferred && !interaction.replied) {
    // The deferred reply is public; replace it with an ephemeral notice rather than leave "thinking…".
    await interaction.deleteReply().catch(() => undefined);
    await interaction.followUp({ content, flags: MessageFlags.Ephemeral });
  } else if (interaction.replied) {
    await interaction.followUp({ content, flags: MessageFlags.Ephemeral });
  } else {
    await interaction.reply({ content, flags: MessageFlags.Ephemeral });
  }
}
