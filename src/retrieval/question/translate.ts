/**
 * English question → Chinese search terms, offline, by dictionary lookup. No grammar: the terms feed
 * a bag-of-words search, so what matters is that the right Chinese words are among them.
 */
import { ENGLISH_STOP_WORDS, lemmaCandidates } from './english-words.ts';
import { MAX_CANDIDATES, type Lexicon } from './lexicon.ts';
import { englishOrdinalMentions, ordinalSearchTerms } from '../../text/ordinals.ts';
import { matchPinyinNames, type PinyinNameIndex } from './pinyin-names.ts';

export interface Translation {
  /** Chinese search terms, best candidates of each word first, no duplicates. */
  terms: string[];
  /** Numbers and capitalised (Latin) names kept verbatim: corpora often print them untranslated. */
  kept: string[];
  /** The candidates per translated word or phrase, in question order (for callers that weight them). */
  groups: Array<{ english: string; candidates: string[] }>;
  /** Chinese names of the reports the question names in pinyin (Zhu Long → 朱龙). */
  names: string[];
}

export interface TranslateOptions {
  /** Candidates taken per word or phrase (default 10, the most the lexicon holds). */
  perWord?: number;
  /** The names the reports hold, by pinyin: `Zhao Junling` is searched as 赵峻岭 (see pinyin-names.ts). */
  names?: PinyinNameIndex;
}

interface Token {
  raw: string;
  lower: string;
  /** Index of the token in the question, to tell adjacent words from words around a dropped one. */
  pos: number;
}

/** Words that only frame the question ("What year did…", "How many people…"), on top of stop words. */
const QUESTION_FILLER = new Set(['year', 'date', 'day', 'time', 'number', 'percentage', 'percent', 'amount']);

function tokenise(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(/[A-Za-z]+(?:['’][A-Za-z]+)?|\d+(?:[.,:]\d+)*/g)) {
    const raw = m[0].replace(/['’]s$/i, '');
    out.push({ raw, lower: raw.toLowerCase(), pos: out.length });
  }
  return out;
}

/** British spellings → the American ones CC-CEDICT mostly uses (kilometre → kilometer). */
function americanSpelling(word: string): string {
  return word
    .replace(/isation(s?)$/, 'ization$1')
    .replace(/is(e|ed|es|ing)$/, 'iz$1')
    .replace(/our(s?)$/, 'or$1')
    .replace(/tre(s?)$/, 'ter$1')
    .replace(/ogue(s?)$/, 'og$1')
    .replace(/lled$/, 'led');
}

/** Looks a word or phrase up, trying the base forms (and American spelling) of its last word. */
function lookup(lexicon: Lexicon, words: string[]): readonly string[] | undefined {
  const head = words.slice(0, -1).join(' ');
  const last = words[words.length - 1];
  const forms = [...lemmaCandidates(last), ...lemmaCandidates(americanSpelling(last))];
  for (const form of forms) {
    if (words.length === 1 && ENGLISH_STOP_WORDS.has(form)) continue;
    const hit = lexicon.lookup(head ? `${head} ${form}` : form);
    if (hit) return hit;
  }
  return undefined;
}

/**
 * For a word the dictionary lacks, a related word sharing most of its letters
 * (anarchy → anarchism, deforestation → deforest). Long words only: short prefixes match anything.
 */
function lookupRelated(lexicon: Lexicon, word: string): { key: string; candidates: readonly string[] } | undefined {
  if (word.length < 6) return undefined;
  const prefix = word.slice(0, Math.max(5, Math.ceil(word.length * 0.7)));
  const key = lexicon.keysWithPrefix(prefix, 1)[0];
  const candidates = key === undefined ? undefined : lexicon.lookup(key);
  return key !== undefined && candidates ? { key, candidates } : undefined;
}

function isName(token: Token, index: number): boolean {
  if (!/^[A-Z]/.test(token.raw)) return false;
  // The first word of a sentence is capitalised anyway; only a name if it is not a common word.
  return index > 0 || !ENGLISH_STOP_WORDS.has(token.lower);
}

export function translateQuestion(english: string, lexicon: Lexicon, options: TranslateOptions = {}): Translation {
  const perWord = Math.min(options.perWord ?? MAX_CANDIDATES, MAX_CANDIDATES);
  // Names in pinyin and ordinals (the 36th meeting) become Chinese terms of their own; their words
  // are not looked up in the dictionary (Zhu Long is no 'long', 36th no 'th').
  const special: Translation['groups'] = [];
  const kept: string[] = [];
  let rest = english;
  const blank = (start: number, end: number) => {
    rest = rest.slice(0, start) + ' '.repeat(end - start) + rest.slice(end);
  };
  const names: string[] = [];
  for (const m of options.names ? matchPinyinNames(english, options.names) : []) {
    special.push({ english: m.english, candidates: m.names });
    names.push(...m.names.filter((n) => !names.includes(n)));
    for (let at = rest.indexOf(m.english); at >= 0; at = rest.indexOf(m.english)) blank(at, at + m.english.length);
  }
  for (const o of englishOrdinalMentions(english)) {
    special.push({ english: o.text.toLowerCase(), candidates: ordinalSearchTerms(o) });
    if (/^\d/.test(o.text)) kept.push(String(o.number));
    blank(o.start, o.end);
  }
  const tokens = tokenise(rest);
  const content: Token[] = [];
  tokens.forEach((t, i) => {
    if (/^\d/.test(t.raw)) {
      kept.push(t.raw);
      return;
    }
    if (isName(t, i) && !kept.includes(t.raw)) kept.push(t.raw);
    if (!ENGLISH_STOP_WORDS.has(t.lower) && !QUESTION_FILLER.has(t.lower) && t.lower.length > 1) content.push(t);
  });

  const groups: Translation['groups'] = [...special];
  for (let i = 0; i < content.length;) {
    let matched = 0;
    // Longest phrase first, and only over words adjacent in the question.
    for (let n = Math.min(3, content.length - i); n >= 2 && !matched; n--) {
      const span = content.slice(i, i + n);
      if (span[n - 1].pos - span[0].pos !== n - 1) continue;
      const hit = lookup(
        lexicon,
        span.map((t) => t.lower),
      );
      if (hit) {
        groups.push({ english: span.map((t) => t.lower).join(' '), candidates: hit.slice(0, perWord) });
        matched = n;
        // The phrase may be worded differently in the text ("high-tech zone" as 高新技术产业开发区),
        // so its words still count, ranked after the phrase's own candidates.
        for (const t of span) {
          const word = lookup(lexicon, [t.lower]);
          if (word) groups.push({ english: t.lower, candidates: word.slice(0, Math.ceil(perWord / 2)) });
        }
      }
    }
    if (matched) {
      i += matched;
      continue;
    }
    const hit = lookup(lexicon, [content[i].lower]);
    if (hit) groups.push({ english: content[i].lower, candidates: hit.slice(0, perWord) });
    else {
      const related = lookupRelated(lexicon, content[i].lower);
      // A guess: fewer candidates, so it cannot outweigh the words that were found.
      if (related) groups.push({ english: content[i].lower, candidates: related.candidates.slice(0, Math.ceil(perWord / 3)) });
    }
    i++;
  }

  // Interleave by rank so the best candidate of every word comes before second choices.
  const terms: string[] = [];
  const seen = new Set<string>();
  for (let rank = 0; rank < perWord; rank++) {
    for (const g of groups) {
      const c = g.candidates[rank];
      if (c && !seen.has(c)) {
        seen.add(c);
        terms.push(c);
      }
    }
  }
  return { terms, kept, groups, names };
}
