/** The service recipes in deploy/: the systemd unit passes systemd-analyze, the pm2 recipe runs the same entry point. */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.ts';

const unit = path.join(PROJECT_ROOT, 'deploy', 'baoxun.service');
const hasSystemd = spawnSync('systemd-analyze', ['--version']).status === 0;

describe('deploy/', () => {
  it.skipIf(!hasSystemd)('baoxun.service: systemd-analyze verify reports nothing', () => {
    // verify exits 0 even on bad settings, printing them: silence is the pass.
    const r = spawnSync('systemd-analyze', ['verify', unit], { encoding: 'utf8' });
    expect(r.stderr + r.stdout).toBe('');
    expect(r.status).toBe(0);
  });

  it('the unit and the pm2 recipe start src/cli/start.ts with tsx from the project root', () => {
    const text = readFileSync(unit, 'utf8');
    expect(text).toMatch(/^ExecStart=\/usr\/bin\/node --import tsx src\/cli\/start\.ts$/m);
    expect(text).toMatch(/^KillSignal=SIGTERM$/m);
    const pm2 = createRequire(import.meta.url)(path.join(PROJECT_ROOT, 'deploy', 'ecosystem.config.cjs')) as {
      apps: Array<{ cwd: string; script: string; interpreter_args: string }>;
    };
    expect(pm2.apps[0]).toMatchObject({ cwd: PROJECT_ROOT, script: 'src/cli/start.ts', interpreter_args: '--import tsx' });
    expect(existsSync(path.join(PROJECT_ROOT, pm2.apps[0]!.script))).toBe(true);
    // The command both run answers --help: the entry point is right.
    expect(
      execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/start.ts', '--help'], { cwd: PROJECT_ROOT, encoding: 'utf8' }),
    ).toMatch(/^Usage: npm start/);
  });
});
