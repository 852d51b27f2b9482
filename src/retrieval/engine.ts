/**
 * The reports engine: one immutable state per loaded index, so a swap (after /reindex) is atomic:
 * questions in flight finish on the state they started with. A question goes through the pipeline
 * understand → retrieve → select → decide → compose (src/retrieval/pipeline/), each stage adding to
 * one context.
 */
import { splitSentences } from '../text/sentences.ts';
import { onDay } from '../corpus/event-dates.ts';
import type { Article } from '../corpus/types.ts';
import { loadIndex } from '../index/load.ts';
import { toSearchForm } from '../text/search-form.ts';
import type { ReportIndex } from '../index/types.ts';
import { makeCitation } from './citations.ts';
import type { StageEnv } from './pipeline/context.ts';
import { composeStage } from './pipeline/compose.ts';
import { decideStage } from './pipeline/decide.ts';
import { retrieveStage } from './pipeline/retrieve.ts';
import { selectStage } from './pipeline/select.ts';
import { understandStage } from './pipeline/understand.ts';
import { retrievalProfileFor, withOverrides, type ProfileOverrides } from './profile.ts';
import { loadLexicon } from './question/lexicon.ts';
import { namesMeeting } from './question/meeting-name.ts';
import { loadSynonyms } from './question/synonyms.ts';
import { FilterLookups } from './filter-lookups.ts';
import { prepareState, type ReportsState } from './reports-state.ts';
import type { Answer, AskScope, ArticleSummary, MeetingInfo, ReportsService } from './types.ts';
import { rolePattern } from '../text/vocabulary/roles.ts';
import { WARM_UP_QUESTIONS } from './warm-up-questions.ts';

export interface EngineOptions extends ProfileOverrides {
  modelsDir: string;
  /** Answer who-questions from extracted people (default true). */
  facts?: boolean;
  /** Attach the decision's evidence and the best-scored passages to each answer (`Answer.explain`). */
  explain?: boolean;
}

/** A meeting's key points: passages with a speaker's verbs of instruction (强调, 要求 …). */
const KEY_POINT = rolePattern('key-point', 'spoke');

function firstSentence(body: string): string {
  const s = splitSentences(body)[0]?.text ?? body;
  const line = s.replace(/\s+/g, ' ').trim();
  return line.length > 120 ? line.slice(0, 119) + '…' : line;
}

export class ReportsEngine implements ReportsService {
  /** The loaded reports with their profile, replaced as a whole by a swap. */
  private env: StageEnv;

  private constructor(
    index: ReportIndex,
    private readonly opts: EngineOptions,
  ) {
    this.env = this.envFor(index);
  }

  /** The profile depends on the index's embedder, so it is settled once per index, not per question. */
  private envFor(index: ReportIndex): StageEnv {
    const state = prepareState(index);
    return { state, profile: withOverrides(retrievalProfileFor(index.embedder.id), this.opts), facts: this.opts.facts !== false };
  }

  private get state(): ReportsState {
    return this.env.state;
  }

  static async open(indexDir: string, opts: EngineOptions): Promise<ReportsEngine> {
    const index = await loadIndex(indexDir, { modelsDir: opts.modelsDir });
    return new ReportsEngine(index, opts);
  }

  /** An engine over an already loaded index (tests, eval). */
  static fromIndex(index: ReportIndex, opts: EngineOptions): ReportsEngine {
    return new ReportsEngine(index, opts);
  }

  get index(): ReportIndex {
    return this.state.index;
  }

  /**
   * Pays one-time costs before the first real question: the English lexicon (~45 ms) and the first
   * search (JIT, analyser). For long-running front ends and benchmarks; a one-shot CLI skips it.
   */
  async warmUp(): Promise<void> {
    loadLexicon();
    loadSynonyms();
    // One question of each shape and script (warm-up-questions.ts): the script converters build their
    // tables on first use (~0.2 s), and each shape's path is compiled before a reader waits on it.
    for (const { question } of WARM_UP_QUESTIONS) await this.ask(question).catch(() => undefined);
    FilterLookups.of(this.state.index).prepare(this.state);
  }

  /** Replaces the index atomically; questions already running keep the old one. */
  swap(index: ReportIndex): void {
    this.env = this.envFor(index);
  }

  /** Loads the index folder again (after a rebuild) and swaps to it. */
  async reload(): Promise<void> {
    const index = await loadIndex(this.state.index.dir, { modelsDir: this.opts.modelsDir });
    this.swap(index);
  }

  async ask(question: string, scope?: AskScope): Promise<Answer> {
    const understood = understandStage(this.env, question, scope);
    const retrieved = await retrieveStage(understood);
    const decided = decideStage(selectStage(retrieved));
    return composeStage(decided, this.opts.explain === true);
  }

  dates(): string[] {
    const set = new Set<string>();
    for (const a of this.state.index.articles) {
      if (a.date) set.add(a.date);
      // Days the text names with their year: a page dated the 15th reporting the 13th's meeting.
      for (const d of a.eventDates ?? []) if (d.length === 10) set.add(d);
    }
    return [...set].sort().reverse();
  }

  articlesOn(date: string): ArticleSummary[] {
    return this.state.index.articles
      .filter((a) => onDay(a, { date, monthDay: date.slice(5) }))
      .map((a) => ({
        id: a.id,
        headline: a.headline,
        ...(a.date ? { date: a.date } : {}),
        ...(a.meeting ? { meeting: a.meeting } : {}),
        lead: firstSentence(a.body),
      }));
  }

  meetings(): Array<{ name: string; date?: string }> {
    const out: Array<{ name: string; date?: string }> = [];
    for (const a of this.state.index.articles) if (a.meeting) out.push({ name: a.meeting, ...(a.date ? { date: a.date } : {}) });
    return out.sort((x, y) => (y.date ?? '').localeCompare(x.date ?? ''));
  }

  meeting(name: string): MeetingInfo | undefined {
    const wanted = toSearchForm(name.trim());
    if (!wanted) return undefined;
    const withMeeting = this.state.index.articles.filter((a) => a.meeting);
    // The name exactly, else by the matcher questions use (a part of it, or a shortened form: 疫情防控动员会).
    const article =
      withMeeting.find((a) => toSearchForm(a.meeting!) === wanted) ??
      withMeeting.find((a) => toSearchForm(a.meeting!).includes(wanted)) ??
      withMeeting.find((a) => namesMeeting(toSearchForm(a.meeting!), wanted));
    if (!article) return undefined;
    const names = (role: string) => article.people.filter((p) => p.roles.includes(role as never)).map((p) => p.name);
    const passages = this.state.passagesOf(article.id);
    const keyPoints = passages
      .filter((p) => KEY_POINT.test(p.text))
      .slice(0, 5)
      .map((p, i) =>
        makeCitation(i + 1, article, { articleId: article.id, start: p.start, end: p.end, score: 1 }, [], this.state.index.chunks),
      );
    return {
      name: article.meeting!,
      ...(article.date ? { date: article.date } : {}),
      articleId: article.id,
      headline: article.headline,
      chaired: names('chaired'),
      attended: names('attended'),
      observed: names('observed'),
      keyPoints,
    };
  }

  article(id: string): Article | undefined {
    return this.state.index.articleById.get(id);
  }
}
