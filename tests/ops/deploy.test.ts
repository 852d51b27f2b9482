/** The service recipes in deploy/: the systemd unit passes systemd-analyze, both run the compiled entry point. */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
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

  it("the unit runs the compiled entry point after checking it is current; pm2 runs npm start's launcher", () => {
    const text = readFileSync(unit, 'utf8');
    expect(text).toMatch(/^ExecStartPre=\/usr\/bin\/node scripts\/compile\.mjs --check$/m);
    expect(text).toMatch(/^ExecStart=\/usr\/bin\/node dist\/src\/cli\/start\.js$/m);
    expect(text).toMatch(/^KillSignal=SIGTERM$/m);
    const pm2 = createRequire(import.meta.url)(path.join(PROJECT_ROOT, 'deploy', 'ecosystem.config.cjs')) as {
      apps: Array<{ cwd: string; script: string; args: string }>;
    };
    expect(pm2.apps[0]).toMatchObject({ cwd: PROJECT_ROOT, script: 'scripts/run-compiled.mjs', args: 'src/cli/start.js' });
    // Both start the same program, which answers --help; the check passes once compiled.
    const help = execFileSync(process.execPath, [pm2.apps[0]!.script, pm2.apps[0]!.args, '--help'], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
    });
    expect(help).toMatch(/^Usage: npm start/);
    expect(spawnSync(process.execPath, ['scripts/compile.mjs', '--check'], { cwd: PROJECT_ROOT }).status).toBe(0);
    expect(execFileSync(process.execPath, ['dist/src/cli/start.js', '--help'], { cwd: PROJECT_ROOT, encoding: 'utf8' })).toBe(help);
  });
});
