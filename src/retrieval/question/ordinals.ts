/** The conflict check between the ordinals a question names and those an article prints. */
import { chineseOrdinals, ordinalMentions, ordinalSearchTerms, type OrdinalMention } from '../../text/ordinals.ts';

/**
 * The other printed forms of the sessions, terms and periods a Chinese question names (第四十四次 →
 * 第44次; 第44次 → 第四十四次): searched beside the question's words, so a report printing the number
 * otherwise is found. Empty for most questions.
 */
export function ordinalVariants(question: string): string[] {
  const out: string[] = [];
  for (const m of chineseOrdinals(question)) {
    for (const form of ordinalSearchTerms({ ...m, term: undefined }))
      if (!question.includes(form) && !out.includes(form)) out.push(form);
  }
  return out;
}

/**
 * Ordinals of the question that the answering article prints only with other numbers: asked about
 * the 第4次 meeting, the 八届十次 meeting or the 第三季度, it reports the 第3次, the 八届九次 or the
 * 第二季度 — another event, however well the rest of the question matches. Sessions compare with the
 * article's sessions of the same term and year (when both print one) and of the same kind of meeting
 * (when the article prints that kind); terms with its terms; periods with its periods in the same unit.
 * `question` may be Chinese or English; `text` is the article (search form). Returns the mentions as
 * printed in the question.
 */
export function conflictingOrdinals(question: string, text: string): string[] {
  return compareOrdinals(question, text).conflicts;
}

/**
 * Whether the article prints the question's ordinals themselves: every asked ordinal it can be
 * compared on is printed with the asked number (and at least one can be). An article printing no
 * ordinal at all neither agrees nor conflicts.
 */
export function printsAskedOrdinals(question: string, text: string): boolean {
  const { conflicts, matched } = compareOrdinals(question, text);
  return conflicts.length === 0 && matched > 0;
}

function compareOrdinals(question: string, text: string): { conflicts: string[]; matched: number } {
  const asked = ordinalMentions(question);
  if (!asked.length) return { conflicts: [], matched: 0 };
  const printed = chineseOrdinals(text);
  const out: string[] = [];
  let matched = 0;
  const terms = printed.filter((p) => p.term !== undefined || p.kind === 'term').map((p) => (p.kind === 'term' ? p.number : p.term!));
  for (const q of asked) {
    let conflict = false;
    // Whether the article prints ordinals this one compares with (then no conflict means a match).
    let comparable = false;
    if (q.kind === 'period') {
      const same = printed.filter((p) => p.kind === 'period' && p.unit === q.unit);
      comparable = same.length > 0;
      conflict = same.length > 0 && !same.some((p) => p.number === q.number);
    } else if (q.kind === 'term') {
      comparable = terms.length > 0;
      conflict = terms.length > 0 && !terms.includes(q.number);
    } else {
      if (q.term !== undefined && terms.length > 0 && !terms.includes(q.term)) conflict = true;
      let same = printed.filter(
        (p) =>
          p.kind === 'session' &&
          (q.term === undefined || p.term === undefined || p.term === q.term) &&
          (q.year === undefined || p.year === undefined || p.year === q.year),
      );
      // The narrowest comparison the article allows: sessions printed with the same term, the same
      // year, the same kind of meeting, when it prints any.
      const narrow = (keep: (p: OrdinalMention) => boolean) => {
        const kept = same.filter(keep);
        if (kept.length) same = kept;
      };
      // A session of another body's series is no comparison (asked 十三届人大常委会第十一次会议, printed
      // 十三届人大三次会议: the congress's session, not the committee's meeting).
      if (q.body) same = same.filter((p) => p.body === undefined || p.body === q.body);
      // The kind of meeting first: 县十六届人大常委会召开第八次主任会议 prints 第八次主任会议 apart from its
      // term, beside 县十六届人大常委会第六次会议 (another kind, with the term).
      if (q.meeting) narrow((p) => p.meeting === q.meeting);
      if (q.term !== undefined) narrow((p) => p.term === q.term);
      if (q.year !== undefined) narrow((p) => p.year === q.year);
      comparable = same.length > 0;
      if (same.length > 0 && !same.some((p) => p.number === q.number)) conflict = true;
    }
    if (conflict) {
      const text = q.text.replace(/\s+/g, '');
      if (!out.includes(text)) out.push(text);
    } else if (comparable) matched++;
  }
  return { conflicts: out, matched };
}
