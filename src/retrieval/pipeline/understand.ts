/**
 * Stage 1, understand: the question validated, normalised, translated when English, analysed for
 * what it asks, and turned once into the weighted concepts every later stage matches against.
 */
import { segmentWords } from '../../index/analyser.ts';
import { toSearchForm } from '../../text/search-form.ts';
import { refineAnswerType } from '../answer-cues.ts';
import { absentDottedNames, absentLatinTerms, decisiveAbsences, missingWords, unreportedMeeting } from '../missing-words.ts';
import { loadLexicon } from '../question/lexicon.ts';
import { withSynonyms } from '../synonym-units.ts';
import { understand } from '../question/index.ts';
import { askedMeeting } from '../question/meeting-name.ts';
import { ordinalVariants } from '../question/ordinals.ts';
import {
  chineseQueryUnits,
  contentText,
  discountStraddles,
  translatedQueryUnits,
  withSayingConcept,
  type QueryUnits,
} from '../query-units.ts';
import type { TermStats } from '../term-stats.ts';
import type { UnderstoodQuestion } from '../question/types.ts';
import type { StageEnv, Understood } from './context.ts';
import type { AskScope } from '../types.ts';

/** Concepts of the question: Chinese units, an English question's translations, or both for a mixed one. */
function queryFor(u: UnderstoodQuestion, stats: TermStats): QueryUnits {
  if (u.script !== 'en' && u.script !== 'mixed') {
    // Near-synonyms (CC-CEDICT) as alternatives below the literal words: 电影院 finds 影城.
    const words = segmentWords(u.text);
    return withSynonyms(chineseQueryUnits(u.text, stats, words), words, stats);
  }
  const english = translatedQueryUnits(u.groups, u.kept, stats);
  if (u.script === 'en') return english;
  const han = toSearchForm((u.original.match(/\p{Script=Han}+/gu) ?? []).join(' '));
  const chinese = chineseQueryUnits(han, stats, segmentWords(han));
  return { concepts: [...chinese.concepts, ...english.concepts], total: chinese.total + english.total };
}

export function understandStage(env: StageEnv, raw: string, scope?: AskScope): Understood {
  const started = performance.now();
  // English questions may name people in pinyin (Zhu Long → 朱龙): matched against the reports' names.
  const question = understand(raw, undefined, /[A-Za-z]/.test(raw) ? env.state.pinyinNames() : undefined);
  // A follow-up's article from its conversation (src/retrieval/conversation/): a filter, never words to cover.
  if (scope?.articleId) question.intent.filters.articleId = scope.articleId;
  const { stats, occurs } = env.state;
  const query = queryFor(question, stats);
  const english = question.script === 'en';
  const chinese = question.script === 'zh-Hans' || question.script === 'zh-Hant';
  const meeting = english ? undefined : askedMeeting(question.text);
  const missing = english ? [] : missingWords(question.text, occurs);
  // Chinese only: an English question's words reach the reports through noisy translations, so one
  // the reports print none of says little (measured: "promotion meeting" for a 推进会 refused).
  const absentMeeting = english ? undefined : unreportedMeeting(question.text, missing);
  const rankQuery = english ? query : withSayingConcept(discountStraddles(query, env.profile.straddleWeight), question.text, stats);
  return {
    env,
    started,
    question,
    query,
    rankQuery,
    answerType: refineAnswerType(question.intent.answerType, question.text),
    questionText: toSearchForm(question.original),
    // Question words are not content: left out of the search text (measured +0.001 on drcd-dev).
    // …and the other printed forms of its ordinals (第四十四次 finds 第44次).
    searchText: english ? question.text : [contentText(question.text) || question.text, ...ordinalVariants(question.text)].join(' '),
    missing,
    ...(absentMeeting ? { absentMeeting } : {}),
    absentNames: [
      ...decisiveAbsences(missing, occurs, undefined, question.text),
      ...(chinese
        ? [
            ...absentLatinTerms(question.text, occurs, (t) => loadLexicon().lookup(t) !== undefined),
            ...absentDottedNames(question.text, occurs),
          ]
        : []),
    ],
    ...(meeting ? { meeting } : {}),
    understoodMs: performance.now() - started,
  };
}
