/**
 * Offices and titles: the words a printed title ends in (高新区党工委**书记**王新亭). One table read by
 * people extraction (a title before a name, corpus) and the answer slot (a question asking who holds
 * an office, retrieval). Written once in simplified form; the traditional forms are derived with
 * opencc-js, character by character. Each row's example is a title and name as reports print them;
 * `tests/text/vocabulary.test.ts` extracts the person from every example.
 */
import { bothForms } from '../chinese-script.ts';

export interface OfficeWord {
  word: string;
  /** A title ending in the word, then a name. */
  example: string;
  /**
   * Where the word is also the tail of a common word (会议长达, 公司长江, 广州长隆), the (up to) two
   * characters before it must match this.
   */
  after?: RegExp;
  /** With `after`: a text where the word follows a character that rules it out (no person is read). */
  notExample?: string;
}

export const OFFICE_ROWS: readonly OfficeWord[] = [
  { word: '副书记', example: '区委副书记李明主持会议' },
  // A post of its own (a secretary sent to a village), not any 书记: 第一书记是谁 is not answered by the 党委书记.
  { word: '第一书记', example: '驻村第一书记王明出席会议' },
  { word: '书记', example: '高新区党工委书记王新亭主持会议' },
  { word: '副主任', example: '管委会副主任张红军出席会议' },
  { word: '主任', example: '县人大常委会主任刘鼎出席会议' },
  { word: '委员', example: '县政协委员陈刚出席会议' },
  { word: '常委', example: '市委常委赵伟出席会议' },
  { word: '副主席', example: '县政协副主席孙丽出席会议' },
  { word: '主席', example: '县政协主席周平主持会议' },
  { word: '副市长', example: '副市长吴强出席会议' },
  { word: '市长', example: '市长郑国主持会议' },
  { word: '副区长', example: '副区长冯军出席会议' },
  { word: '区长', example: '区长陈华主持会议' },
  { word: '副县长', example: '副县长褚明出席会议' },
  { word: '县长', example: '县长卫东主持会议' },
  { word: '副局长', example: '市公安局副局长蒋涛出席会议' },
  { word: '局长', example: '县教育局局长沈洁出席会议' },
  { word: '副部长', example: '区委宣传部副部长韩梅出席会议' },
  { word: '部长', example: '市委组织部部长杨帆出席会议' },
  { word: '副组长', example: '督导组副组长朱军出席会议' },
  { word: '组长', example: '巡察组组长秦岭出席会议' },
  { word: '副院长', example: '县法院副院长尤静出席会议' },
  { word: '院长', example: '县人民医院院长许峰出席会议' },
  { word: '检察长', example: '县检察院检察长何平出席会议' },
  { word: '副厅长', example: '省交通运输厅副厅长吕强出席会议' },
  { word: '厅长', example: '省民政厅厅长施敏出席会议' },
  { word: '副处长', example: '规划处副处长张伟出席会议' },
  { word: '处长', example: '省发改委综合处处长孔亮出席会议' },
  { word: '副科长', example: '财务科副科长曹丽出席会议' },
  { word: '科长', example: '县财政局预算科科长严明出席会议' },
  { word: '副镇长', example: '副镇长周平出席会议' },
  { word: '镇长', example: '镇长金鑫主持会议' },
  { word: '副乡长', example: '副乡长魏东出席会议' },
  { word: '乡长', example: '乡长陶然主持会议' },
  { word: '秘书长', example: '县政府秘书长姜涛出席会议' },
  { word: '副总经理', example: '公司副总经理戚宏出席会议' },
  { word: '总经理', example: '县城投公司总经理林平出席会议' },
  { word: '经理', example: '供电公司经理邹平出席会议' },
  { word: '副董事长', example: '集团副董事长喻成出席会议' },
  { word: '董事长', example: '集团董事长柏林出席会议' },
  { word: '调研员', example: '市农业农村局调研员何平出席会议' },
  { word: '巡视员', example: '省民政厅巡视员窦明出席会议' },
  { word: '政委', example: '武警中队政委章杰出席会议' },
  { word: '所长', example: '城关派出所所长郭明出席会议' },
  { word: '站长', example: '县农技站站长苏南出席会议' },
  { word: '会长', example: '县商会会长潘亮出席会议' },
  { word: '理事长', example: '县慈善总会理事长葛明出席会议' },
  { word: '负责人', example: '县应急管理局负责人奚强出席会议' },
  { word: '队长', example: '交警大队队长范军出席会议' },
  { word: '校长', example: '县一中校长彭涛出席会议' },
  { word: '行长', example: '县农商银行行长郎平出席会议' },
  { word: '总监', example: '项目总监鲁明出席会议' },
  { word: '主管', example: '公司安全主管韦峰出席会议' },
  { word: '专员', example: '市政府专员胡明出席会议' },
  { word: '指导员', example: '派出所指导员马强出席会议' },
  { word: '馆长', example: '县图书馆馆长苗青出席会议' },
  { word: '社长', example: '日报社社长徐明出席会议' },
  { word: '总编辑', example: '日报社总编辑花明出席会议' },
  { word: '主编', example: '县志办主编方正出席会议' },
  { word: '院士', example: '中国工程院院士俞强出席会议' },
  { word: '教授', example: '浙江大学教授任远出席会议' },
  { word: '村长', example: '李家村村长袁明出席会议' },
  { word: '支书', example: '张家村支书柳青出席会议' },
  { word: '网格员', example: '社区网格员鲍丽参加会议' },
  { word: '主任委员', example: '县人大财经委主任委员史进出席会议' },
  { word: '督查员', example: '县政府督查员唐明出席会议' },
  { word: '主任秘书', example: '县政府办主任秘书高明出席会议' },
  { word: '秘书', example: '县委办秘书廉明出席会议' },
  { word: '课长', example: '市府秘书课课长岑明出席会议' },
  { word: '科员', example: '县民政局科员薛强出席会议' },
  { word: '主任科员', example: '县财政局主任科员雷鸣出席会议' },
  { word: '议员', example: '立法会议员贺平出席会议' },
  { word: '市议员', example: '台北市议员倪明出席会议' },
  // Taiwan councils, prefectures, Hong Kong and Macau (observed on their news pages).
  { word: '副议长', example: '市议会副议长林明出席会议' },
  { word: '议长', example: '由议长邱明主持会议', after: /(?:议会|議會|[^会會])$|^$/u, notExample: '会议长时间讨论' },
  { word: '副州长', example: '州委常委、副州长苏明出席会议' },
  { word: '州长', example: '州委副书记、州长赵明主持会议', after: /(?:[^\p{Script=Han}]|州)$|^$/u, notExample: '广州长隆集团出席会议' },
  { word: '副司长', example: '政务司副司长卓明出席会议' },
  { word: '司长', example: '政务司司长陈明出席会议', after: /[^公]$|^$/u, notExample: '该公司长江分部出席会议' },
  { word: '行政长官', example: '行政长官岑明出席会议' },
  // Command posts of a flood or emergency headquarters (防汛指挥部总指挥).
  { word: '副总指挥', example: '县防汛指挥部副总指挥邵明出席会议' },
  { word: '总指挥', example: '县防汛指挥部总指挥钱明主持会议' },
  { word: '指挥长', example: '区疫情防控指挥部指挥长孔明主持会议' },
  { word: '委员长', example: '全国人大常委会委员长汤明出席会议' },
  { word: '干事', example: '团县委干事滕飞出席会议' },
  { word: '专干', example: '乡镇计生专干殷红出席会议' },
  // A title only after the body delegated (人大代表); after a name it is a verb (王新亭代表党工委).
  { word: '代表', example: '全国人大代表罗明出席会议' },
];

/** Office words (either script) that need a particular character before them, by word. */
export const OFFICE_WORD_AFTER: ReadonlyMap<string, RegExp> = new Map(
  OFFICE_ROWS.flatMap((r) => (r.after ? bothForms(r.word).map((w) => [w, r.after] as [string, RegExp]) : [])),
);

/** The simplified office words, longest first (so 副书记 is tried before 书记), table order among equals. */
export const SIMPLIFIED_OFFICE_WORDS: readonly string[] = OFFICE_ROWS.map((r) => r.word).sort((a, b) => b.length - a.length);

/**
 * Office words in either script, longest first: each simplified word, then the traditional forms
 * that differ, derived character by character (書記, 區長, 幹事).
 */
export const OFFICE_WORDS: readonly string[] = [
  ...OFFICE_ROWS.map((r) => r.word),
  ...OFFICE_ROWS.flatMap((r) => bothForms(r.word).slice(1)),
].sort((a, b) => b.length - a.length);
