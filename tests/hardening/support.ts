/**
 * Shared pieces of the hardening tests: spawning the CLIs as single node processes (so SIGKILL and
 * RSS reach the real worker, not a tsx wrapper), a seeded generator, and generated report corpora.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config.ts';
import { seededRandom } from '../../bench/prng.ts';

export const ROOT = PROJECT_ROOT;
export const SHIPPED_PAGE = path.join(ROOT, 'data', 'reports', '000_6fe4e08eb425cb22.txt');
/** An empty models folder: `auto` then means the built-in embedder, whatever is installed in data/models. */
export const NO_MODELS = path.join(tmpdir(), 'baoxun-hardening-no-models');

export function tempDir(tag: string): string {
  return mkdtempSync(path.join(tmpdir(), `baoxun-hard-${tag}-`));
}

export function cliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, LOG_LEVEL: 'warn', BAOXUN_MODELS_DIR: NO_MODELS, BAOXUN_EMBEDDER: 'builtin', ...extra };
}

/** `node --import tsx src/cli/<name>.ts …`: one process, exactly what `npm run <name>` runs. */
export function spawnCli(name: 'index' | 'ask', args: string[], env: NodeJS.ProcessEnv = cliEnv()): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', path.join('src', 'cli', `${name}.ts`), ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function finished(child: ChildProcess): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

export function runCli(name: 'index' | 'ask', args: string[], env?: NodeJS.ProcessEnv): Promise<CliResult> {
  return finished(spawnCli(name, args, env));
}

/** The bench's seeded generator (mulberry32), so "random" kill points and corpora repeat run to run. */
export const seeded = seededRandom;

/** The shipped page's sentences, the raw material of generated articles. */
function pageSentences(): string[] {
  const text = readFileSync(SHIPPED_PAGE, 'utf8').replace(/\s+/g, '');
  return (text.match(/[^。！？]+[。！？]/gu) ?? []).filter((s) => s.length >= 8 && s.length <= 200);
}

const PLACES = ['东城', '西湖', '南山', '北塘', '高新', '滨河', '金桥', '青龙', '白云', '长安'];
const TOPICS = ['安全生产', '疫情防控', '信访工作', '城市建设', '乡村振兴', '环境保护', '招商引资', '教育发展', '交通运输', '医疗卫生'];

export interface GeneratedArticle {
  id: string;
  title: string;
  text: string;
  date: string;
}

/** `count` articles as JSONL records: each a headline naming a place and topic, and 6–12 page sentences. */
export function generateArticles(count: number, seed: number, idPrefix = 'gen'): GeneratedArticle[] {
  const rand = seeded(seed);
  const sentences = pageSentences();
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const out: GeneratedArticle[] = [];
  for (let i = 0; i < count; i++) {
    const place = pick(PLACES);
    const topic = pick(TOPICS);
    const n = 6 + Math.floor(rand() * 7);
    const body = [`${place}区召开${topic}专题会议第${i + 1}次会议。`];
    for (let k = 0; k < n; k++) body.push(pick(sentences));
    const month = String(1 + (i % 12)).padStart(2, '0');
    const day = String(1 + (i % 28)).padStart(2, '0');
    out.push({
      id: `${idPrefix}-${i + 1}`,
      title: `${place}区召开${topic}专题会议（第${i + 1}次）`,
      text: body.join(''),
      date: `2021-${month}-${day}`,
    });
  }
  return out;
}

export function writeJsonl(file: string, articles: GeneratedArticle[]): void {
  writeFileSync(file, articles.map((a) => JSON.stringify(a)).join('\n') + '\n');
}
