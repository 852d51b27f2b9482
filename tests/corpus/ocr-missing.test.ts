import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');

describe('a scan where Tesseract is not installed', () => {
  it('is skipped with one line naming the Debian packages, and the rest is read', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'baoxun-no-ocr-'));
    try {
      writeFileSync(path.join(dir, 'scan.png'), Buffer.from('89504e470d0a1a0a', 'hex'));
      writeFileSync(path.join(dir, 'page.txt'), '本报讯（记者 王小明）3月4日上午，高新区召开安全生产工作会议。');
      const script = `const { readCorpus } = await import(${JSON.stringify(path.join(root, 'src/corpus/read.ts'))});
        const r = await readCorpus([${JSON.stringify(dir)}]);
        console.log(JSON.stringify({ skipped: r.skipped, articles: r.articles.length }));`;
      // No PATH: no tesseract (nor anything else) can be found.
      const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        cwd: root,
        env: { PATH: '' },
        encoding: 'utf8',
      });
      expect(run.status, run.stderr).toBe(0);
      const out = JSON.parse(run.stdout.trim()) as { skipped: Array<{ path: string; reason: string }>; articles: number };
      expect(out.articles).toBe(1);
      expect(out.skipped).toEqual([
        {
          path: 'scan.png',
          reason: 'OCR needs Tesseract with its Chinese models: apt-get install tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-chi-tra',
        },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
