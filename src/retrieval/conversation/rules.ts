/**
 * How follow-up questions point back at the conversation: rule rows, each with an example that
 * `tests/conversation/rules.test.ts` runs. Patterns match the question's search form (simplified,
 * half-width, lower-case), so traditional and full-width questions need no rows of their own.
 *
 * Two kinds of row:
 * - `whole`: an elliptical question (还有谁？ 具体要求呢？ What else did he say?) matched as a whole
 *   (trailing punctuation and 呢/吗 aside) and rewritten as a whole;
 * - `part`: a pronoun or demonstrative (他, 这次会议, 那天, that meeting) replaced in place.
 * The first `whole` row that applies wins; otherwise every `part` row applies in order.
 */
import type { ConversationFacts } from './facts.ts';

/** What a row needs from the conversation; a question that names its own such subject skips the row. */
export type Referent = 'person' | 'people' | 'meeting' | 'date' | 'article';

export interface ResolveRule {
  id: string;
  kind: 'whole' | 'part';
  refers: Referent;
  pattern: RegExp;
  /**
   * The replacement (`part`) or the new question (`whole`); undefined when the facts lack what it
   * needs. A pair when what is shown differs from what is asked: the meeting is then a filter
   * (`AskScope`), not words the answer must cover (会上通报了什么 → 通报了什么, within that meeting).
   */
  replace(f: ConversationFacts): Replacement | undefined;
  example: { facts: Partial<ConversationFacts>; question: string; understood: string };
}

export type Replacement = string | { shown: string; asked: string };

