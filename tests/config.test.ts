import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { ConfigError, parseConfig, PROJECT_ROOT } from '../src/config.ts';

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

  it('resolves relative folders from the project root, whatever the working directory', () => {
    const c = parseConfig({ BAOXUN_REPORTS_DIR: 'data/reports', BAOXUN_INDEX_DIR: './var/index', BAOXUN_FEEDBACK_LOG: '/abs/f.jsonl' });
    expect(c.reportsDir).toBe(path.join(PROJECT_ROOT, 'data', 'reports'));
    expect(c.indexDir).toBe(path.join(PROJECT_ROOT, 'var', 'index'));
    expect(c.feedbackLog).toBe('/abs/f.jsonl');
    expect(process.cwd()).not.toBe('/');
    const cwd = process.cwd();
    try {
      process.chdir('/');
      expect(parseConfig({ BAOXUN_MODELS_DIR: 'data/models' }).modelsDir).toBe(path.join(PROJECT_ROOT, 'data', 'models'));
    } finally {
      process.chdir(cwd);
    }
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
