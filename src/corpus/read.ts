/**
 * Reading the report inputs: files and folders → articles, each file by the format its extension names
 * (the registry in formats/). The I/O of the corpus stage, with ocr.ts (the OCR tools and their cache).
 * A bad file never stops the read: it is named in `skipped` with the reason and the rest goes on.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Article, CorpusReadResult, SkippedFile, SourceFile } from './types.ts';
import { decodeText } from './encoding.ts';
import { formatFor, supportedExtensions } from './formats/index.ts';

export interface ReadOptions {
  /** Called as each file is about to be read (progress). */
  onFile?: (path: string) => void;
  /** `Article.source` and skipped paths are relative to this; default: each folder input (a file's folder). */
  root?: string;
  /** Where slow results (OCR text) are kept between builds, by file checksum; none: not kept. */
  cacheDir?: string;
  /**
   * The file as it was last read, when its size and modification time say it is unchanged: it is then
   * passed over (its ids and content hash still count for duplicates). For index updates.
   */
  unchanged?: (file: string, size: number, mtimeMs: number) => SourceFile | undefined;
}

/** Every extension read as a report (front ends list it, and /reindex accepts only these). */
export { SUPPORTED_EXTENSIONS } from './formats/index.ts';

interface Input {
  file: string;
  root: string;
}

export async function readCorpus(inputs: string[], opts: ReadOptions = {}): Promise<CorpusReadResult> {
  const articles: Article[] = [];
  const sources: SourceFile[] = [];
  const skipped: SkippedFile[] = [];
  const ids = new Set<string>();
  const hashes = new Map<string, string>();
  let files = 0;

  const found: Input[] = [];
  for (const input of inputs) {
    const abs = path.resolve(input);
    try {
      const s = await stat(abs);
      if (s.isDirectory()) for (const f of await walk(abs)) found.push({ file: f, root: opts.root ?? abs });
      else found.push({ file: abs, root: opts.root ?? path.dirname(abs) });
    } catch (err) {
      skipped.push({ path: input, reason: `cannot open: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` });
    }
  }

  const seenFiles = new Set<string>();
  for (const { file, root } of found) {
    if (seenFiles.has(file)) continue;
    seenFiles.add(file);
    const rel = relative(root, file);
    opts.onFile?.(file);
    try {
      const st = opts.unchanged ? await stat(file) : undefined;
      const known = st && opts.unchanged!(file, st.size, st.mtimeMs);
      if (known && !hashes.has(known.sha1) && known.ids.every((id) => !ids.has(id))) {
        hashes.set(known.sha1, rel);
        for (const id of known.ids) ids.add(id);
        sources.push({ ...known, file, unchanged: true });
        files++;
        continue;
      }
      const result = await readOne(file, rel, ids, hashes, opts.cacheDir);
      if ('reason' in result) {
        skipped.push({ path: rel, reason: result.reason });
        continue;
      }
      // One at a time: a spread of a large archive's articles (or problems) overflows the call stack.
      for (const p of result.problems) skipped.push(p);
      if (result.articles.length === 0) {
        skipped.push({ path: rel, reason: 'no articles found' });
        continue;
      }
      for (const a of result.articles) articles.push(a);
      sources.push({ file, size: result.size, mtimeMs: result.mtimeMs, sha1: result.sha1, ids: result.articles.map((a) => a.id) });
      files++;
    } catch (err) {
      skipped.push({ path: rel, reason: `unreadable: ${(err as Error).message}` });
    }
  }
  return { articles, skipped, files, sources };
}

async function readOne(
  file: string,
  rel: string,
  ids: Set<string>,
  hashes: Map<string, string>,
  cacheDir: string | undefined,
): Promise<{ reason: string } | { articles: Article[]; problems: SkippedFile[]; size: number; mtimeMs: number; sha1: string }> {
  const ext = path.extname(file).toLowerCase();
  const format = formatFor(ext);
  if (!format) return { reason: `unsupported file type (${ext || 'no extension'}); expected ${supportedExtensions()}` };
  const { size, mtimeMs } = await stat(file);
  if (size === 0) return { reason: 'empty file' };
  const limit = format.maxBytes;
  if (size > limit) return { reason: `too large (${(size / 1048576).toFixed(0)} MB; the limit for ${ext} is ${limit / 1048576} MB)` };

  const buf = await readFile(file);
  const hash = createHash('sha1').update(buf).digest('hex');
  const first = hashes.get(hash);
  if (first !== undefined) return { reason: `duplicate of ${first} (same content)` };
  hashes.set(hash, rel);

  let input: string | Buffer = buf;
  if (!format.binary) {
    try {
      input = decodeText(buf).text;
    } catch (err) {
      return { reason: (err as Error).message };
    }
    if (input.trim() === '') return { reason: 'empty file (whitespace only)' };
  }

  const result = await format.parse(input, { source: rel, file, checksum: hash, cacheDir, ids });
  if (result.skip !== undefined) return { reason: result.skip };
  const problems = (result.problems ?? []).map((p) => ({ path: `${rel}${p.where}`, reason: p.reason }));
  if (format.ids === 'given') return { articles: result.articles, problems, size, mtimeMs, sha1: hash };
  // Page ids come from the file name; two folders may hold the same name, so fall back to the path.
  const base = rel.replace(/\.[^./]+$/, '');
  const articles = result.articles.map((a, i) => {
    let id = a.id;
    if (ids.has(id)) id = `${base}-${i + 1}`;
    for (let k = 2; ids.has(id); k++) id = `${base}-${i + 1}~${k}`;
    ids.add(id);
    return id === a.id ? a : { ...a, id };
  });
  return { articles, problems, size, mtimeMs, sha1: hash };
}

/** Files under a folder, depth first in sorted order, skipping dotfiles and dot-folders. */
async function walk(dir: string): Promise<string[]> {
  const entries = (await readdir(dir, { withFileTypes: true })).filter((e) => !e.name.startsWith('.'));
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: string[] = [];
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isSymbolicLink()) {
      // Linked folders are not followed (they can loop); linked files are read.
      const target = await stat(full).catch(() => undefined);
      if (target?.isFile()) out.push(full);
      continue;
    }
    if (e.isDirectory()) for (const f of await walk(full)) out.push(f);
    else out.push(full);
  }
  return out;
}

function relative(root: string, file: string): string {
  const rel = path.relative(root, file);
  return (rel === '' || rel.startsWith('..') ? path.basename(file) : rel).split(path.sep).join('/');
}
