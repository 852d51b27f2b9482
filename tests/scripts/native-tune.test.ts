import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error a plain ES module script without type declarations
import { TUNED_FLAGS, tunePlan } from '../../scripts/native-tune.mjs';

const headers = (dir: string) => path.join(dir, 'include', 'node', 'node_api.h');
const base = {
  env: { npm_config_node_gyp: '/npm/node-gyp.js' } as Record<string, string | undefined>,
  platform: 'linux',
  execPath: '/opt/node/bin/node',
};

describe('native-tune plan', () => {
  it('builds for the CPU it runs on', () => {
    expect(TUNED_FLAGS).toContain('-march=native');
  });

  it("uses npm's nodedir when it holds the headers, else the headers beside node", () => {
    expect(tunePlan({ ...base, env: { ...base.env, npm_config_nodedir: '/usr' }, exists: (f: string) => f === headers('/usr') })).toEqual({
      nodedir: '/usr',
      flags: TUNED_FLAGS,
    });
    expect(tunePlan({ ...base, exists: (f: string) => f === headers('/opt/node') })).toEqual({ nodedir: '/opt/node', flags: TUNED_FLAGS });
  });

  it('takes other flags from BAOXUN_NATIVE_FLAGS', () => {
    const env = { ...base.env, BAOXUN_NATIVE_FLAGS: '-O3 -march=x86-64-v3' };
    expect(tunePlan({ ...base, env, exists: () => true }).flags).toBe('-O3 -march=x86-64-v3');
  });

  it('keeps the plain build rather than download headers', () => {
    expect(tunePlan({ ...base, exists: () => false }).skip).toMatch(/no Node headers/);
  });

  it('is skipped when asked, on Windows, and outside npm', () => {
    const exists = () => true;
    expect(tunePlan({ ...base, env: { ...base.env, BAOXUN_NATIVE_TUNE: '0' }, exists }).skip).toBe('BAOXUN_NATIVE_TUNE=0');
    expect(tunePlan({ ...base, platform: 'win32', exists }).skip).toMatch(/Windows/);
    expect(tunePlan({ ...base, env: {}, exists }).skip).toMatch(/node-gyp/);
  });
});
