import { describe, expect, it } from 'vitest';
import { lexiconFromEntries } from '../../src/retrieval/question/lexicon.ts';
import { articlesNaming, matchPinyinNames, pinyinNameIndex, reportNames } from '../../src/retrieval/question/pinyin-names.ts';
import { translateQuestion } from '../../src/retrieval/question/translate.ts';

const index = pinyinNameIndex(['赵峻岭', '朱龙', '黃敏惠', '欧阳明远', '单雄', '王军', '汪俊', 'x']);
const names = (q: string) => matchPinyinNames(q, index).flatMap((m) => m.names);

describe('pinyin names', () => {
  it('matches names in either order, spaced, hyphenated or joined, in traditional script too', () => {
    expect(names('Who is Zhao Junling?')).toEqual(['赵峻岭']);
    expect(names('What did Junling Zhao say?')).toEqual(['赵峻岭']);
    expect(names('what did zhao jun-ling say')).toEqual(['赵峻岭']);
    expect(names('Zhao Jun Ling')).toEqual(['赵峻岭']);
    expect(names('Which project did Zhu Long inspect?')).toEqual(['朱龙']);
    expect(names('Mayor Huang Minhui said')).toEqual(['黃敏惠']);
    expect(names('Ouyang Mingyuan')).toEqual(['欧阳明远']);
  });
  it('reads surnames as surnames and keeps every name a reading fits', () => {
    expect(names('Shan Xiong')).toEqual(['单雄']);
    expect(names('Wang Jun')).toEqual(['王军', '汪俊']);
  });
  it('leaves English words alone', () => {
    expect(names('How long did the meeting last?')).toEqual([]);
    expect(names('who was there')).toEqual([]);
  });
  it('collects the names the reports hold', () => {
    expect(reportNames([{ people: [{ name: '朱龙' }], reporters: ['颜元滔'], photographers: [], contributors: ['王成虎'] }])).toEqual([
      '朱龙',
      '颜元滔',
      '王成虎',
    ]);
  });
  it('gives translation the Chinese name as a term of its own, and the name is not translated word by word', () => {
    const lexicon = lexiconFromEntries({ long: ['长'], project: ['项目'], inspect: ['视察'] });
    const t = translateQuestion('Which project did Zhu Long inspect?', lexicon, { names: index });
    expect(t.groups[0]).toEqual({ english: 'Zhu Long', candidates: ['朱龙'] });
    expect(t.terms).toContain('朱龙');
    expect(t.terms).not.toContain('长');
  });
  it('translates English ordinals into the forms reports print', () => {
    const lexicon = lexiconFromEntries({ meeting: ['会议'] });
    const t = translateQuestion("Who chaired the 36th chairpersons' meeting?", lexicon);
    expect(t.terms).toEqual(expect.arrayContaining(['第三十六次', '第36次', '会议']));
    expect(translateQuestion('the thirty-sixth meeting', lexicon).terms).toContain('第三十六次');
  });

  it('narrows candidate articles to those printing the name, or keeps them all', () => {
    const a = { id: 'a', article: { headline: '视察', body: '区委书记彭海视察医院项目。' } };
    const b = { id: 'b', article: { headline: '调研', body: '区委书记朱龙调研医院项目。' } };
    expect(articlesNaming([a, b], ['朱龙']).map((c) => c.id)).toEqual(['b']);
    expect(articlesNaming([a, b], ['赵峻岭']).map((c) => c.id)).toEqual(['a', 'b']);
    expect(articlesNaming([a, b], []).map((c) => c.id)).toEqual(['a', 'b']);
  });
  it('reports the names it matched', () => {
    const lexicon = lexiconFromEntries({ project: ['项目'] });
    expect(translateQuestion('Which project did Zhu Long inspect?', lexicon, { names: index }).names).toEqual(['朱龙']);
    expect(translateQuestion('Which project?', lexicon, { names: index }).names).toEqual([]);
  });
});
