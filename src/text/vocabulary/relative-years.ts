/**
 * Words that name a year relative to the day a report was written (今年 in a report dated 2024 is
 * 2024). A report that uses one without a date of its own may mean any year. One row per word, in
 * search form (simplified), with the offset from the report's year and an example sentence.
 */
export interface RelativeYear {
  word: string;
  offset: number;
  example: string;
}

export const RELATIVE_YEAR_ROWS: readonly RelativeYear[] = [
  { word: '今年', offset: 0, example: '今年全区计划新建道路12公里。' },
  { word: '本年', offset: 0, example: '本年度共受理信访事项35件。' },
  { word: '去年', offset: -1, example: '比去年同期增长8.2%。' },
  { word: '上年', offset: -1, example: '较上年末增加1.3万人。' },
  { word: '前年', offset: -2, example: '该项目前年开工建设。' },
  { word: '明年', offset: 1, example: '明年将全面建成投用。' },
  { word: '后年', offset: 2, example: '预计后年竣工。' },
];
