/**
 * Rebuilds hnswlib-node for this machine's CPU (`-O3 -march=native`), run by `npm ci` / `npm install`
 * (postinstall) and by hand with `npm run native:tune`.
 *
 * Why: node-gyp compiles hnswlib with its default flags, so hnswlib's distance functions use SSE
 * only; built for the CPU it runs on they use AVX2 / AVX-512 (measured in bench/FINDINGS.md: HNSW
 * inserts ~1.4x faster). Never fetches anything: node-gyp gets the Node headers folder found here
 * (`--nodedir`), and without one the plain build is kept. If the compiler fails, or the tuned
 * module does not pass a smoke test in a fresh process, the plain build is made again, so an install
 * never ends without a working module. `BAOXUN_NATIVE_TUNE=0` skips it (an image built on one CPU and
 * run on another must skip it: `-march=native` code stops with "illegal instruction" on an older CPU).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const TUNED_FLAGS = '-O3 -march=native';

const USAGE = `Usage: npm run native:tune
  Rebuilds hnswlib-node for this machine's CPU (${TUNED_FLAGS}); npm ci / npm install run it.
  Never downloads: without Node's headers on this machine the plain build is kept.
  BAOXUN_NATIVE_TUNE=0           keep the plain build (an image that runs on other CPUs)
  BAOXUN_NATIVE_FLAGS="-O3 ..."  other compiler flags (e.g. -march=x86-64-v3 for any AVX2 CPU)
`;

/** Packages rebuilt, each with a smoke test run in a fresh process after the build. */
export const TUNED_PACKAGES = [
  {
    name: 'hnswlib-node',
    smoke: `const { HierarchicalNSW } = require('hnswlib-node');
const g = new HierarchicalNSW('cosine', 16); g.initIndex(64, 8, 32, 1);
for (let i = 0; i < 64; i++) g.addPoint(Array.from({ length: 16 }, (_, j) => Math.sin(i * 16 + j)), i);
const r = g.searchKnn(Array.from({ length: 16 }, (_, j) => Math.sin(5 * 16 + j)), 1);
if (r.neighbors[0] !== 5) throw new Error('nearest of point 5 is ' + r.neighbors[0]);`,
  },
];

/** Where a tuned build leaves its mark (the flags it was built with), inside the package's build folder. */
export const MARK_FILE = path.join('build', 'baoxun-native-tune.json');

/**
 * What to do, from the environment: `{ skip: reason }` or `{ nodedir, flags }` (`BAOXUN_NATIVE_FLAGS`
 * over `TUNED_FLAGS`, e.g. `-O3 -march=x86-64-v3` for an image that must run on any AVX2 CPU). Pure (the caller passes
 * what exists), so the decision is tested without compiling.
 */
export function tunePlan({ env, platform, execPath, exists }) {
  if (env.BAOXUN_NATIVE_TUNE === '0') return { skip: 'BAOXUN_NATIVE_TUNE=0' };
  if (platform === 'win32') return { skip: 'not on Windows (MSVC takes other flags)' };
  if (!env.npm_config_node_gyp) return { skip: 'node-gyp not known (run it as `npm run native:tune`)' };
  // The headers of the running Node: npm's `nodedir` setting, or those installed beside the binary.
  const candidates = [env.npm_config_nodedir, path.resolve(path.dirname(execPath), '..')].filter(Boolean);
  const nodedir = candidates.find((dir) => exists(path.join(dir, 'include', 'node', 'node_api.h')));
  if (!nodedir) return { skip: 'no Node headers on this machine (node-gyp would download them)' };
  return { nodedir, flags: env.BAOXUN_NATIVE_FLAGS || TUNED_FLAGS };
}

function run(cmd, args, opts) {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', ...opts });
  return { ok: r.status === 0, output: `${r.stdout ?? ''}${r.stderr ?? ''}`.trim() };
}

function main() {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(USAGE);
    return;
  }
  if (args.length) {
    process.stderr.write(USAGE);
    process.exitCode = 2;
    return;
  }
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const say = (line) => console.error(`native-tune: ${line}`);
  const plan = tunePlan({ env: process.env, platform: process.platform, execPath: process.execPath, exists: existsSync });
  if (plan.skip) {
    say(`plain builds kept: ${plan.skip}`);
    return;
  }
  const require = createRequire(path.join(root, 'package.json'));
  for (const pkg of TUNED_PACKAGES) {
    let dir;
    try {
      dir = path.dirname(require.resolve(`${pkg.name}/package.json`));
    } catch {
      say(`${pkg.name} is not installed, nothing to rebuild`);
      continue;
    }
    const mark = path.join(dir, MARK_FILE);
    if (
      existsSync(mark) &&
      JSON.parse(readFileSync(mark, 'utf8')).flags === plan.flags &&
      run(process.execPath, ['-e', pkg.smoke], { cwd: root }).ok
    ) {
      say(`${pkg.name} already built with ${plan.flags}`);
      continue;
    }
    const gyp = (flags) => {
      const env = { ...process.env, CFLAGS: flags, CXXFLAGS: flags };
      if (!flags) {
        delete env.CFLAGS;
        delete env.CXXFLAGS;
      }
      return run(process.execPath, [process.env.npm_config_node_gyp, 'rebuild', `--nodedir=${plan.nodedir}`], { cwd: dir, env });
    };
    say(`rebuilding ${pkg.name} with ${plan.flags} …`);
    const tuned = gyp(plan.flags);
    const works = tuned.ok && run(process.execPath, ['-e', pkg.smoke], { cwd: root });
    if (works && works.ok) {
      writeFileSync(mark, JSON.stringify({ flags: plan.flags, node: process.version }) + '\n');
      say(`${pkg.name} rebuilt with ${plan.flags}`);
      continue;
    }
    say(`${pkg.name}: the tuned build ${tuned.ok ? 'failed its smoke test' : 'did not compile'}; making the plain build again`);
    say((works ? works.output : tuned.output).split('\n').slice(-5).join('\n'));
    const plain = gyp('');
    if (!plain.ok || !run(process.execPath, ['-e', pkg.smoke], { cwd: root }).ok) {
      say(`${pkg.name}: the plain build failed too:\n${plain.output.split('\n').slice(-10).join('\n')}`);
      process.exitCode = 1;
    }
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
