/**
 * Gateway dispatches a user's actions produce: slash commands, autocomplete, button clicks and
 * channel messages, shaped as Discord sends them (API v10). Each returns the ids the test needs
 * to find the bot's REST calls in the fake's record.
 */
import type { FakeDiscord } from './fake-discord.ts';
import { apiMessage, apiUser, type User } from './api-objects.ts';
import { snowflake } from './ids.ts';
import type { FakeAttachment } from './cdn.ts';

/** Discord's permission bit for Manage Server. */
export const MANAGE_GUILD = 1n << 5n;

export type { User };

function member(u: User, permissions: bigint) {
  return {
    user: apiUser(u),
    roles: [],
    permissions: String(permissions),
    joined_at: new Date().toISOString(),
    deaf: false,
    mute: false,
    flags: 0,
  };
}

interface Sent {
  id: string;
  token: string;
}

function interaction(fake: FakeDiscord, type: number, user: User, permissions: bigint, extra: object): Sent {
  const id = snowflake();
  const token = `tok-${id}`;
  const channelId = fake.channelIds[0]!;
  fake.dispatch('INTERACTION_CREATE', {
    id,
    token,
    type,
    version: 1,
    application_id: fake.appId,
    guild_id: fake.guildId,
    guild: { id: fake.guildId, locale: 'zh-CN', features: [] },
    channel_id: channelId,
    channel: { id: channelId, type: 0, guild_id: fake.guildId, name: 'channel-0' },
    member: member(user, permissions),
    app_permissions: String((1n << 40n) - 1n),
    locale: 'zh-CN',
    guild_locale: 'zh-CN',
    entitlements: [],
    authorizing_integration_owners: { '0': fake.guildId },
    context: 0,
    ...extra,
  });
  return { id, token };
}

export function slashCommand(fake: FakeDiscord, name: string, options: Record<string, string>, user: User, permissions = 0n): Sent {
  return interaction(fake, 2, user, permissions, {
    data: { id: snowflake(), name, type: 1, options: Object.entries(options).map(([n, value]) => ({ name: n, type: 3, value })) },
  });
}

/** A slash command with attachment options (type 11), their files served by a FakeCdn (see cdn.ts). */
export function slashCommandWithFiles(
  fake: FakeDiscord,
  name: string,
  files: Record<string, FakeAttachment>,
  user: User,
  permissions = 0n,
): Sent {
  return interaction(fake, 2, user, permissions, {
    data: {
      id: snowflake(),
      name,
      type: 1,
      options: Object.entries(files).map(([n, a]) => ({ name: n, type: 11, value: a.id })),
      resolved: { attachments: Object.fromEntries(Object.values(files).map((a) => [a.id, a])) },
    },
  });
}

export function autocomplete(fake: FakeDiscord, name: string, option: string, typed: string, user: User): Sent {
  return interaction(fake, 4, user, 0n, {
    data: { id: snowflake(), name, type: 1, options: [{ name: option, type: 3, value: typed, focused: true }] },
  });
}

export function buttonClick(fake: FakeDiscord, customId: string, user: User): Sent {
  const channelId = fake.channelIds[0]!;
  return interaction(fake, 3, user, 0n, {
    message: apiMessage({ channel_id: channelId, author: apiUser({ id: fake.appId, name: 'baoxun', bot: true }) }),
    data: { custom_id: customId, component_type: 2 },
  });
}

/** A user opens a thread under a text channel, or a post in a forum channel; returns the thread's id. */
export function threadCreate(fake: FakeDiscord, parentId: string, name: string, user: User, opts: { id?: string } = {}): string {
  const id = opts.id ?? snowflake();
  fake.dispatch('THREAD_CREATE', { ...fake.thread({ id, parentId, name, ownerId: user.id }), newly_created: true });
  return id;
}

/**
 * A message posted in a channel or thread; `mentionBot` prefixes the bot's mention as a client would,
 * `replyTo` makes it a reply to that message (of the bot's, here), `id` sets its id (a forum post's
 * first message has the post's id).
 */
export function channelMessage(
  fake: FakeDiscord,
  content: string,
  user: User,
  opts: { channelId?: string; mentionBot?: boolean; dm?: boolean; replyTo?: string; id?: string } = {},
): string {
  const id = opts.id ?? snowflake();
  if (opts.dm) {
    // A direct message: no guild, and the channel (type 1) is not cached until it speaks.
    fake.dispatch(
      'MESSAGE_CREATE',
      apiMessage({ id, channel_id: opts.channelId ?? snowflake(), channel_type: 1, author: apiUser(user), content }),
    );
    return id;
  }
  const bot = apiUser({ id: fake.appId, name: 'baoxun', bot: true });
  fake.dispatch(
    'MESSAGE_CREATE',
    apiMessage({
      id,
      channel_id: opts.channelId ?? fake.channelIds[0]!,
      guild_id: fake.guildId,
      author: apiUser(user),
      member: { roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 },
      content: opts.mentionBot ? `<@${fake.appId}> ${content}` : content,
      mentions: opts.mentionBot ? [bot] : [],
      ...(opts.replyTo
        ? {
            type: 19,
            message_reference: {
              type: 0,
              message_id: opts.replyTo,
              channel_id: opts.channelId ?? fake.channelIds[0]!,
              guild_id: fake.guildId,
            },
          }
        : {}),
    }),
  );
  return id;
}
