import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import { DeployConfigError, deployCommands } from '../../src/bot/deploy.ts';
import { FakeDiscord } from '../fake-discord/fake-discord.ts';

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await FakeDiscord.start();
});
afterAll(() => fake.close());

describe('deployCommands', () => {
  it('registers the commands to one guild, with zh-CN and en-US descriptions', async () => {
    const guild = fake.guildId;
    const config = parseConfig({
      DISCORD_TOKEN: 'tok-0123456789',
      DISCORD_APP_ID: fake.appId,
      DISCORD_GUILD_ID: guild,
      DISCORD_API_BASE: fake.apiBase,
    });
    const r = await deployCommands(config);
    expect(r).toEqual({ count: 6, names: ['ask', 'date', 'meeting', 'article', 'reindex', 'stats'], scope: 'guild' });
    const put = fake.requests.find((q) => q.method === 'PUT')!;
    expect(put.path).toBe(`/applications/${fake.appId}/guilds/${guild}/commands`);
    expect(put.authorization).toBe('Bot tok-0123456789');
    const byName = Object.fromEntries(put.body.map((c: { name: string }) => [c.name, c]));
    expect(byName.ask.options[0]).toMatchObject({ name: 'question', required: true, description_localizations: { 'zh-CN': '你的问题' } });
    expect(byName.date.options[0]).toMatchObject({ name: 'date', autocomplete: true });
    expect(byName.meeting.options[0]).toMatchObject({ name: 'name', autocomplete: true });
    expect(byName.article.options[0]).toMatchObject({ name: 'id' });
    expect(byName.reindex.default_member_permissions).toBe('32'); // Manage Server
    expect(byName.stats.default_member_permissions).toBe('32');
    expect(byName.reindex.options.map((o: { type: number }) => o.type)).toEqual([11, 11, 11]); // attachments
    for (const c of put.body) expect(Object.keys(c.description_localizations).sort()).toEqual(['en-US', 'zh-CN']);
  });

  it('registers globally without a guild id', async () => {
    const config = parseConfig({ DISCORD_TOKEN: 'tok-0123456789', DISCORD_APP_ID: fake.appId, DISCORD_API_BASE: fake.apiBase });
    expect((await deployCommands(config)).scope).toBe('global');
    expect(fake.requests.some((q) => q.method === 'PUT' && q.path === `/applications/${fake.appId}/commands`)).toBe(true);
  });

  it('clears the old commands of a guild (an empty list there), whatever DISCORD_GUILD_ID says', async () => {
    const config = parseConfig({ DISCORD_TOKEN: 'tok-0123456789', DISCORD_APP_ID: fake.appId, DISCORD_API_BASE: fake.apiBase });
    const r = await deployCommands(config, { guildId: fake.guildId, clear: true });
    expect(r).toEqual({ count: 0, names: [], scope: 'guild' });
    const put = fake.requests.filter((q) => q.method === 'PUT').at(-1)!;
    expect(put.path).toBe(`/applications/${fake.appId}/guilds/${fake.guildId}/commands`);
    expect(put.body).toEqual([]);
  });

  it('names the missing variables', async () => {
    await expect(deployCommands(parseConfig({}))).rejects.toThrow(DeployConfigError);
    await expect(deployCommands(parseConfig({}))).rejects.toThrow(/DISCORD_TOKEN and DISCORD_APP_ID/);
  });
});
