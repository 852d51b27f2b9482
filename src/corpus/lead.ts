/** What the lead sentence says: the meeting's name and a headline when none was printed. */
import { COLONS, COMMAS, SEMICOLONS, STOPS, classOf } from '../text/punctuation.ts';

const MEETING_VERB = /(?:[组組][织織]|主持)?(?:召[开開]|[举舉]行|[举舉][办辦])了?/;
/** Nouns that end a meeting's or event's name. */
const EVENT_NOUN =
  /(?:[会會][议議]|大[会會]|[会會]|[论論][坛壇]|[仪儀]式|典[礼禮]|活[动動]|培[训訓]班|[讲講]座|演[练練]|峰[会會]|沙[龙龍]|集[体體]學習|集体学习|[专專][题題]学习|[专專][题題]學習)/g;
const CLAUSE_BREAK = classOf(COMMAS, STOPS, SEMICOLONS, COLONS, '\\n');
const LEADING_TIME = /^(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:上午|下午|晚上|晚间|晚|早上|中午|凌晨)?/;

const LEAD_END = classOf(STOPS, '\\n');

/** Derived headlines longer than this are cut at a clause break. */
const DERIVED_MAX = 30;

/** The first sentence of a body. */
export function leadSentence(body: string): string {
  const m = LEAD_END.exec(body);
  return m ? body.slice(0, m.index + 1) : body;
}

export interface LeadFacts {
  /** The meeting's name as printed after 召开/举行, when the lead reports one. */
  meeting?: string;
  /** "Subject + verb + meeting", e.g. 高新区召开冬春季新冠肺炎疫情防控工作动员会. */
  clause?: string;
}

/** Where and when a meeting named first is held: `X会议在市行政办公中心召开`, `X会议于3月5日举行`. */
const HELD_AT = /(?:在|于|於)[^，,。；;]{0,40}$/;

/** The end of the last event noun in `name` (-1 when none): "……工作会议暨……推进会", not what follows it. */
function lastEventNoun(name: string): number {
  let cut = -1;
  for (const m of name.matchAll(EVENT_NOUN)) cut = (m.index ?? 0) + m[0].length;
  return cut;
}

/**
 * The meeting named before its verb (`市十七届人大四次会议主席团常务主席会议在市行政办公中心召开`):
 * the clause up to the verb, its time and place left out, when it ends in an event noun.
 */
function meetingBeforeVerb(lead: string, verbAt: number): string | undefined {
  let start = verbAt;
  while (start > 0 && !CLAUSE_BREAK.test(lead[start - 1])) start--;
  const clause = lead
    .slice(start, verbAt)
    .replace(LEADING_TIME, '')
    .replace(HELD_AT, '')
    .replace(/(?:隆重|正式|顺利|如期)$/, '')
    .trim();
  const cut = lastEventNoun(clause);
  return cut === clause.length && cut >= 4 ? clause : undefined;
}

export function readLead(lead: string): LeadFacts {
  const verb = MEETING_VERB.exec(lead);
  if (!verb) return {};
  const afterStart = verb.index + verb[0].length;
  const brk = CLAUSE_BREAK.exec(lead.slice(afterStart));
  let name = lead.slice(afterStart, brk ? afterStart + brk.index : lead.length).trim();
  const cut = lastEventNoun(name);
  if (cut < 0) {
    const before = meetingBeforeVerb(lead, verb.index);
    return before ? { meeting: before } : {};
  }
  name = name.slice(0, cut);
  if (name.length < 2) return {};
  let clauseStart = verb.index;
  while (clauseStart > 0 && !CLAUSE_BREAK.test(lead[clauseStart - 1])) clauseStart--;
  const subject = lead
    .slice(clauseStart, verb.index)
    .replace(LEADING_TIME, '')
    .replace(/^本[报報][讯訊]/, '')
    .trim();
  return { meeting: name, clause: `${subject}${verb[0].replace(/了$/, '')}${name}` };
}

/** Minutes are titled by their meeting: `嘉義市政府第1015次市務會議紀錄`, `县政府第12次常务会议纪要`. */
const MINUTES_TITLE = /^(\S{2,40}?(?:[会會][议議]|[会會]))(?:[纪紀記记][要录錄])$/u;

/** The meeting a headline of minutes names (their lead is a header of fields, not 召开…会议). */
export function minutesMeeting(headline: string): string | undefined {
  return MINUTES_TITLE.exec(headline.trim())?.[1];
}

/** A headline from the lead: the meeting clause, else the opening clause(s) after the time. */
export function deriveHeadline(lead: string): string {
  const facts = readLead(lead);
  if (facts.clause) return facts.clause;
  const clauses = lead
    .replace(LEADING_TIME, '')
    .replace(/^[，,]/, '')
    .split(CLAUSE_BREAK)
    .filter((c) => c.trim() !== '');
  let out = '';
  for (const c of clauses) {
    if (out.length >= 8) break;
    out = out ? `${out}，${c.trim()}` : c.trim();
  }
  return out.length > DERIVED_MAX ? out.slice(0, DERIVED_MAX) + '…' : out;
}
