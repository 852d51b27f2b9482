/**
 * `node scripts/run-compiled.mjs src/cli/start.js [args…]`: runs an entry point of src/ as compiled
 * JavaScript (dist/, see compile.mjs), compiling first when a source changed, so `npm start` and
 * `npm run ask` work from a fresh clone and always run the current sources.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, ensureCompiled } from './compile.mjs';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  process.stderr.write('Usage: node scripts/run-compiled.mjs src/cli/NAME.js [args…]\n');
  process.exit(2);
}
await ensureCompiled();
const file = path.join(DIST, entry);
// The entry sees itself as the program, as if started with `node dist/src/cli/NAME.js args…`.
process.argv = [process.argv[0], file, ...args];
await import(pathToFileURL(file).href);
