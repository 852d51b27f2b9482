/**
 * The names an article holds: the people named in it, then its reporters, photographers and
 * contributors, then the places its headline names (place-names.ts). Retrieval matches English
 * questions that name someone or somewhere in pinyin against them (retrieval/question/pinyin-names.ts);
 * an index stores each article's list and the names' pinyin keys so that matching never reads the
 * articles' records nor loads pinyin-pro (index/article-store.ts).
 */
import { headlinePlaces } from './place-names.ts';

/** The parts of an `Article` that name people. */
export interface NamedArticle {
  people: ReadonlyArray<{ name: string }>;
  reporters: readonly string[];
  photographers: readonly string[];
  contributors?: readonly string[];
  /** Its headline, for the places it names (Suyahu reservoir → 宿鸭湖). */
  headline?: string;
}

/** Each name once, in that order: `{ people: [张三], reporters: [李四, 张三] }` → [张三, 李四]. */
export function articleNames(a: NamedArticle): string[] {
  const out = new Set<string>();
  for (const p of a.people) out.add(p.name);
  for (const n of a.reporters) out.add(n);
  for (const n of a.photographers) out.add(n);
  for (const n of a.contributors ?? []) out.add(n);
  for (const n of headlinePlaces(a.headline ?? '')) out.add(n);
  return [...out];
}
