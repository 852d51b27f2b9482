/** What a question asks for (who, when, how many, …), the role it asks about, and what it restricts to. */
import { parseFilters } from './filters.ts';
import type { AnswerType, PersonRole, QuestionIntent } from './types.ts';
import { rolePattern } from '../../text/vocabulary/roles.ts';

/** The kind of question a rule recognises: only who, list and what questions ask about a role. */
type QuestionKind = 'who' | 'when' | 'how-many' | 'list' | 'where' | 'what';

interface Rule {
  kind: QuestionKind;
  answerType: AnswerType;
  pattern: RegExp;
}

/** Asks for a person's post or capacity. */
const TITLE_QUESTION =
  /(?:什么|何种|哪个|哪种|啥)(?:职务|职位|官职|头衔|职称|岗位|身份|职)|(?:职务|职位|身份|头衔)是(?:什么|啥)|任何职|\bwhat (?:is|was) [\w -]{2,40}?(?:'s|’s) (?:position|title|post|job|role|office)\b|\bwhat (?:is|was) the (?:position|post|job|office) of\b|\bwhat (?:position|post|title|office|job)s? (?:does|did|do|is|was|has|had|held|holds)\b|\bin what capacity\b|\bposition (?:of|held by)\b/i;

/**
 * First match wins, so the order settles overlaps: 哪一年 is a year before 几/哪 are anything else,
 * 几月几日 a date before 几 a number, 哪些人 people before 哪些 a list.
 */
const RULES: Rule[] = [
  { kind: 'when', answerType: 'year', pattern: /哪一?年|什么年份|哪个年份|几几年|\b(what|which) year\b|\bin what year\b/i },
  {
    kind: 'when',
    answerType: 'date',
    pattern:
      /什么时[候间]|何时|哪一?天|哪个日子|几月几[日号]|几号|什么日子|哪[一个]?月|\bwhen\b|\b(what|which) (date|day|month)\b|\bhow long ago\b/i,
  },
  { kind: 'who', answerType: 'person', pattern: /哪些(人|领导|同志|干部|嘉宾|代表|负责人|官员)|\bwho (all|else)\b/ },
  { kind: 'who', answerType: 'person', pattern: /谁|哪位|哪一位|什么人|何人|\bwho(m|se)?\b/i },
  // A named person's post: 高瑛是什么职务？ 韦峰是以什么身份出席的？ What is Zhu Long's position?
  { kind: 'what', answerType: 'title', pattern: TITLE_QUESTION },
  {
    kind: 'how-many',
    answerType: 'number',
    pattern:
      /多少|几[个位项次名家条人天年岁件场批所座%]|几\b|多大|多高|多长|多远|多重|百分之几|\bhow (many|much|long|far|old|large|big|tall|high)\b|\bwhat (percentage|percent|number|amount)\b/i,
  },
  { kind: 'list', answerType: 'list', pattern: /有哪些|哪些|各自|分别|哪几|\bwhich ones\b|\blist\b|\bwhat are (the|all)\b/i },
  { kind: 'where', answerType: 'place', pattern: /哪里|在哪|哪儿|何地|何处|什么地方|哪个地方|哪座|哪个(城市|省|县|区|镇|国家)|\bwhere\b/i },
];

/** The role a question asks about: the first role in this order whose words it uses (the order measured with). */
const ROLES: Array<[PersonRole, RegExp]> = (['chaired', 'relayed', 'reported', 'observed', 'attended', 'spoke'] as const).map((role) => [
  role,
  rolePattern('question', role),
]);

/** A question asking whose something is (谁的讲话, 哪位领导的指示, whose speech). */
const WHOSE = /(?:谁|哪位(?:领导)?)的|\bwhose\b/;

/** `normalised` is the searchable form (simplified, lower-case). */
export function analyseQuestion(normalised: string): QuestionIntent {
  const { filters } = parseFilters(normalised);
  const rule = RULES.find((r) => r.pattern.test(normalised));
  // `传达的是谁的讲话？`: whose words were relayed asks for their speaker, not for who relayed them.
  const role = WHOSE.test(normalised) ? undefined : ROLES.find(([, pattern]) => pattern.test(normalised))?.[0];
  const kind = rule?.kind ?? 'what';
  const answerType: AnswerType = rule?.answerType ?? 'span';
  return {
    answerType,
    ...(role && (kind === 'who' || kind === 'list' || kind === 'what') ? { role } : {}),
    filters,
  };
}
