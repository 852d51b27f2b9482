/**
 * The header of a speech or a work report as governments publish it (政府工作报告 and the like):
 *
 *   政府工作报告
 *   ——2023年2月2日在某县第十八届人民代表大会第三次会议上
 *   县长 王某某
 *   各位代表：
 *
 * Read as a page, the salutation became the headline and the occasion and the speaker ran into it. Here
 * the first line is the headline, the occasion line a subtitle giving the date and the meeting, the
 * speaker a person who spoke (with the title printed before the name, or none); the occasion and speaker
 * lines stay at the top of the text, so a question about them finds a passage. The rules are data:
 * `SALUTATIONS`, one row a form of address with an example.
 */
import type { Person } from './types.ts';
import { normaliseDate } from './dates.ts';
import { SURNAMES, COMPOUND_SURNAMES } from './surnames.ts';
import { OFFICE_WORDS } from '../text/vocabulary/offices.ts';

export interface SalutationRow {
  pattern: RegExp;
  example: string;
}

/** Forms of address that open a speech (either script). */
export const SALUTATIONS: readonly SalutationRow[] = [
  { pattern: /^各位(?:代表|委员|委員|政协委员|政協委員|领导|領導|来宾|來賓|同志)/u, example: '各位代表：' },
  { pattern: /^同志[们們]/u, example: '同志们：' },
  { pattern: /^女士[们們][、，,]先生[们們]/u, example: '女士们、先生们：' },
];

/** `——2023年2月2日在某县第十八届人民代表大会第三次会议上` (the dash is optional). Groups: date, occasion. */
const OCCASION = /^[—─-]{0,2}\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*在(.{2,60}?)上(?:的(?:讲话|講話|报告|報告))?$/u;
/** At most this many lines before the salutation. */
const HEADER_LINES = 5;
const MAX_TITLE = 40;

export interface SpeechHeader {
  title: string;
  /** The occasion line as printed, without its dash. */
  occasion: string;
  date?: string;
  /** The meeting it was delivered at (某县第十八届人民代表大会第三次会议). */
  meeting: string;
  speaker?: Person;
  /** The text's lines: the occasion and the speaker (without spaces) as paragraphs, then the speech. */
  lines: string[];
}

/** The speech header at the top of a text, or undefined. */
export function readSpeechHeader(text: string): SpeechHeader | undefined {
  const all = text.split('\n');
  const idx = all.map((l, i) => [l.trim(), i] as const).filter(([l]) => l !== '');
  const head = idx.slice(0, HEADER_LINES + 1);
  const salutation = head.findIndex(([l]) => SALUTATIONS.some((r) => r.pattern.test(l)));
  if (salutation < 2) return undefined;
  const [title] = head[0];
  if (title.length > MAX_TITLE || /[，。；！？,;!?]/.test(title)) return undefined;
  const occ = head.slice(1, salutation).findIndex(([l]) => OCCASION.test(l));
  if (occ < 0) return undefined;
  const [occLine] = head[1 + occ];
  const m = OCCASION.exec(occLine)!;
  const between = head.slice(2 + occ, salutation);
  // Only the speaker may stand between the occasion and the salutation.
  if (between.length > 1) return undefined;
  const speaker = between.length ? speakerOf(between[0][0]) : undefined;
  if (between.length && !speaker) return undefined;
  // The occasion and the speaker are paragraphs of their own, then the speech from its salutation.
  const occasion = occLine.replace(/^[—─-]{0,2}\s*/u, '');
  const lines = [occasion, '', ...(between.length ? [between[0][0].replace(/\s+/g, ''), ''] : []), ...all.slice(head[salutation][1])];
  const date = normaliseDate(m[1].replace(/\s+/g, ''));
  return { title, occasion, ...(date ? { date } : {}), meeting: m[2], ...(speaker ? { speaker } : {}), lines };
}

/** `县长 陈永高`, `栗 俊 昌`: an optional title (ending in an office word), then a name. */
function speakerOf(line: string): Person | undefined {
  const compact = line.replace(/\s+/g, '');
  const office = OFFICE_WORDS.filter((w) => compact.includes(w))
    .map((w) => ({ w, end: compact.lastIndexOf(w) + w.length }))
    .sort((a, b) => b.end - a.end)[0];
  const title = office ? compact.slice(0, office.end) : '';
  const name = compact.slice(title.length);
  if (!/^\p{Script=Han}{2,4}$/u.test(name)) return undefined;
  if (!SURNAMES.has(name[0]) && !COMPOUND_SURNAMES.some((s) => name.startsWith(s))) return undefined;
  return { name, title, roles: ['spoke'] };
}
