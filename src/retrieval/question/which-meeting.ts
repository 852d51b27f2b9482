/**
 * "Which meeting reviewed X?" (哪次会议审议了X, 哪个会议确定了…, which meeting approved …): what is asked
 * is the meeting itself, which the answering report names in its headline or lead, not in the
 * sentence about X. The reply then names the report's meeting before that sentence.
 *
 * The rules are data: one row a way of asking, each with an example question (tests run every row).
 */
export interface WhichMeetingRow {
  pattern: RegExp;
  example: string;
}

export const WHICH_MEETING_ROWS: readonly WhichMeetingRow[] = [
  { pattern: /(?:哪次|哪一次|哪个|哪一个|哪场|什么)(?:会议|会)(?!室|场|议室|议场)/u, example: '哪次会议审议通过了若干规定' },
  { pattern: /在(?:哪次|哪一次|哪个)(?:会|会议)上/u, example: '王明在哪次会上作了报告' },
  { pattern: /\b(?:which|what) (?:meeting|session)\b/i, example: 'which meeting approved the regulations?' },
];

/** Whether the question (search form) asks which meeting did something. */
export function asksWhichMeeting(question: string): boolean {
  return WHICH_MEETING_ROWS.some((r) => r.pattern.test(question));
}

/**
 * How a reply names a report's meeting: the headline when it holds the meeting's name as the lead
 * prints it (区十三届人大常委会举行第十一次会议 for 第十一次会议), else that name, else the headline.
 */
export function meetingLabel(article: { headline: string; meeting?: string }): string {
  const { headline, meeting } = article;
  if (!meeting || headline.includes(meeting)) return headline;
  return meeting;
}
