/**
 * OCR of scanned pages with the Tesseract command-line tool (and poppler's `pdftoppm` to render a PDF
 * page without a text layer): the I/O edge of the scan formats. Tesseract is optional: without it a scan
 * is skipped with a one-line message naming the Debian packages. OCR is slow, so its text is kept under
 * the cache folder by the file's checksum (and page), and an unchanged scan is never OCR'd twice.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Simplified and traditional Chinese models; the traineddata files come from these Debian packages. */
export const OCR_LANGUAGES = ['chi_sim', 'chi_tra'] as const;
export const OCR_PACKAGES = 'tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-chi-tra';
export const RENDER_PACKAGE = 'poppler-utils';
/** Scans are rendered and read at this resolution (Tesseract reads 10-point print well from 200 dpi). */
export const SCAN_DPI = 300;
const OCR_TIMEOUT_MS = 300_000;

export type OcrErrorCode = 'OCR_MISSING' | 'OCR_FAILED' | 'RENDER_MISSING' | 'RENDER_FAILED';

export class OcrError extends Error {
  constructor(
    readonly code: OcrErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'OcrError';
  }
}

let languages: Promise<string | undefined> | undefined;

/** The `-l` argument for the installed Chinese models, or undefined when Tesseract or both models are missing. */
function installedLanguages(): Promise<string | undefined> {
  languages ??= run('tesseract', ['--list-langs'], { timeout: 30_000 })
    .then(({ stdout, stderr }) => {
      const have = new Set(`${stdout}\n${stderr}`.split(/\s+/));
      const langs = OCR_LANGUAGES.filter((l) => have.has(l));
      return langs.length > 0 ? langs.join('+') : undefined;
    })
    .catch(() => undefined);
  return languages;
}

/** Why OCR cannot run here (one line naming the packages), or undefined when it can. */
export async function ocrUnavailable(): Promise<string | undefined> {
  return (await installedLanguages()) ? undefined : `OCR needs Tesseract with its Chinese models: apt-get install ${OCR_PACKAGES}`;
}

export interface OcrOptions {
  /** Cache folder; none: not cached. */
  cacheDir?: string;
  /** Cache key: the file's checksum, with the page for a PDF page. */
  key: string;
}

/** The text of a scanned page image. Throws OcrError. */
export async function ocrImage(image: string, opts: OcrOptions): Promise<string> {
  return cached(opts, async () => {
    const langs = await installedLanguages();
    if (!langs) throw new OcrError('OCR_MISSING', (await ocrUnavailable())!);
    try {
      // One thread: the machine's cores are shared and Tesseract's threads mostly wait on each other.
      const { stdout } = await run('tesseract', [image, 'stdout', '-l', langs, '--psm', '3'], {
        timeout: OCR_TIMEOUT_MS,
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, OMP_THREAD_LIMIT: '1' },
      });
      return stdout;
    } catch (err) {
      const detail = ((err as { stderr?: string }).stderr ?? (err as Error).message).trim().split('\n').pop();
      throw new OcrError('OCR_FAILED', `OCR could not read the image (${detail})`);
    }
  });
}

/** The text of one page of a PDF without a text layer: rendered with pdftoppm, then OCR'd. Throws OcrError. */
export async function ocrPdfPage(pdf: string, page: number, opts: OcrOptions): Promise<string> {
  return cached(opts, async () => {
    const why = await ocrUnavailable();
    if (why) throw new OcrError('OCR_MISSING', why);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'baoxun-scan-'));
    try {
      const base = path.join(dir, 'page');
      try {
        await run('pdftoppm', ['-r', String(SCAN_DPI), '-gray', '-png', '-singlefile', '-f', String(page), '-l', String(page), pdf, base], {
          timeout: OCR_TIMEOUT_MS,
        });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT')
          throw new OcrError('RENDER_MISSING', `rendering a scanned PDF page needs pdftoppm: apt-get install ${RENDER_PACKAGE}`);
        throw new OcrError('RENDER_FAILED', `the page could not be rendered for OCR (${(err as Error).message.split('\n')[0]})`);
      }
      return await ocrImage(`${base}.png`, { key: opts.key });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
}

async function cached(opts: OcrOptions, make: () => Promise<string>): Promise<string> {
  const file = opts.cacheDir ? path.join(opts.cacheDir, `${opts.key}.txt`) : undefined;
  if (file) {
    const hit = await readFile(file, 'utf8').catch(() => undefined);
    if (hit !== undefined) return hit;
  }
  const text = await make();
  if (file) {
    // Written beside and renamed, so a cut-off build never leaves half a text behind.
    await mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, text);
    await rename(tmp, file);
  }
  return text;
}
