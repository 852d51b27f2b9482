/**
 * Stage 5, compose: the reply the decision calls for — the events of a day, a short answer with
 * numbered citations, the closest passages labelled as no direct answer, or "the reports don't say"
 * with related articles — and its timings.
 */
import { abstention, citedAnswer, eventsAnswer, supportWithNeighbour } from '../answer-compose.ts';
import { inScriptOf } from '../answer-script.ts';
import type { Answer } from '../types.ts';
import type { Decided } from './context.ts';
import { asksWhichMeeting, meetingLabel } from '../question/which-meeting.ts';

const round = (ms: number) => Math.round(ms * 10) / 10;
const r3 = (x: number) => Math.round(x * 1000) / 1000;

export function composeStage(ctx: Decided, explain = false): Answer {
  const { index } = ctx.env.state;
  const { outcome } = ctx.decision;
  let composed: Omit<Answer, 'timings_ms'>;
  if (ctx.events.length) composed = eventsAnswer(ctx.question.original, ctx.events, index.chunks);
  else if (outcome !== 'answer' || !ctx.best)
    composed = abstention(ctx.question.original, outcome === 'closest' ? 'closest' : 'none', ctx.candidates, ctx.scored, index.chunks);
  else {
    const { select, neighbourShare } = ctx.env.profile;
    const base = select.retrievalScore * (ctx.candidates.find((c) => c.articleId === ctx.best!.articleId)?.retrievalScore ?? 0);
    const first = supportWithNeighbour(ctx.scored, base, neighbourShare)!;
    composed = citedAnswer({
      question: ctx.question.original,
      scored: ctx.scored,
      candidates: ctx.candidates,
      first,
      ...(ctx.fact ? { fact: ctx.fact } : {}),
      query: ctx.query,
      answerType: ctx.answerType,
      questionText: ctx.questionText,
      articleById: index.articleById,
      chunks: index.chunks,
    });
    // "Which meeting …?": the answering report's meeting comes first (the passage about X seldom names it).
    const article = index.articleById.get(ctx.best.articleId);
    if (!ctx.fact && article && asksWhichMeeting(ctx.questionText)) composed = { ...composed, answer: `${meetingLabel(article)}：${composed.answer}` };
  }
  // In the script of the question: a traditional question gets a traditional reply.
  const answer: Answer = inScriptOf({ ...composed, timings_ms: {} }, ctx.question.script);
  answer.support = { coverage: r3(ctx.coverage), missing: ctx.missing, ...(ctx.decision.reason ? { reason: ctx.decision.reason } : {}) };
  if (explain) {
    const retrievalScoreOf = new Map(ctx.candidates.map((c) => [c.articleId, c.retrievalScore]));
    answer.explain = {
      evidence: ctx.decision.evidence,
      passages: ctx.scored.slice(0, 8).map((s) => ({
        articleId: s.articleId,
        passage: s.passage.text,
        score: r3(s.score),
        coverage: r3(s.coverage),
        context: r3(s.contextCoverage),
        cue: s.cue,
        retrievalScore: r3(retrievalScoreOf.get(s.articleId) ?? 0),
      })),
    };
  }
  const end = performance.now();
  const { timings } = ctx.hybrid;
  answer.timings_ms = {
    normalise: round(ctx.understoodMs),
    embed: round(timings.embed),
    dense: round(timings.dense),
    bm25: round(timings.bm25),
    fuse: round(timings.fuse),
    answer: round(end - ctx.started - ctx.understoodMs - timings.embed - timings.dense - timings.bm25 - timings.fuse),
    total: round(end - ctx.started),
  };
  return answer;
}
