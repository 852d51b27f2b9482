import type { Article } from '../../src/corpus/types.ts';

/**
 * An Article for tests: every required field has a neutral default (no date, no people), so a test
 * names only what it is about.
 */
export function testArticle(over: Partial<Article> & Pick<Article, 'body'>): Article {
  return {
    id: 'a',
    source: 'x.txt',
    headline: '标题',
    subtitle: '',
    headlineDerived: false,
    dateInferred: false,
    reporters: [],
    photographers: [],
    people: [],
    ...over,
  };
}
