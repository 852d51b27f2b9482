/** Discord API v10 objects as the gateway and REST send them, shared by the fake and the payload builders. */
import { snowflake } from './ids.ts';

export interface User {
  id: string;
  name?: string;
  bot?: boolean;
}

export function apiUser(u: User) {
  return {
    id: u.id,
    username: u.name ?? `user${u.id.slice(-4)}`,
    discriminator: '0',
    global_name: null,
    avatar: null,
    ...(u.bot ? { bot: true } : {}),
  };
}

/** A message object: the fields every message carries, then what the caller sets. */
export function apiMessage(fields: { channel_id: string; author: ReturnType<typeof apiUser> } & Record<string, unknown>) {
  return {
    id: snowflake(),
    content: '',
    embeds: [],
    components: [],
    attachments: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    type: 0,
    flags: 0,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    ...fields,
  };
}
