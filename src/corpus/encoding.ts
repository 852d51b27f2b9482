/** Decoding report files whose encoding is not declared: UTF-8/16 by BOM or validity, else GB18030 vs Big5 by plausibility. */
import iconv from 'iconv-lite';
import { COMMON_CJK } from './common-chars.ts';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

/** A file that is not readable text; the message says why. */
export class DecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DecodeError';
  }
}

/** Below this share of common characters among the Han characters, neither Chinese decoding is believed. */
const MIN_COMMON_SHARE = 0.2;

export function decodeText(buf: Uint8Array): DecodedText {
  if (buf.length === 0) throw new DecodeError('empty file');
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    return { text: strictUtf8(buf.subarray(3)) ?? lossyUtf8(buf.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (buf[0] === 0xff && buf[1] === 0xfe) return { text: iconv.decode(Buffer.from(buf.subarray(2)), 'utf-16le'), encoding: 'utf-16le' };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { text: iconv.decode(Buffer.from(buf.subarray(2)), 'utf-16be'), encoding: 'utf-16be' };
  if (looksBinary(buf)) throw new DecodeError('binary file');

  const utf8 = strictUtf8(buf);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' };
  // Valid UTF-8 up to a character cut in half at the end: the file was truncated, not mis-encoded.
  for (let cut = 1; cut <= 3 && cut < buf.length; cut++) {
    if (strictUtf8(buf.subarray(0, buf.length - cut)) !== undefined && (buf[buf.length - cut] & 0xc0) === 0xc0) {
      throw new DecodeError('truncated UTF-8 (the file ends in the middle of a character)');
    }
  }

  const b = Buffer.from(buf);
  const gb = iconv.decode(b, 'gb18030');
  const big5 = iconv.decode(b, 'big5');
  const gbScore = plausibility(gb);
  const big5Score = plausibility(big5);
  const best =
    gbScore >= big5Score
      ? { text: gb, encoding: 'gb18030' as const, score: gbScore }
      : { text: big5, encoding: 'big5' as const, score: big5Score };
  if (best.score < MIN_COMMON_SHARE) throw new DecodeError('undecodable text (not UTF-8, UTF-16, GB18030 or Big5)');
  return { text: best.text, encoding: best.encoding };
}

function strictUtf8(buf: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return undefined;
  }
}

function lossyUtf8(buf: Uint8Array): string {
  return new TextDecoder('utf-8').decode(buf);
}

/** NUL bytes, or many control characters, in the first 64 KB. */
function looksBinary(buf: Uint8Array): boolean {
  const n = Math.min(buf.length, 65536);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = buf[i];
    if (c === 0) return true;
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x1b) control++;
  }
  return control / n > 0.05;
}

/** Share of common characters among Han characters, penalised by replacement and private-use characters. */
function plausibility(text: string): number {
  let han = 0;
  let common = 0;
  let bad = 0;
  const limit = Math.min(text.length, 200_000);
  for (let i = 0; i < limit; i++) {
    const ch = text[i];
    const c = ch.charCodeAt(0);
    if (c === 0xfffd || (c >= 0xe000 && c <= 0xf8ff)) bad++;
    else if (c >= 0x4e00 && c <= 0x9fff) {
      han++;
      if (COMMON_CJK.has(ch)) common++;
    }
  }
  if (han === 0) return bad === 0 ? 1 : 0;
  return common / (han + 5 * bad);
}
