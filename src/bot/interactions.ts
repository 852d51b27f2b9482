/**
 * Routes interactions: slash commands and their autocomplete to the command registry, buttons to
 * article pages and feedback. No failure escapes: the user gets a short ephemeral message, the log the detail.
 */
import {
  MessageFlags,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type Interaction,
  type RepliableInteraction,
} from 'discord.js';
import { log } from '../log.ts';
import { QuestionError } from '../retrieval/types.ts';
import { commands } from './commands/index.ts';
import { ERROR_MESSAGE, type BotContext } from './context.ts';
import { parseButtonId } from './custom-ids.ts';
import { ephemeralNotice } from './ephemeral.ts';
import { renderArticlePage } from './paginate.ts';

export async function handleInteraction(interaction: Interaction, ctx: BotContext): Promise<void> {
  try {
    if (interaction.isChatInputCommand()) {
      const command = commands.get(interaction.commandName);
      if (!command) throw new Error(`unknown command ${interaction.commandName}`);
      await command.execute(interaction, ctx);
    } else if (interaction.isAutocomplete()) {
      await handleAutocomplete(interaction, ctx);
    } else if (interaction.isButton()) {
      await handleButton(interaction, ctx);
    }
  } catch (err) {
    if (interaction.isRepliable()) await reportFailure(interaction, err);
    else log.error(`interaction ${interaction.id} failed`, err);
  }
}

async function handleAutocomplete(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void> {
  const command = commands.get(interaction.commandName);
  if (!command?.autocomplete) return interaction.respond([]);
  await command.autocomplete(interaction, ctx);
}

async function handleButton(interaction: ButtonInteraction, ctx: BotContext): Promise<void> {
  const action = parseButtonId(interaction.customId);
  if (!action) throw new Error(`unknown button ${interaction.customId}`);
  if (action.kind === 'feedback') {
    const saved = await ctx.feedback.record(action.key, action.vote, interaction.user.id);
    await interaction.reply({
      content: saved ? '谢谢反馈！ / Thanks for the feedback!' : '这个回答已过期，无法反馈。 / This answer is too old for feedback.',
      flags: MessageFlags.Ephemeral,
    });
    return;
  }
  const article = ctx.reports.article(action.articleId);
  if (!article) {
    await interaction.reply({ content: '这篇报道已不在索引中。 / That article is no longer in the index.', flags: MessageFlags.Ephemeral });
    return;
  }
  if (action.kind === 'open') {
    const { embeds, components } = renderArticlePage(article, 0);
    await interaction.reply({ embeds, components, flags: MessageFlags.Ephemeral });
  } else {
    const { embeds, components } = renderArticlePage(article, action.page);
    await interaction.update({ embeds, components });
  }
}

/** Tells the user briefly (ephemeral); QuestionError messages are meant for the user and shown as they are. */
async function reportFailure(interaction: RepliableInteraction, err: unknown): Promise<void> {
  const forUser = err instanceof QuestionError;
  if (!forUser) log.error(`interaction ${interaction.id} failed`, err);
  const content = forUser ? err.message : ERROR_MESSAGE;
  try {
    await ephemeralNotice(interaction, content);
  } catch (e) {
    log.warn(`interaction ${interaction.id}: could not report the failure to the user`, e);
  }
}
