/**
 * Compiles src/ and bench/ to plain JavaScript in dist/ (same layout: dist/src/cli/start.js), for
 * the entry points where start-up counts (`npm start`, `npm run ask`, the bench's cold start): Node
 * then loads JavaScript directly instead of compiling TypeScript through tsx's loader at every start
 * (measured in README, "Start-up"). One file out per file in, relative imports kept (`./x.ts` →
 * `./x.js`), packages left to node_modules, so lazy imports stay lazy and paths taken from
 * import.meta.url relative to a module hold.
 *
 * `node scripts/compile.mjs` compiles when any source is newer than the last compile (a few hundred
 * stat calls when nothing changed); `--force` always does; `--check` only says whether dist/ is current
 * (exit 1 when not). Plain JavaScript: it needs no loader itself.
 */
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE_DIRS = ['src', 'bench'].map((d) => path.join(ROOT, d));
export const DIST = path.join(ROOT, 'dist');
/** Written last by a compile: its time says when dist/ was complete. */
const STAMP = path.join(DIST, '.compiled');

function sources(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) sources(full, out);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

/** True when dist/ is missing or older than a source file (or than this script, or package.json). */
function allSources() {
  return SOURCE_DIRS.flatMap((dir) => sources(dir));
}

export function compileNeeded(files = allSources()) {
  let stamp;
  try {
    stamp = statSync(STAMP).mtimeMs;
  } catch {
    return true;
  }
  const inputs = [...files, fileURLToPath(import.meta.url), path.join(ROOT, 'package.json')];
  return inputs.some((f) => statSync(f).mtimeMs > stamp);
}

/**
 * Compiles src/ into a fresh dist/ (esbuild: type annotations stripped, nothing type-checked),
 * written beside it and swapped in by renames, so a program running from dist/ meanwhile never
 * sees half of it.
 */
export async function compile() {
  const { build } = await import('esbuild');
  const files = allSources();
  const fresh = `${DIST}.tmp-${process.pid}`;
  rmSync(fresh, { recursive: true, force: true });
  await build({
    entryPoints: files,
    outdir: fresh,
    outbase: ROOT,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    bundle: true,
    sourcemap: 'linked',
    logLevel: 'warning',
    plugins: [
      {
        // Each file stays its own module: a relative import is left to Node, renamed to the output file.
        name: 'keep-modules',
        setup(b) {
          b.onResolve({ filter: /^\.\.?\// }, (args) =>
            args.kind === 'entry-point' ? undefined : { path: args.path.replace(/\.ts$/, '.js'), external: true },
          );
          b.onResolve({ filter: /^[^./]/ }, (args) => (args.kind === 'entry-point' ? undefined : { path: args.path, external: true }));
        },
      },
    ],
  });
  // Node reads dist/*.js as ES modules by the project's "type": "module".
  mkdirSync(fresh, { recursive: true });
  writeFileSync(path.join(fresh, path.basename(STAMP)), new Date().toISOString() + '\n');
  const old = `${DIST}.old-${process.pid}`;
  try {
    renameSync(DIST, old);
  } catch {
    // No dist/ yet.
  }
  try {
    renameSync(fresh, DIST);
  } catch (err) {
    // Another compile of the same sources finished first (its dist/ is as good as this one).
    if (err.code !== 'ENOTEMPTY' && err.code !== 'EEXIST') throw err;
    rmSync(fresh, { recursive: true, force: true });
  }
  rmSync(old, { recursive: true, force: true });
}

/** Compiles when needed; returns whether it did. */
export async function ensureCompiled() {
  if (!compileNeeded()) return false;
  await compile();
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // --check: compile nothing, exit 1 when dist/ is missing or older than a source (a service that may
  // not write to the project checks before it starts, see deploy/baoxun.service).
  if (process.argv.includes('--check')) {
    const stale = compileNeeded();
    process.stderr.write(
      stale ? 'dist/ is missing or older than src/: run `npm run compile` in the project folder\n' : 'dist/ is up to date\n',
    );
    process.exit(stale ? 1 : 0);
  }
  const force = process.argv.includes('--force');
  const started = Date.now();
  const did = force ? (await compile(), true) : await ensureCompiled();
  process.stderr.write(did ? `compiled src/ to dist/ in ${Date.now() - started} ms\n` : 'dist/ is up to date\n');
}
