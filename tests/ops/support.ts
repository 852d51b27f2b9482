/** Reports and helpers shared by the operations tests: a shipped page plus small reports each with its own question. */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../../src/config.ts';
import { buildIndex } from '../../src/index/build.ts';
import { BuiltinEmbedder } from '../../src/index/embedders/builtin.ts';

const run = promisify(execFile);

/** A report as a JSONL line, the question only it answers, and a phrase its answer must show. */
export interface TestReport {
  file: string;
  line: string;
  question: string;
  shows: string;
}

function report(file: string, id: string, title: string, text: string, question: string, shows: string): TestReport {
  return { file, line: JSON.stringify({ id, title, date: '2021-06-01', text }) + '\n', question, shows };
}

export const QINGLONG = report(
  'qinglong.jsonl',
  'qinglong-flood-1',
  '青龙镇召开防汛抗旱工作会议',
  '6月1日，青龙镇召开防汛抗旱工作会议。镇党委书记李明远主持会议并讲话。会议要求各村做好汛期值守，排查河道隐患，确保群众安全度汛。',
  '青龙镇防汛抗旱工作会议要求各村做什么？',
  '汛期值守',
);
export const TIANHE = report(
  'tianhe.jsonl',
  'tianhe-water-1',
  '天河街道召开供水保障工作会议',
  '7月2日，天河街道召开供水保障工作会议。街道办事处主任陈国栋主持会议。会议要求各社区排查老旧水管，确保居民夏季用水。',
  '天河街道供水保障工作会议要求各社区做什么？',
  '老旧水管',
);
export const BAIYUN = report(
  'baiyun.jsonl',
  'baiyun-grain-1',
  '白云镇召开秋粮收购工作会议',
  '9月3日，白云镇召开秋粮收购工作会议。镇长刘振华主持会议。会议要求各收购点严格执行最低收购价，不得压级压价。',
  '白云镇秋粮收购工作会议要求各收购点做什么？',
  '最低收购价',
);

/** A temp folder with reports/ (the shipped page) and index/ built from it. */
export async function reportsWithIndex(name: string): Promise<{ dir: string; reports: string; index: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), `baoxun-${name}-`));
  const reports = path.join(dir, 'reports');
  const index = path.join(dir, 'index');
  mkdirSync(reports);
  copyFileSync(path.join(PROJECT_ROOT, 'data', 'reports', '000_6fe4e08eb425cb22.txt'), path.join(reports, 'page.txt'));
  await buildIndex({ inputs: [reports], outDir: index, embedder: new BuiltinEmbedder() });
  return { dir, reports, index };
}

/** Runs a CLI of src/cli with this Node and tsx; never throws on a non-zero exit. */
export async function cli(
  file: string,
  args: string[],
  env: Record<string, string>,
  input?: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = run(process.execPath, ['--import', 'tsx', path.join('src', 'cli', file), ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, DISCORD_TOKEN: '', ...env },
  });
  if (input !== undefined) {
    child.child.stdin!.end(input);
  }
  try {
    const r = await child;
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
