/**
 * The questions `ReportsEngine.warmUp` asks before the first real one: one of each shape a reader
 * asks, so that each shape's code (its slot, filter, fact or translation path) is compiled and its
 * tables built before someone waits on it. They name nothing the reports hold, so they cost a
 * search each and are refused. Measured on seed-dev (CPU per question, each question asked for the
 * first time after the warm-up, two runs each): p95 25.0 / 16.0 ms with the three questions of
 * before, 12.5 / 12.4 ms with these.
 */
export interface WarmUpQuestion {
  question: string;
  /** The shape of question it stands for. */
  shape: string;
}

export const WARM_UP_QUESTIONS: readonly WarmUpQuestion[] = [
  { question: 'warm up 预热', shape: 'mixed script, no question word' },
  { question: '预热会议是谁主持的', shape: 'who held a role (simplified)' },
  { question: '預熱會議是誰主持的', shape: 'who held a role (traditional: the script converters)' },
  { question: 'Who chaired the warm-up meeting?', shape: 'English (the lexicon and translation)' },
  { question: '预热会议于哪天召开？', shape: 'which day (a date slot)' },
  { question: '2024年3月5日的预热会议研究了什么？', shape: 'a dated question (the date filter)' },
  { question: '预热项目总投资多少亿元？', shape: 'how much (a number slot)' },
  { question: '预热会议在哪里举行？', shape: 'where (a place slot)' },
  { question: '预热工作有哪些要求？', shape: 'what (a list)' },
  { question: '王预热是什么职务？', shape: "a person's title" },
];
