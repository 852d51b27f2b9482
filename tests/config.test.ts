import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../src/config.ts';

describe('config', () => {
  it('applies defaults with an empty environment', () => {
    const c = parseConfig({});
    expect(c.discord.token).toBeUndefined();
    expect(c.embedder).toBe('auto');
    expect(c.discord.rateLimit).toEqual({ questions: 5, windowMs: 60_000 });
    expect(c.indexDir).toMatch(/data[/\\]index$/);
  });

  it('parses channel lists and treats empty strings as unset', () => {
    const c = parseConfig({ ASK_CHANNEL_IDS: '111111111111111111, 222222222222222222', DISCORD_GUILD_ID: '' });
    expect(c.discord.askChannelIds).toEqual(['111111111111111111', '222222222222222222']);
    expect(c.discord.guildId).toBeUndefined();
  });

  it('names every invalid variable', () => {
    expect(() => parseConfig({ ASK_CHANNEL_IDS: 'abc', RATE_LIMIT_QUESTIONS: '-1' })).toThrowError(ConfigError);
    try {
      parseConfig({ ASK_CHANNEL_IDS: 'abc', RATE_LIMIT_QUESTIONS: '-1' });
    } catch (e) {
      expect(String(e)).toContain('ASK_CHANNEL_IDS');
      expect(String(e)).toContain('RATE_LIMIT_QUESTIONS');
    }
  });
});
