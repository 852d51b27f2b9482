/**
 * Report files attached to /reindex by an admin: checked (a supported extension, a size limit, a
 * plain file name), downloaded with the limit enforced on the bytes actually received, and saved
 * into the reports folder atomically: written to a dotfile there (which readers skip), then renamed,
 * so a build never reads half a file. A file of the same name is replaced (an updated report).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SUPPORTED_EXTENSIONS } from '../corpus/read.ts';

export interface Attached {
  name: string;
  url: string;
  /** Discord's stated size (bytes). */
  size: number;
}

export interface UploadResult {
  saved: string[];
  rejected: Array<{ name: string; reason: string }>;
}

/** Why an attachment cannot be taken, or undefined when it can. Pure. */
export function uploadProblem(name: string, size: number, maxBytes: number): string | undefined {
  const ext = path.extname(name).toLowerCase();
  if (!SUPPORTED_EXTENSIONS.includes(ext))
    return `不支持的文件类型 / unsupported file type (${ext || 'none'}; ${SUPPORTED_EXTENSIONS.join(' ')})`;
  if (name !== path.basename(name) || name.startsWith('.') || /[\\/\0]/.test(name) || name.length > 200)
    return '文件名无效 / invalid file name';
  if (size > maxBytes) return `文件太大 / too large (${(size / 1048576).toFixed(1)} MB > ${(maxBytes / 1048576).toFixed(0)} MB)`;
  return undefined;
}

async function download(url: string, maxBytes: number): Promise<Buffer> {
  const res = await fetch(url, { signal: AbortSignal.timeout(60_000) });
  if (!res.ok || !res.body) throw new Error(`download failed (HTTP ${res.status})`);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of res.body) {
    total += (chunk as Uint8Array).length;
    if (total > maxBytes) throw new Error('文件太大 / too large');
    chunks.push(Buffer.from(chunk as Uint8Array));
  }
  return Buffer.concat(chunks);
}

export async function saveAttachments(files: readonly Attached[], reportsDir: string, maxBytes: number): Promise<UploadResult> {
  const result: UploadResult = { saved: [], rejected: [] };
  await mkdir(reportsDir, { recursive: true });
  for (const f of files) {
    const problem = uploadProblem(f.name, f.size, maxBytes);
    if (problem) {
      result.rejected.push({ name: f.name, reason: problem });
      continue;
    }
    const tmp = path.join(reportsDir, `.upload-${randomBytes(6).toString('hex')}`);
    try {
      await writeFile(tmp, await download(f.url, maxBytes), { flag: 'wx' });
      await rename(tmp, path.join(reportsDir, f.name));
      result.saved.push(f.name);
    } catch (err) {
      await rm(tmp, { force: true });
      result.rejected.push({ name: f.name, reason: (err as Error).message.slice(0, 100) });
    }
  }
  return result;
}
