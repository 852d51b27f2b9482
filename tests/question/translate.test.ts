import { describe, expect, it } from 'vitest';
import { lemmaCandidates, lemmatise } from '../../src/retrieval/question/english-words.ts';
import { lexiconFromEntries, loadLexicon } from '../../src/retrieval/question/lexicon.ts';
import { translateQuestion } from '../../src/retrieval/question/translate.ts';

// The shipped lexicon (data/lexicon/en-zh.tsv), as run time uses it.
const lexicon = loadLexicon();

describe('lemmatisation', () => {
  it('reduces plurals and inflected verbs', () => {
    expect(lemmatise('committees')).toBe('committee');
    expect(lemmatise('cities')).toBe('city');
    expect(lemmatise('taxes')).toBe('tax');
    expect(lemmatise('chaired')).toBe('chair');
    expect(lemmatise('stopped')).toBe('stop');
    expect(lemmatise('making')).toBe('make');
    expect(lemmatise('went')).toBe('go');
    expect(lemmatise('held')).toBe('hold');
    expect(lemmatise('news')).toBe('news');
  });

  it('offers alternatives for the dictionary to choose from', () => {
    expect(lemmaCandidates('served')).toContain('serve');
    expect(lemmaCandidates('reporter')[0]).toBe('reporter');
  });
});

describe('translateQuestion', () => {
  it('translates a local-government question into the words the report uses', () => {
    const { terms } = translateQuestion('Who is the Party Working Committee secretary of the high-tech zone?', lexicon);
    expect(terms).toContain('书记');
    expect(terms.some((t) => t === '工委' || t === '党工委' || t.includes('委员会'))).toBe(true);
    expect(terms.some((t) => t.includes('高新'))).toBe(true);
    expect(terms.length).toBeLessThanOrEqual(60);
  });

  it('drops stop words and lemmatises plurals and -ed forms', () => {
    const { groups } = translateQuestion('Which committees chaired the meetings?', lexicon);
    const english = groups.map((g) => g.english);
    expect(english).not.toContain('which');
    expect(english).not.toContain('the');
    const meetings = groups.find((g) => g.english === 'meetings');
    expect(meetings?.candidates).toContain('会议');
    expect(groups.find((g) => g.english === 'committees')?.candidates).toContain('委员会');
    expect(groups.find((g) => g.english === 'chaired')?.candidates[0]).toBe('主持');
  });

  it('keeps numbers and capitalised names verbatim and still translates known names', () => {
    const { terms, kept } = translateQuestion('In what year did Warsaw host 3 meetings with Kearney in 1999?', lexicon);
    expect(kept).toEqual(expect.arrayContaining(['Warsaw', 'Kearney', '3', '1999']));
    expect(kept).not.toContain('In');
    expect(terms).toContain('华沙');
  });

  it('prefers a phrase to its words and still adds the words', () => {
    const lex = lexiconFromEntries({ 'working committee': '工委', working: '工作', committee: '委员会 委员' });
    const { groups, terms } = translateQuestion('the working committee', lex);
    expect(groups[0]).toEqual({ english: 'working committee', candidates: ['工委'] });
    expect(terms[0]).toBe('工委');
    expect(terms).toContain('委员会');
  });

  it('does not join words across a dropped word into a phrase', () => {
    const lex = lexiconFromEntries({ 'working committee': '工委', working: '工作', committee: '委员会' });
    expect(translateQuestion('working of committee', lex).terms).toEqual(['工作', '委员会']);
  });

  it('puts every word’s best candidate before second choices and caps candidates per word', () => {
    const lex = lexiconFromEntries({ alpha: 'a1 a2 a3', beta: 'b1 b2 b3' });
    expect(translateQuestion('alpha beta', lex).terms).toEqual(['a1', 'b1', 'a2', 'b2', 'a3', 'b3']);
    expect(translateQuestion('alpha beta', lex, { perWord: 1 }).terms).toEqual(['a1', 'b1']);
  });

  it('returns nothing to search for words the lexicon lacks, but keeps names', () => {
    const { terms, kept } = translateQuestion('What is Zyxwvut qwrtplk?', lexiconFromEntries({}));
    expect(terms).toEqual([]);
    expect(kept).toEqual(['Zyxwvut']);
  });

  it('falls back to American spelling and to a related word for gaps in the dictionary', () => {
    const lex = lexiconFromEntries({ kilometer: '公里 千米', anarchism: '无政府主义', an: '一' });
    expect(translateQuestion('How many kilometres?', lex).terms).toEqual(['公里', '千米']);
    expect(translateQuestion('anarchy', lex).terms).toEqual(['无政府主义']);
    // Short unknown words guess nothing.
    expect(translateQuestion('anar', lex).terms).toEqual([]);
  });

  it('loads the lexicon once', () => {
    expect(loadLexicon()).toBe(lexicon);
    expect(lexicon.size).toBeGreaterThan(50_000);
  });
});
