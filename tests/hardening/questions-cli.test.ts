/** Hostile questions through `npm run ask -- --batch` (one process for all): each gets a clear error or an answer. */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/index/build.ts';
import { BuiltinEmbedder } from '../../src/index/embedders/builtin.ts';
import { hostileQuestions } from './hostile-questions.ts';
import { ROOT, runCli, tempDir } from './support.ts';

/** Kinds with nothing to search for: these must be refused with a message, not answered. */
const REFUSED = new Set([
  'empty',
  'whitespace',
  '10,000 characters',
  '10,000 characters ASCII',
  'only emoji',
  'zero-width only',
  'bidi controls only',
  'surrogates only',
  'mentions only',
  'punctuation only',
]);

let dir: string;
let indexDir: string;

beforeAll(async () => {
  dir = tempDir('qcli');
  indexDir = path.join(dir, 'index');
  await buildIndex({ inputs: [path.join(ROOT, 'data', 'reports')], outDir: indexDir, embedder: new BuiltinEmbedder() });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('hostile questions through ask --batch', () => {
  it('answers or refuses each one clearly, in order, and exits normally', async () => {
    const cases = hostileQuestions();
    const file = path.join(dir, 'hostile.jsonl');
    // JSON.stringify writes lone surrogates as \ud800 escapes, so they reach the CLI intact.
    writeFileSync(file, cases.map((c, i) => JSON.stringify({ id: `h${i}`, q: c.q })).join('\n') + '\n');
    const r = await runCli('ask', ['--index', indexDir, '--batch', file]);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out.map((o) => o.id)).toEqual(cases.map((_, i) => `h${i}`));
    for (const [i, o] of out.entries()) {
      const kind = cases[i]!.kind;
      if (REFUSED.has(kind)) {
        expect(o.error, kind).toEqual(expect.any(String));
        const error = o.error as string;
        expect(error.length, kind).toBeGreaterThan(5);
        expect(error, kind).not.toContain('\n');
        expect(error, kind).toMatch(/问题|question/i);
      } else {
        expect(o.error, kind).toBeUndefined();
        expect(typeof o.answer, kind).toBe('string');
        expect((o.answer as string).length, kind).toBeGreaterThan(0);
        expect(Array.isArray(o.citations), kind).toBe(true);
        // The question echoed back is the cleaned one: no broken surrogates, controls or mention markup.
        const question = o.question as string;
        expect(question, kind).not.toMatch(/[\uD800-\uDFFF]|\p{Cc}|<@|@everyone/u);
      }
    }
  });
});
