import { describe, expect, it } from 'vitest';
import { PLACE_WORDS, headlinePlaces } from '../../src/corpus/place-names.ts';
import { matchPinyinNames, pinyinNameIndex } from '../../src/retrieval/question/pinyin-names.ts';

// Headlines made up for these tests, in the shape of county and town news.
const headlines = [
  '某省宿鸭湖水库除险加固工程通过竣工验收',
  '大栗港镇第三届人民代表大会第三次会议召开',
  '南水北調東湖水庫擴容工程通過驗收',
  '石泉县举行集中签约仪式',
];
const index = pinyinNameIndex(headlines.flatMap(headlinePlaces));
const places = (q: string) => matchPinyinNames(q, index).flatMap((m) => m.names);

describe('places a headline names', () => {
  it('reads every row example', () => {
    for (const row of PLACE_WORDS) expect(headlinePlaces(row.example.headline), row.example.headline).toContain(row.example.place);
  });
  it('reads no place in a headline without a place word', () => {
    expect(headlinePlaces('公众开放日 司法零距离')).toEqual([]);
  });
  it('lets an English question name a place in pinyin, in either script', () => {
    expect(places('Who chaired the Suyahu reservoir completion acceptance meeting?')).toContain('宿鸭湖');
    expect(places('Who was elected mayor of Daligang town?')).toContain('大栗港');
    expect(places('What is the main construction content of the Donghu reservoir project?')).toContain('東湖');
    expect(places('How many projects did Shiquan county sign?')).toContain('石泉');
    expect(places('How long did the meeting last?')).toEqual([]);
  });
});
