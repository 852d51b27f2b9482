import { describe, expect, it } from 'vitest';
import { absentQuotedNames, quotedNames } from '../../src/retrieval/question/quoted-names.ts';

describe('quoted names', () => {
  it('reads title marks and the quotation marks of simplified, traditional and Western text, in search form', () => {
    expect(quotedNames('《真臘風土記》的作者是誰?')).toEqual(['真腊风土记']);
    expect(quotedNames('全台灣第一個導入「YouBike」的城市為?')).toEqual(['youbike']);
    expect(quotedNames('“十四五”规划和『双减』政策')).toEqual(['十四五', '双减']);
    expect(quotedNames('会议由谁主持？')).toEqual([]);
    // A single quoted character is no name.
    expect(quotedNames('“好”字怎么写')).toEqual([]);
  });
  it('names the quoted names a text never prints', () => {
    expect(absentQuotedNames('《真腊风土记》的作者是谁', '周达观著有真腊风土记一书')).toEqual([]);
    expect(absentQuotedNames('《真腊风土记》的作者是谁', '元朝的对外交流十分频繁')).toEqual(['真腊风土记']);
  });
  it('compares without punctuation: the question folds 、 into a comma where the text keeps it', () => {
    expect(absentQuotedNames('《实质,形式和权力》于何年问世', '书名是《实质、形式和权力》')).toEqual([]);
  });
});