/** `2021年1月12日` for Chinese questions. */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
/** `January 12, 2021` for English questions. */
export function englishDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${MONTHS_EN[m! - 1]} ${d}, ${y}`;
}

/** Shown with the meeting as a place (在X上), asked without it: the meeting is the scope. */
const atMeeting = (f: ConversationFacts) => (f.meeting ? `在${f.meeting}上` : '');
const scoped = (f: ConversationFacts, before: string, after: string): Replacement => ({
  shown: `${before}${atMeeting(f)}${after}`,
  asked: `${before}${after}`,
});

const EXAMPLE_FACTS: Partial<ConversationFacts> = {
  person: '王新亭',
  people: ['王新亭', '张红军'],
  meeting: '信访工作会议',
  date: '2021-01-12',
  headline: '高新区召开信访工作会议',
};

export const RESOLVE_RULES: readonly ResolveRule[] = [
  // --- elliptical questions, rewritten whole --------------------------------------------------------
  {
    id: 'who-else',
    kind: 'whole',
    refers: 'meeting',
    pattern: /^(?:那|那么)?还有(?:谁|哪些人|什么人)(?:参加|出席|参会|到会|在场)?了?$/u,
    // The meeting stays in the words: a who-attended question about a named meeting is answered from its roster.
    replace: (f) => (f.meeting ? `哪些人出席了${f.meeting}?` : undefined),
    example: { facts: EXAMPLE_FACTS, question: '还有谁参加了？', understood: '哪些人出席了信访工作会议?' },
  },
  {
    id: 'said-what-else',
    kind: 'whole',
    refers: 'person',
    pattern: /^(?:那|那么)?(?:他|她)?还(?:说|讲|强调|提)了(?:些)?(?:什么|啥|哪些)$/u,
    // Asked as 要求什么: the reports' speeches are 强调… then 要求…, and the opener usually asked the first.
    replace: (f) => (f.person ? scoped(f, f.person, '要求什么?') : undefined),
    example: { facts: EXAMPLE_FACTS, question: '还说了什么？', understood: '王新亭在信访工作会议上要求什么?' },
  },
  {
    id: 'requirements',
    kind: 'whole',
    refers: 'person',
    pattern: /^(?:那|那么)?(?:具体|有什么具体|有哪些具体)?的?(?:要求|部署|安排|措施)(?:是什么|有哪些|是啥)?$/u,
    replace: (f) => (f.person ? scoped(f, f.person, '要求什么?') : f.meeting ? scoped(f, '', '有哪些要求?') : undefined),
    example: { facts: EXAMPLE_FACTS, question: '具体要求呢？', understood: '王新亭在信访工作会议上要求什么?' },
  },
  {
    id: 'who-chaired',
    kind: 'whole',
    refers: 'meeting',
    pattern: /^(?:那|那么)?(?:是)?谁主持(?:的|了)?$/u,
    replace: (f) => (f.meeting ? `${f.meeting}是谁主持的?` : undefined),
    example: { facts: EXAMPLE_FACTS, question: '谁主持的？', understood: '信访工作会议是谁主持的?' },
  },
  {
    id: 'when-held',
    kind: 'whole',
    refers: 'meeting',
    pattern: /^(?:那|那么)?(?:是)?(?:什么时候|何时|哪天|哪一天)(?:开|召开|举行)?的?$/u,
    replace: (f) => (f.meeting ? `${f.meeting}是什么时候召开的?` : undefined),
    example: { facts: EXAMPLE_FACTS, question: '什么时候开的？', understood: '信访工作会议是什么时候召开的?' },
  },
  {
    id: 'en-who-else',
    kind: 'whole',
    refers: 'meeting',
    pattern: /^(?:and |so )?who else (?:attended|was there|took part|was present|came)(?: (?:it|the meeting|that meeting))?$/u,
    replace: (f) => (f.meeting ? `Who attended the ${f.meeting}?` : undefined),
    example: { facts: EXAMPLE_FACTS, question: 'And who else attended?', understood: 'Who attended the 信访工作会议?' },
  },
  {
    id: 'en-said-what-else',
    kind: 'whole',
    refers: 'person',
    pattern: /^(?:and |so )?what else did (?:he|she) (?:say|stress|emphasi[sz]e|ask for|require)$/u,
    replace: (f) =>
      f.person
        ? { shown: `What did ${f.person} require${f.meeting ? ` at the ${f.meeting}` : ''}?`, asked: `What did ${f.person} require?` }
        : undefined,
    example: { facts: EXAMPLE_FACTS, question: 'What else did he say?', understood: 'What did 王新亭 require at the 信访工作会议?' },
  },
  {
    id: 'en-who-chaired',
    kind: 'whole',
    refers: 'meeting',
    pattern: /^(?:and |so )?who (?:chaired|presided over|hosted)(?: it| the meeting| that meeting)?$/u,
    replace: (f) => (f.meeting ? `Who chaired the ${f.meeting}?` : undefined),
    example: { facts: EXAMPLE_FACTS, question: 'And who chaired it?', understood: 'Who chaired the 信访工作会议?' },
  },

  // --- pronouns and demonstratives, replaced in place -----------------------------------------------
  {
    id: 'at-the-meeting',
    kind: 'part',
    refers: 'meeting',
    pattern: /^会上|(?:在)?(?:这次|那次|此次|本次|该次|该)(?:会议|会)上/gu,
    replace: (f) => (f.meeting ? { shown: `在${f.meeting}上`, asked: '' } : undefined),
    example: { facts: EXAMPLE_FACTS, question: '会上通报了什么？', understood: '在信访工作会议上通报了什么？' },
  },
  {
    id: 'that-meeting',
    kind: 'part',
    refers: 'meeting',
    pattern: /(?:这次|那次|此次|本次|该次|这个|那个|上述|该|此|刚才(?:提到|说)的|上面(?:提到|说)的)(?:会议|会)(?![议同])/gu,
    // Asked as 会议 within the meeting's scope: a session number in the name (第五次会议) is not re-read as asked.
    replace: (f) => (f.meeting ? { shown: f.meeting, asked: '会议' } : undefined),
    example: { facts: EXAMPLE_FACTS, question: '这次会议是谁主持的？', understood: '信访工作会议是谁主持的？' },
  },
  {
    id: 'that-day',
    kind: 'part',
    refers: 'date',
    pattern: /那天|当天|同一天|同日|当日|这一天|那一天|这天|那日/gu,
    replace: (f) => (f.date ? chineseDate(f.date) : undefined),
    example: { facts: EXAMPLE_FACTS, question: '那天还开了哪些会？', understood: '2021年1月12日还开了哪些会？' },
  },
  {
    id: 'they',
    kind: 'part',
    refers: 'people',
    pattern: /(?<!其)(?:他们|她们)/gu,
    replace: (f) => (f.people.length > 1 ? f.people.join('和') : f.people[0]),
    example: { facts: EXAMPLE_FACTS, question: '他们分别是什么职务？', understood: '王新亭和张红军分别是什么职务？' },
  },
  {
    id: 'he-she',
    kind: 'part',
    refers: 'person',
    pattern: /(?<!其)(?:他|她|此人|这位领导|这个人)(?![们人])/gu,
    replace: (f) => f.person,
    example: { facts: EXAMPLE_FACTS, question: '他提出了哪些要求？', understood: '王新亭提出了哪些要求？' },
  },
  {
    id: 'this-report',
    kind: 'part',
    refers: 'article',
    pattern: /(?:这篇|该|此|上面的|刚才的)(?:报道|文章|新闻)/gu,
    replace: (f) => f.meeting ?? f.headline,
    example: { facts: EXAMPLE_FACTS, question: '这篇报道提到了哪些机制？', understood: '信访工作会议提到了哪些机制？' },
  },
  {
    id: 'en-that-meeting',
    kind: 'part',
    refers: 'meeting',
    pattern: /\b(?:that|this|the same) meeting\b/gu,
    replace: (f) => (f.meeting ? `the ${f.meeting}` : undefined),
    example: { facts: EXAMPLE_FACTS, question: 'Where was that meeting held?', understood: 'Where was the 信访工作会议 held?' },
  },
  {
    id: 'en-that-day',
    kind: 'part',
    refers: 'date',
    pattern: /\b(?:on )?(?:that|the same) day\b/gu,
    replace: (f) => (f.date ? `on ${englishDate(f.date)}` : undefined),
    example: {
      facts: EXAMPLE_FACTS,
      question: 'What other meetings were held that day?',
      understood: 'What other meetings were held on January 12, 2021?',
    },
  },
  {
    id: 'en-he-she',
    kind: 'part',
    refers: 'person',
    pattern: /\b(?:he|she|him|her)\b/gu,
    replace: (f) => f.person,
    example: { facts: EXAMPLE_FACTS, question: 'What did he stress?', understood: 'What did 王新亭 stress?' },
  },
];
