/**
 * A laid-out page's text pieces (a PDF's text layer) → page text in reading order, for the page parser.
 *
 * Layout programs draw a page's text in any order, so the order of the content stream is never used:
 * the pieces are cut recursively (an XY cut) into bands across the page at wide horizontal gaps, and
 * into columns at vertical gaps, read top to bottom and left to right. Headlines are lines set in a
 * size well above the body text's; a headline broken over several lines is joined into one, and set
 * apart by blank lines so the page parser places it over its article. A page header or footer band
 * (`高新区报 2021年3月5日 星期五 第2版`) is joined into one line, which the page parser recognises.
 * Pure: positions in, text out.
 */
import { readMastheadLine } from './masthead.ts';

/** One run of text as the PDF places it: `x`, `y` of its baseline from the page's top-left, in points. */
export interface TextPiece {
  text: string;
  x: number;
  y: number;
  width: number;
  /** Font size (the glyphs' height), in points. */
  size: number;
}

export interface PageLayout {
  text: string;
  /** The headlines found by size, in reading order. */
  headlines: string[];
  /** The page header or footer line, when one was found. */
  header?: string;
}

/** Tuning of the layout rules, each measured against the size of the page's body text. */
export const LAYOUT_RULES = {
  /** Pieces on one baseline join into a line when the gap between them is under this many body sizes (less than a gutter). */
  joinGap: 0.6,
  /** A gap between bands of text this many body sizes high cuts the region across. */
  bandGap: 1.4,
  /** A vertical gap this many body sizes wide separates columns. */
  columnGap: 0.8,
  /** A line set at least this many times the body size is a headline. */
  headline: 1.25,
} as const;

interface Line {
  text: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
  size: number;
}

export function layoutPage(pieces: TextPiece[]): PageLayout {
  const kept = pieces.filter((p) => p.text.trim() !== '' && p.size > 0);
  if (kept.length === 0) return { text: '', headlines: [] };
  const body = bodySize(kept);
  const lines = toLines(kept, body);
  const blocks = xyCut(lines, body);
  const out: string[] = [];
  const headlines: string[] = [];
  let header: string | undefined;
  blocks.forEach((block, b) => {
    // A band at the top or bottom made only of header parts is the page header or footer.
    if (b === 0 || b === blocks.length - 1) {
      const joined = block.map((l) => l.text.trim()).join(' ');
      if (readMastheadLine(joined)) {
        header ??= joined;
        out.push(joined, '');
        return;
      }
    }
    let heading: string[] = [];
    let headingSize = 0;
    const flushHeading = () => {
      if (heading.length === 0) return;
      const h = heading.join('');
      headlines.push(h);
      out.push('', h, '');
      heading = [];
    };
    for (const line of block) {
      if (line.size >= body * LAYOUT_RULES.headline) {
        // Lines of one size are one headline broken over lines; a kicker or subtitle in another size is a line of its own.
        if (Math.abs(line.size - headingSize) > 0.05 * headingSize) flushHeading();
        headingSize = line.size;
        heading.push(line.text.trim());
      } else {
        flushHeading();
        out.push(line.text);
      }
    }
    flushHeading();
    out.push('');
  });
  return {
    text: out
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim(),
    headlines,
    ...(header ? { header } : {}),
  };
}

/** The size most of the page's characters are set in. */
function bodySize(pieces: TextPiece[]): number {
  const weight = new Map<number, number>();
  for (const p of pieces) {
    const s = Math.round(p.size * 2) / 2;
    weight.set(s, (weight.get(s) ?? 0) + p.text.length);
  }
  return [...weight].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
}

/** Pieces sharing a baseline and close together become one line. */
function toLines(pieces: TextPiece[], body: number): Line[] {
  const sorted = [...pieces].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: Line[] = [];
  for (const p of sorted) {
    const last = lines.find(
      (l) =>
        Math.abs(l.bottom - p.y) < Math.min(l.size, p.size) * 0.3 &&
        p.x >= l.left - 0.5 &&
        p.x - l.right < body * LAYOUT_RULES.joinGap &&
        Math.abs(l.size - p.size) < 0.15 * Math.max(l.size, p.size),
    );
    if (last) {
      last.text += p.x - last.right > p.size * 0.5 ? ` ${p.text}` : p.text;
      last.right = Math.max(last.right, p.x + p.width);
      continue;
    }
    lines.push({ text: p.text, left: p.x, right: p.x + p.width, top: p.y - p.size, bottom: p.y, size: p.size });
  }
  return lines;
}

/**
 * Bands across the page at wide gaps, columns at vertical gaps, recursively; each leaf is read top to
 * bottom. Consecutive bands cut into the same columns (a row of headlines over a row of bodies) are
 * read column by column, so each headline stays over its own article.
 */
function xyCut(lines: Line[], body: number): Line[][] {
  if (lines.length <= 1) return lines.length ? [lines] : [];
  const bands = split(lines, (l) => [l.top, l.bottom], body * LAYOUT_RULES.bandGap);
  if (bands.length > 1) {
    const out: Line[][] = [];
    let group = bands[0];
    let merged = false;
    const flush = () => out.push(...(merged ? columnsOf(group, body).flatMap((c) => xyCut(c, body)) : xyCut(group, body)));
    for (const band of bands.slice(1)) {
      const n = columnsOf(group, body).length;
      if (n > 1 && columnsOf(band, body).length === n && columnsOf([...group, ...band], body).length === n) {
        group = [...group, ...band];
        merged = true;
        continue;
      }
      flush();
      group = band;
      merged = false;
    }
    flush();
    return out;
  }
  const columns = columnsOf(lines, body);
  if (columns.length > 1) return columns.flatMap((c) => xyCut(c, body));
  return [[...lines].sort((a, b) => a.bottom - b.bottom || a.left - b.left)];
}

function columnsOf(lines: Line[], body: number): Line[][] {
  return split(lines, (l) => [l.left, l.right], body * LAYOUT_RULES.columnGap);
}

/** Groups lines whose spans along one axis overlap or lie closer than `gap`, in order along that axis. */
function split(lines: Line[], span: (l: Line) => [number, number], gap: number): Line[][] {
  const sorted = [...lines].sort((a, b) => span(a)[0] - span(b)[0]);
  const groups: Line[][] = [];
  let end = -Infinity;
  for (const l of sorted) {
    const [from, to] = span(l);
    if (groups.length === 0 || from - end >= gap) groups.push([]);
    groups[groups.length - 1].push(l);
    end = Math.max(end, to);
  }
  return groups;
}
