/**
 * 1,000 questions in a row through one `npm run ask -- --batch` process: every one answered, and the
 * process's resident memory after warm-up stays flat (sampled from /proc while it runs).
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/index/build.ts';
import { BuiltinEmbedder } from '../../src/index/embedders/builtin.ts';
import { finished, generateArticles, ROOT, seeded, spawnCli, tempDir, writeJsonl } from './support.ts';

const COUNT = 1000;
let dir: string;
let indexDir: string;

beforeAll(async () => {
  dir = tempDir('loadcli');
  indexDir = path.join(dir, 'index');
  const archive = path.join(dir, 'archive.jsonl');
  writeJsonl(archive, generateArticles(300, 5));
  await buildIndex({ inputs: [path.join(ROOT, 'data', 'reports'), archive], outDir: indexDir, embedder: new BuiltinEmbedder() });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Varied questions: Chinese who/when/what, traditional, English and mixed, about the page and the archive. */
function questions(n: number): string[] {
  const rand = seeded(99);
  const places = ['东城', '西湖', '南山', '北塘', '高新', '滨河', '金桥', '青龙', '白云', '长安'];
  const topics = ['安全生产', '疫情防控', '信访工作', '城市建设', '乡村振兴', '环境保护', '招商引资', '教育发展'];
  const forms = [
    (p: string, t: string) => `${p}区${t}专题会议是哪天召开的？`,
    (p: string, t: string) => `谁主持了${p}区的${t}会议？`,
    (p: string, t: string) => `${p}區${t}會議強調了什麼？`,
    (_: string, t: string) => `What did the ${t} meeting decide?`,
    () => 'Who chaired the epidemic prevention meeting?',
    () => '谁主持了冬春季疫情防控工作动员会？',
    () => '信访工作应当摆在什么位置？',
    (p: string) => `${p}区今年的财政收入是多少？`,
    (p: string, t: string) => `${t} in ${p}区 2021年 怎么样`,
  ];
  return Array.from({ length: n }, (_, i) => {
    const f = forms[Math.floor(rand() * forms.length)]!;
    return `${f(places[Math.floor(rand() * places.length)]!, topics[Math.floor(rand() * topics.length)]!)}${i % 7 === 0 ? ` #${i}` : ''}`;
  });
}

function rssKb(pid: number): number | undefined {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

describe('1,000 questions through ask --batch', () => {
  it('answers every one with flat memory', async () => {
    const qs = questions(COUNT);
    const file = path.join(dir, 'questions.jsonl');
    writeFileSync(file, qs.map((q, i) => JSON.stringify({ id: String(i), q })).join('\n') + '\n');
    const child = spawnCli('ask', ['--index', indexDir, '--batch', file]);
    const done = finished(child);
    let lines = 0;
    child.stdout!.on('data', (d: Buffer) => {
      for (const c of d) if (c === 0x0a) lines++;
    });
    const samples: Array<{ lines: number; kb: number }> = [];
    const timer = setInterval(() => {
      const kb = rssKb(child.pid!);
      if (kb !== undefined) samples.push({ lines, kb });
    }, 20);
    const r = await done;
    clearInterval(timer);

    expect(r.code, r.stderr).toBe(0);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; error?: string; answer?: string });
    expect(out.map((o) => o.id)).toEqual(qs.map((_, i) => String(i)));
    expect(out.filter((o) => o.error !== undefined)).toEqual([]);
    expect(out.every((o) => typeof o.answer === 'string' && o.answer.length > 0)).toBe(true);

    // Warm-up: the first 100 answers (lexicon, caches, JIT). End: the last sample while answering.
    const warm = samples.find((s) => s.lines >= 100);
    const end = samples.filter((s) => s.lines < COUNT).at(-1);
    expect(warm, 'an RSS sample after warm-up').toBeDefined();
    expect(end!.lines, 'an RSS sample near the end').toBeGreaterThanOrEqual(COUNT * 0.8);
    const peak = Math.max(...samples.map((s) => s.kb));
    console.log(
      `ask --batch ${COUNT}: RSS after ${warm!.lines} answers ${Math.round(warm!.kb / 1024)} MB, after ${end!.lines} ${Math.round(end!.kb / 1024)} MB, peak ${Math.round(peak / 1024)} MB (${samples.length} samples)`,
    );
    expect(end!.kb).toBeLessThan(2 * warm!.kb);
  });
});
