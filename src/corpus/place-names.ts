/**
 * Places a report's headline names (石泉县, 宿鸭湖水库, 大栗港镇, 東湖水庫): the name before a place word,
 * so an English question naming the place in pinyin (Suyahu reservoir, Daligang town) is searched for
 * the Chinese name, as people's names are (article-names.ts, retrieval/question/pinyin-names.ts). Rows are data, each with an example.
 */

export interface PlaceWordRow {
  /** A word that follows a place's name (both scripts). */
  words: string[];
  example: { headline: string; place: string };
}

export const PLACE_WORDS: readonly PlaceWordRow[] = [
  { words: ['省', '市', '州', '盟'], example: { headline: '河南省召开防汛会议', place: '河南' } },
  { words: ['县', '縣', '区', '區', '旗'], example: { headline: '石泉县举行集中签约仪式', place: '石泉' } },
  { words: ['镇', '鎮', '乡', '鄉', '街道', '村', '社区', '社區'], example: { headline: '大栗港镇人代会召开', place: '大栗港' } },
  { words: ['水库', '水庫', '湖', '江', '河', '港', '岛', '島', '山'], example: { headline: '宿鸭湖水库通过竣工验收', place: '宿鸭湖' } },
];

const WORDS = [...new Set(PLACE_WORDS.flatMap((r) => r.words))].sort((a, b) => b.length - a.length);
const PLACE_WORD = new RegExp(WORDS.join('|'), 'g');
const HAN = /^\p{Script=Han}+$/u;

/**
 * The names of two or three characters a headline prints right before a place word, each once:
 * `河南省宿鸭湖水库` → 河南, 宿鸭湖, 鸭湖, … (a name that reads as no place is never asked in pinyin).
 */
export function headlinePlaces(headline: string): string[] {
  const out = new Set<string>();
  PLACE_WORD.lastIndex = 0;
  for (let m = PLACE_WORD.exec(headline); m; m = PLACE_WORD.exec(headline)) {
    for (let n = 3; n >= 2; n--) {
      const name = headline.slice(m.index - n, m.index);
      if (name.length === n && HAN.test(name)) out.add(name);
    }
  }
  return [...out];
}
