/**
 * The headline block a page prints apart from its articles (on this paper: after the last article).
 * Its lines are rebuilt into units (a headline broken over two lines is one unit), told apart into
 * headlines and subtitles, grouped, and each group matched to its article by content, not position.
 */
import { bigrams, containment } from './similarity.ts';

export interface HeadlineGroup {
  headline: string;
  subtitles: string[];
}

/** A unit is a headline when this share of its bigrams is printed in some article's lead. */
export const HEADLINE_SHARE = 0.5;
/** A group is matched to an article only when its headline shares at least this much with the lead. */
const MATCH_SHARE = 0.3;

/** A line that stops mid-phrase ("高新区召开2021年度") continues on the next line. */
const OPEN_END = /(?:年度|年|月|的|和|与|與|及|暨|、|召开|召開|举行|舉行|举办|舉辦|关于|關於|第|对|對|在|为|為|把|将|將|\d|（|\()$/;
/**
 * A line that is never a headline: a lone Latin or digit token (`admin`, `XFTB009`, a page number: a
 * web page's user name or a desk code) or a site name printed letter-spaced (`D o n g F e n g . G o v . C n`).
 */
const STRAY_LINE = /^(?:[A-Za-z0-9_.-]{1,16}|(?:[A-Za-z0-9.] +){3,}[A-Za-z0-9.])$/;

export function isStrayLine(line: string): boolean {
  return STRAY_LINE.test(line.trim());
}
/** The dash that opens a subtitle line (`——聚焦燃气、消防…`). */
const SUBTITLE_MARK = /^[—─]{1,2}\s*|^-{2}\s*/;
const MEETING_VERB = /召[开開]|[举舉]行|[举舉][办辦]/;
const EVENT_NOUN = /[会會][议議]|大[会會]|[会會]$|[论論][坛壇]|[仪儀]式|典[礼禮]|活[动動]|培[训訓]班|[讲講]座|演[练練]/;

/** Spaces beside digits are OCR noise; a space between two phrases of a subtitle is kept. */
function cleanLine(line: string): string {
  return line
    .trim()
    .replace(/(?<=\d) +(?=\S)|(?<=\S) +(?=\d)/g, '')
    .replace(/ {2,}/g, ' ');
}

function isOpen(line: string): boolean {
  if (OPEN_END.test(line)) return true;
  const verb = MEETING_VERB.exec(line);
  return verb !== null && !EVENT_NOUN.test(line.slice(verb.index + verb[0].length));
}

/**
 * Lines → units: blank lines separate paragraphs; inside one, an open line is joined with the next. With
 * the lead of the article a block is printed above, a line is also joined with the next when the lead
 * prints the two characters across the break together (`…开展节前` / `安全生产大检查`: 节前安全).
 */
export function headlineUnits(lines: string[], leads: string[] = []): string[] {
  const leadText = leads.map((l) => l.replace(/[^\p{L}\p{N}]/gu, '')).join('\n');
  const units: string[] = [];
  let open = false;
  for (const raw of lines) {
    const line = cleanLine(raw);
    if (line === '') {
      open = false;
      continue;
    }
    if (isStrayLine(line)) continue;
    const prev = units[units.length - 1];
    const phrase =
      prev !== undefined && leadText !== '' && !prev.includes(' ') && !line.includes(' ') && leadText.includes(prev.slice(-1) + line[0]);
    if ((open || phrase) && !line.includes(' ') && !SUBTITLE_MARK.test(line)) units[units.length - 1] += line;
    else units.push(line);
    open = isOpen(units[units.length - 1]);
  }
  // A caption or stray sentence is not headline material.
  return units.filter((u) => !/[。！？]/.test(u));
}

/**
 * Headlines start a group; the subtitles after them (or before the first) join it. Two headline-like
 * units in a row that fit the same article best are one headline and its kicker or subtitle: the closer
 * fit is the headline.
 */
export function groupHeadlines(printed: string[], leads: string[]): HeadlineGroup[] {
  let units = printed;
  const leadSets = leads.map(bigrams);
  const fits = units.map((u) => {
    const b = bigrams(u);
    let best = -1;
    let share = 0;
    leadSets.forEach((l, a) => {
      const c = containment(b, l);
      if (c > share) [best, share] = [a, c];
    });
    return { best, share };
  });
  // A `——` line is the subtitle under a headline, however much it echoes the lead.
  const dashed = units.map((u) => SUBTITLE_MARK.test(u));
  let isHeadline = fits.map((f, i) => f.share >= HEADLINE_SHARE && !dashed[i]);
  if (units.length > 0 && !isHeadline.some(Boolean)) {
    const first = dashed.indexOf(false);
    isHeadline = units.map((_, i) => i === (first < 0 ? 0 : first));
  }
  units = units.map((u, i) => (dashed[i] ? u.replace(SUBTITLE_MARK, '') : u));
  const groups: Array<HeadlineGroup & { article: number; share: number }> = [];
  let kicker: string[] = [];
  units.forEach((u, i) => {
    const current = groups[groups.length - 1];
    if (isHeadline[i] && current && current.article === fits[i].best && fits[i].best >= 0) {
      if (fits[i].share > current.share) {
        current.subtitles.unshift(current.headline);
        current.headline = u;
        current.share = fits[i].share;
      } else current.subtitles.push(u);
    } else if (isHeadline[i]) {
      groups.push({ headline: u, subtitles: kicker, article: fits[i].best, share: fits[i].share });
      kicker = [];
    } else if (current) current.subtitles.push(u);
    else kicker.push(u);
  });
  return groups.map(({ headline, subtitles }) => ({ headline, subtitles }));
}

/**
 * Assigns groups to articles (by index) greedily by headline-vs-lead overlap, the subtitles' overlap with
 * the body breaking ties; each article gets at most one group.
 */
export function matchHeadlines(groups: HeadlineGroup[], leads: string[], bodies: string[]): Map<number, HeadlineGroup> {
  const leadSets = leads.map(bigrams);
  const bodySets = bodies.map(bigrams);
  const pairs: Array<{ g: number; a: number; score: number }> = [];
  groups.forEach((group, g) => {
    const h = bigrams(group.headline);
    const s = bigrams(group.subtitles.join(''));
    leadSets.forEach((lead, a) => {
      const score = containment(h, lead);
      if (score >= MATCH_SHARE) pairs.push({ g, a, score: score + 0.01 * containment(s, bodySets[a]) });
    });
  });
  pairs.sort((x, y) => y.score - x.score);
  const byArticle = new Map<number, HeadlineGroup>();
  const used = new Set<number>();
  for (const p of pairs) {
    if (used.has(p.g) || byArticle.has(p.a)) continue;
    used.add(p.g);
    byArticle.set(p.a, groups[p.g]);
  }
  return byArticle;
}
