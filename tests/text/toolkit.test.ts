import { describe, expect, it } from 'vitest';
import { bothScriptsPattern, traditionalByChar } from '../../src/text/chinese-script.ts';
import { countHan, hanRuns, hasHan, isHanCodeUnit } from '../../src/text/han.ts';
import { CLAUSE_BREAK, SENTENCE_BREAK, foldPunctuation } from '../../src/text/punctuation.ts';
import { bigramUnit, charUnit, textUnitLookup, textUnits, unitKind, unitText, wordUnit } from '../../src/text/units.ts';

describe('the text toolkit', () => {
  it('tells sentence ends from clause ends', () => {
    for (const c of ['。', '！', '？', '!', '?', '；', ';', '\n']) expect(SENTENCE_BREAK.test(c), c).toBe(true);
    for (const c of ['，', ',', '、', '：', ':']) {
      expect(SENTENCE_BREAK.test(c), c).toBe(false);
      expect(CLAUSE_BREAK.test(c), c).toBe(true);
    }
  });

  it('folds punctuation to one form', () => {
    expect(foldPunctuation('谁主持？「安委会」（2021）……')).toBe('谁主持?"安委会"(2021)...');
  });

  it('tests Han characters by script and by code unit', () => {
    expect(hasHan('abc')).toBe(false);
    expect(countHan('a安委会b')).toBe(3);
    expect(hanRuns('安委会 2021 会议')).toEqual(['安委会', '会议']);
    expect(isHanCodeUnit('安'.charCodeAt(0))).toBe(true);
    expect(isHanCodeUnit('A'.charCodeAt(0))).toBe(false);
  });

  it('looks a unit up in a text exactly as its unit set would hold it', () => {
    const text = '第36次会议，防汛 covid-19. 2024年a1b2';
    const units = textUnits(text);
    const lookup = textUnitLookup(text);
    for (const u of units) expect(lookup.has(u)).toBe(true);
    // Text that is there but is no unit: a pair across punctuation, a digit inside a word, a non-Han "character".
    for (const u of [bigramUnit('议，'), bigramUnit('会防'), wordUnit('1'), wordUnit('covid'), charUnit('，'), charUnit('a')]) {
      expect(units.has(u)).toBe(false);
      expect(lookup.has(u)).toBe(false);
    }
    expect(lookup.has(wordUnit('a1b2'))).toBe(true);
  });

  it('makes and reads search units by kind', () => {
    const units = textUnits('防汛物资 covid-19.');
    expect([...units]).toEqual([
      charUnit('防'),
      charUnit('汛'),
      bigramUnit('防汛'),
      charUnit('物'),
      bigramUnit('汛物'),
      charUnit('资'),
      bigramUnit('物资'),
      wordUnit('covid-19'),
    ]);
    expect(unitKind(bigramUnit('防汛'))).toBe('bigram');
    expect(unitKind(wordUnit('covid'))).toBe('word');
    expect(unitText(charUnit('防'))).toBe('防');
  });

  it('derives traditional forms character by character, in words and in patterns', () => {
    expect(traditionalByChar('汇报')).toBe('匯報');
    expect(bothScriptsPattern('(?<![工写])讲话')).toBe('(?<![工写寫])[讲講][话話]');
    expect(new RegExp(bothScriptsPattern('讲话')).test('講話')).toBe(true);
  });
});
