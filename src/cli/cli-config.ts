/**
 * How a CLI starts: the validated config, the log level set, the Discord token
 * registered for redaction before anything can log it. An invalid config is printed (one line per
 * variable) and gives `undefined`, so the caller exits with code 2.
 */
import { ConfigError, loadConfig, type Config } from '../config.ts';
import { redact, setLogLevel } from '../log.ts';

export function loadCliConfig(): Config | undefined {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      return undefined;
    }
    throw err;
  }
  setLogLevel(config.logLevel);
  redact(config.discord.token);
  return config;
}
