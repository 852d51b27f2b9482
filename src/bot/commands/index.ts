/** The registry of slash commands, by name. */
import type { Command } from './command.ts';
import * as article from './article.ts';
import * as ask from './ask.ts';
import * as date from './date.ts';
import * as meeting from './meeting.ts';
import * as reindex from './reindex.ts';

// Each module checks its own `command` (`satisfies Command`), so the list needs no cast.
const all: readonly Command[] = [ask.command, date.command, meeting.command, article.command, reindex.command];

export const commands: ReadonlyMap<string, Command> = new Map(all.map((c) => [c.data.name, c]));

/** The JSON bodies `deploy-commands` registers. */
export function commandDefinitions() {
  return [...commands.values()].map((c) => c.data.toJSON());
}
