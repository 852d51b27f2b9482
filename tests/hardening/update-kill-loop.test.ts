/**
 * SIGKILL index updates and merges at seeded random points, many times: after every kill the index
 * on disk holds exactly the reports before the update or exactly those after it (never a mix, never
 * a deleted report back), it loads and answers, and the next update runs.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockPath } from '../../src/index/build-lock.ts';
import { loadIndex } from '../../src/index/load.ts';
import { ReportsEngine } from '../../src/retrieval/engine.ts';
import { FakeEmbedder } from '../index/fake-embedder.ts';
import { generateArticles, NO_MODELS, ROOT, seeded, tempDir, writeJsonl, type GeneratedArticle } from './support.ts';

const ITERATIONS = 12;
/** Where stage kills land; merges twice as often (they are the newer code path). */
const STAGES = ['read', 'embed', 'analyse', 'hnsw', 'write', 'merge', 'merge'];
let dir: string;
let reports: string;

beforeAll(() => {
  dir = tempDir('update-kill');
  reports = path.join(dir, 'reports');
  mkdirSync(reports);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Report files by name: each holds a few articles whose text ends with its version tag. */
type State = Map<string, string>;

function tagged(articles: GeneratedArticle[], version: number): GeneratedArticle[] {
  return articles.map((a) => ({ ...a, text: `${a.text}版本${version}。` }));
}

/** The live articles of the index: id → version tag. */
async function indexState(outDir: string): Promise<State> {
  const index = await loadIndex(outDir, { modelsDir: NO_MODELS, embedder: new FakeEmbedder() });
  expect(index.chunks.length).toBe(index.manifest.counts.chunks);
  const answer = await ReportsEngine.fromIndex(index, { modelsDir: NO_MODELS }).ask('专题会议是哪天召开的？');
  expect(answer.citations.length + answer.related.length).toBeGreaterThan(0);
  return new Map(index.articles.map((a) => [a.id, /版本(\d+)。$/.exec(a.body)?.[1] ?? '?']));
}

function runChild(outDir: string, kill: { stage?: string; delay: number } | undefined) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/index/update-child.ts', reports, outDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  if (kill) {
    const fire = () => setTimeout(() => child.kill('SIGKILL'), kill.delay);
    if (!kill.stage) fire();
    child.stdout!.on('data', (d: Buffer) => {
      const had = out.includes(`stage ${kill.stage}`);
      out += d.toString();
      if (kill.stage && !had && out.includes(`stage ${kill.stage}`)) fire();
    });
  } else child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  return exited.then((r) => ({ ...r, out, err }));
}

describe('SIGKILL during index updates and merges, again and again', () => {
  it('always leaves the index before or after the update, loadable and answering', async () => {
    const outDir = path.join(dir, 'index');
    const rand = seeded(424242);
    let version = 0;
    const files = new Map<string, GeneratedArticle[]>();
    const expected = (): State => {
      const m: State = new Map();
      for (const arts of files.values()) for (const a of arts) m.set(a.id, /版本(\d+)。$/.exec(a.text)![1]!);
      return m;
    };
    const write = (name: string, arts: GeneratedArticle[]) => {
      files.set(name, arts);
      writeJsonl(path.join(reports, `${name}.jsonl`), arts);
    };
    for (let f = 0; f < 3; f++) write(`f${f}`, tagged(generateArticles(8, f, `f${f}`), version));
    // Timed kills land within a run's own duration, so they hit on a fast machine and a loaded one alike.
    const t0 = Date.now();
    const first = await runChild(outDir, undefined);
    const runMs = Date.now() - t0;
    expect(first.code, first.err).toBe(0);
    let current = await indexState(outDir);
    expect(current).toEqual(expected());

    const outcomes: string[] = [];
    let next = 3;
    let merged = 0;
    for (let i = 0; i < ITERATIONS; i++) {
      // A random change: add a report file, remove one, or change one's articles.
      version++;
      const names = [...files.keys()];
      const roll = rand();
      if (roll < 0.5 || names.length < 2) {
        const name = `f${next++}`;
        write(name, tagged(generateArticles(2 + Math.floor(rand() * 6), next * 7, name), version));
      } else if (roll < 0.75) {
        const name = names[Math.floor(rand() * names.length)]!;
        files.delete(name);
        unlinkSync(path.join(reports, `${name}.jsonl`));
      } else {
        const name = names[Math.floor(rand() * names.length)]!;
        write(
          name,
          files.get(name)!.map((a, k) => (k % 2 === 0 ? { ...a, text: a.text.replace(/版本\d+。$/, `版本${version}。`) } : a)),
        );
      }
      const after = expected();
      const byStage = rand() < 0.6;
      const kill = {
        stage: byStage ? STAGES[Math.floor(rand() * STAGES.length)] : undefined,
        delay: Math.floor(rand() * (byStage ? 60 : runMs * 0.8)),
      };
      const r = await runChild(outDir, kill);
      if (r.signal !== 'SIGKILL') expect(r.code, r.err).toBe(0);
      expect(r.err).not.toMatch(/Another index build/);
      outcomes.push(
        r.signal === 'SIGKILL' ? `killed (${kill.stage ?? ''} +${kill.delay} ms; reached ${r.out.trim().split('\n').pop()})` : 'completed',
      );

      const now = await indexState(outDir);
      // Exactly the reports before this update or exactly those after it.
      if (JSON.stringify([...now].sort()) !== JSON.stringify([...after].sort())) expect([...now].sort()).toEqual([...current].sort());
      current = now;
      if (r.out.includes('stage merge')) merged++;
      // A killed update is redone by the next run (the change is still on disk): finish it now.
      if (r.signal === 'SIGKILL') {
        const done = await runChild(outDir, undefined);
        expect(done.code, done.err).toBe(0);
        if (done.out.includes('stage merge')) merged++;
        current = await indexState(outDir);
      }
      expect([...current].sort()).toEqual([...after].sort());
    }
    expect(outcomes.filter((o) => o.startsWith('killed')).length).toBeGreaterThanOrEqual(ITERATIONS / 3);
    // Merges ran along the way (the child's policy merges every three small segments).
    expect(merged).toBeGreaterThan(1);
    const manifest = JSON.parse(readFileSync(path.join(outDir, 'manifest.json'), 'utf8')) as { segments: unknown[] };
    expect(manifest.segments.length).toBeLessThan(ITERATIONS);
    expect(existsSync(lockPath(outDir))).toBe(false);
    expect(readdirSync(dir).filter((n) => n.startsWith('index.v-')).length).toBe(1);
    console.log(`update kill loop: ${outcomes.join('; ')}`);
  }, 300_000);
});
