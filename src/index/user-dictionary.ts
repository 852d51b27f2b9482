/**
 * The index's jieba user dictionary: names and titles the reports print, so the analyser keeps
 * them whole ("王新亭", "高新区党工委书记", a meeting's name) instead of guessing a split.
 * Words are stored in search form, the form the analyser segments.
 */
import type { Article } from '../corpus/types.ts';
import { toSearchForm } from '../text/search-form.ts';

export const USER_DICTIONARY_FILE = 'userdict.txt';

export interface UserWord {
  word: string;
  /** jieba part-of-speech tag: nr person, nt organisation/title, nz other proper noun. */
  tag: 'nr' | 'nt' | 'nz';
}

const MIN_LENGTH = 2;
const MAX_LENGTH = 40;
// Titles list several posts: "党工委委员、管委会副主任".
const TITLE_SEPARATORS = /[、，,;；\s]+/;

/** The distinct dictionary words of the articles, in first-seen order. */
export function userWords(articles: readonly Article[]): UserWord[] {
  const out = new Map<string, UserWord>();
  const add = (raw: string | undefined, tag: UserWord['tag']) => {
    if (!raw) return;
    const word = toSearchForm(raw).trim();
    // The dictionary format is space-separated, so a word cannot contain whitespace.
    if (word.length < MIN_LENGTH || word.length > MAX_LENGTH || /\s/.test(word)) return;
    if (!out.has(word)) out.set(word, { word, tag });
  };
  for (const a of articles) {
    for (const p of a.people) {
      add(p.name, 'nr');
      for (const part of p.title.split(TITLE_SEPARATORS)) add(part, 'nt');
    }
    for (const name of a.reporters) add(name, 'nr');
    for (const name of a.photographers) add(name, 'nr');
    add(a.meeting, 'nz');
  }
  return [...out.values()];
}

/** jieba's user-dictionary format: one `word tag` a line. */
export function formatUserDictionary(words: readonly UserWord[]): string {
  return words.map((w) => `${w.word} ${w.tag}\n`).join('');
}
