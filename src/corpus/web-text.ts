/**
 * Text copied from a news or government web page: the page furniture around the report (headline line,
 * `发布时间：… 来源：… 编辑：…` lines, breadcrumbs, share and print links, e-paper page labels, copyright
 * notices, "related news" lists …) gives the headline, date, source and credits, and is kept out of the
 * body.
 *
 * The rules are data: `WEB_FURNITURE` (whole-line shapes) and `WEB_LABELS` (the labels of `label：value`
 * lines), every row with a sample line of its shape. The code below only reads them.
 */
import { normaliseUnicode } from '../text/normalise.ts';
import { isoDate } from './dates.ts';
import { isBylineLine } from './byline.ts';

export type WebFurnitureKind =
  | 'title'
  | 'date'
  | 'source'
  | 'author'
  | 'editor'
  | 'views'
  | 'breadcrumb'
  | 'share'
  | 'nav'
  | 'page'
  | 'photo'
  | 'copyright'
  | 'recommendation';

export interface WebFurnitureRow {
  kind: WebFurnitureKind;
  /** Tested on the trimmed line, leading bullets removed. */
  pattern: RegExp;
  /** `head`: only among the lines above the report's text (a short line there is furniture, in the text it may be a crosshead). */
  where: 'anywhere' | 'head';
  /** The line ends the report: it and everything after it go (other articles' headlines and leads). */
  cut?: boolean;
  /** A line of this shape (written for the tests; not copied from any site). */
  example: string;
}

const NAV_WORDS = [
  '移动端应用',
  '移動端應用',
  '政务微信',
  '政務微信',
  '政务微博',
  '政務微博',
  '智能问答',
  '智能問答',
  '登录',
  '登錄',
  '注册',
  '註冊',
  '登录个人中心',
  '個人中心',
  '个人中心',
  '无障碍',
  '無障礙',
  '无障碍浏览',
  '長者模式',
  '长者模式',
  '网站地图',
  '網站地圖',
  '返回顶部',
  '返回頂部',
  '回页首',
  '回頁首',
  '返回首页',
  '返回首頁',
  '返回列表',
  '打印',
  '打印本页',
  '打印本頁',
  '【打印】',
  '关闭',
  '關閉',
  '关闭窗口',
  '關閉窗口',
  '【关闭】',
  '【關閉】',
  '收藏',
  '加入收藏',
  '展开详细',
  '展開詳細',
  '展开全文',
  '展開全文',
  '阅读全文',
  '閱讀全文',
  '查看原文',
  '语音阅读',
  '語音閱讀',
  '语音播报',
  '語音播報',
  '繁体',
  '繁體',
  '简体',
  '簡體',
  // A partner-media section label above the headline.
  '合作媒体',
  '合作媒體',
  // The alt text of a Taiwan government site's banner image, printed above the headline.
  '形象圖',
  '形象图',
];

/** Whole-line shapes of page furniture. Order matters only for the kind reported; a line is furniture if any row matches. */
export const WEB_FURNITURE: readonly WebFurnitureRow[] = [
  {
    kind: 'nav',
    where: 'anywhere',
    pattern: /^(?:跳到主要[内內]容[区區]?[块塊]?|跳[过過]?[导導]航|跳至主要[内內]容|skip to (?:main )?content)$/i,
    example: '跳到主要內容區塊',
  },
  // Accessibility furniture of Taiwan's government sites: a key hint and the `:::` access-key anchors.
  { kind: 'nav', where: 'anywhere', pattern: /^(?:按\s*Enter\s*[到至]主[内內]容[区區]?|:::)$/i, example: '按Enter到主內容區' },
  {
    kind: 'share',
    where: 'anywhere',
    pattern: /^[•·●▪]?\s*(?:Facebook|Google\s*Plus|Twitter|Plurk|LINE|X|Email|友善列印|回上一[页頁]|回[页頁]首|列印|分享)$/i,
    example: '• 友善列印',
  },
  { kind: 'nav', where: 'anywhere', pattern: new RegExp(`^(?:${NAV_WORDS.join('|')})$`), example: '政务微博' },
  { kind: 'nav', where: 'anywhere', pattern: /^[显顯]示模式\s*[:：]/, example: '顯示模式: 網格 列表' },
  { kind: 'nav', where: 'anywhere', pattern: /^[【[]?\s*字\s*[体體号號]\s*[:：]?\s*[大中小\s]+[】\]]?$/, example: '【字体：大 中 小】' },
  { kind: 'nav', where: 'anywhere', pattern: /^[|｜\s\-—_=*]+$/, example: '||||' },
  // An e-paper's zoom buttons.
  { kind: 'nav', where: 'anywhere', pattern: /^放大\s*[缩縮]小\s*[默预預]?[认認设設]?$/, example: '放大 缩小 默认' },
  { kind: 'nav', where: 'anywhere', pattern: /^[«‹<]+\s*返回(?:前[页頁]|上[一]?[页頁])\s*(?:列印|打印)?$/, example: '« 返回前頁列印' },
  // An e-paper's masthead lines: the site's name (`某某日报数字报`) and the paper's registration number.
  {
    kind: 'nav',
    where: 'head',
    pattern: /^\p{Script=Han}{2,16}(?:数字报|數字報|电子报|電子報|数字报刊|數字報刊|电子版|電子版)$/u,
    example: '某某日报数字报',
  },
  { kind: 'page', where: 'anywhere', pattern: /^国内统一刊号\s*[:：]\s*CN\s*\d{2}\s*[-－]\s*\d{4}/, example: '国内统一刊号:CN41-0099' },
  // A news site's name line above the headline (`某某镇 某某新闻网`).
  {
    kind: 'nav',
    where: 'head',
    pattern: /^(?:\p{Script=Han}{2,10}\s+)?\p{Script=Han}{2,16}(?:新闻网|新聞網)$/u,
    example: '某某镇 某某新闻网',
  },
  {
    kind: 'nav',
    where: 'anywhere',
    pattern: /^---+\s*[|｜]?$|^(?:[日一二三四五六]\s*[|｜]\s*){7}$/,
    example: '日 | 一 | 二 | 三 | 四 | 五 | 六 |',
  },
  {
    kind: 'nav',
    where: 'anywhere',
    pattern: /^[|｜]?\s*\d*\s*上一版\s*\d*\s*\d*\s*下一版\s*\d*\s*[|｜]?$/,
    example: '| 上一版2 4下一版 |',
  },
  {
    kind: 'nav',
    where: 'head',
    pattern: /^\p{Script=Han}{2,24}(?:门户网站|門戶網站|入口网站|入口網站|官方网站|官方網站|门户网|門戶網)$/u,
    example: '某某市人民政府门户网站',
  },
  {
    kind: 'breadcrumb',
    where: 'anywhere',
    pattern: /^(?:您?(?:当前|當前|现在|現在|目前)?(?:的)?(?:所在)?位置\s*[:：])/,
    example: '您当前的位置:首页 >>政务公开 >>内容',
  },
  {
    kind: 'breadcrumb',
    where: 'anywhere',
    // The crumb icon's file name may be copied before it (`ico-crumb.png 首页 > …`).
    pattern: /^(?:[\w.-]+\.(?:png|gif|jpe?g|svg)\s*)?(?:首页|首頁|主页|主頁|网站首页|網站首頁)\s*(?:>>?|›|»|→|\/|＞)/,
    example: 'ico-crumb.png 首页 > 新闻中心 > 本地要闻',
  },
  {
    kind: 'nav',
    where: 'head',
    pattern: /^\p{Script=Han}{2,24}(?:全球[资資]?[讯訊]?[网網]|[资資][讯訊][网網])(?:\s*[-－—]\s*(?:中文|英文)[网網]?)?$/u,
    example: '某某市議會全球網-中文網',
  },
  { kind: 'page', where: 'anywhere', pattern: /^第\s*[A-Za-z]?\d{1,3}\s*版\s*[:：]/, example: '第A03版:要闻' },
  { kind: 'page', where: 'anywhere', pattern: /^\d{1,6}\s*期\s*[/／]\s*第\s*[A-Za-z]?\d{1,3}\s*版/, example: '2046 期 / 第2版:2' },
  {
    kind: 'page',
    where: 'anywhere',
    pattern: /^[一二三四五六七八九十\d]{1,3}\s*版\s*[:：].{0,40}$/,
    example: '三版:要闻总第1500期 >2016-03-01编印',
  },
  {
    kind: 'page',
    where: 'anywhere',
    pattern: /^[（(]\s*(?:下转|下轉|上接|转|轉|接)\s*第?\s*[A-Za-z]?\d{1,3}\s*版\s*[)）]$/,
    example: '(下转A2版)',
  },
  {
    kind: 'page',
    where: 'anywhere',
    pattern: /enpproperty\s*-->$/,
    example: '2023-05-06 1 1 某某日报 content_1001.html 1 3 某某会议召开 /enpproperty-->',
  },
  {
    kind: 'date',
    where: 'anywhere',
    pattern:
      /^\d{4}\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*(?:日|(?=\s*(?:星期|周|週)))|[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2})\s*(?:(?:星期|周|週)[一二三四五六日天])?\s*(?:\d{1,2}\s*[:：]\s*\d{2}(?:\s*[:：]\s*\d{2})?)?$/,
    example: '2012年01月05日14:47',
  },
  // A section name and a publication stamp (`時事脈搏 | 2020-01-02 15:07`).
  {
    kind: 'date',
    where: 'anywhere',
    pattern:
      /^\p{Script=Han}{2,8}\s*[|｜]\s*\d{4}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}\s*(?:\d{1,2}\s*[:：]\s*\d{2}(?:\s*[:：]\s*\d{2})?)?$/u,
    example: '本地新聞 | 2020-03-04 09:15',
  },
  { kind: 'author', where: 'head', pattern: /^[■□▲◆]\s*\S.{0,30}$/, example: '■本报记者 王小明' },
  { kind: 'photo', where: 'anywhere', pattern: /^!\[[^\]]*\]\([^)]*\)$/, example: '![](/upload/2013/02/a1b2c3.jpg)' },
  { kind: 'photo', where: 'anywhere', pattern: /^(?:[\w.-]+\.(?:jpe?g|png|gif|webp|bmp)\s*)+$/i, example: 'IMG_20230512_0931.jpg' },
  {
    kind: 'photo',
    where: 'anywhere',
    pattern: /^(?:[A-Z][A-Z0-9]*(?:_[A-Za-z0-9]+)+(?:\(\d+\))?\s*)+$/,
    example: 'DSC_0312_MEET(1) DSC_0312_MEET(2)',
  },
  {
    kind: 'photo',
    where: 'anywhere',
    pattern: /^(\S.{3,60}?)\s*1(?:\s+\1\s*\d{1,2})+$/,
    example: '社区志愿者派发物资 1 社区志愿者派发物资 2',
  },
  { kind: 'photo', where: 'anywhere', pattern: /^(?:放大[图圖]片|点击[查看]*大[图圖]|點擊[查看]*大[圖图])$/, example: '放大圖片' },
  {
    kind: 'photo',
    where: 'anywhere',
    pattern: /^.{0,30}(?:图片来源|圖片來源)\s*[:：]\s*\S{1,24}$/,
    example: '开幕式现场 图片来源:某某新闻中心',
  },
  {
    kind: 'photo',
    where: 'head',
    pattern: /^.{0,30}\s(?:记者|記者)?\s*\p{Script=Han}{2,4}\s*[摄攝]$/u,
    example: '新建成的社区广场 记者 李明 摄',
  },
  { kind: 'share', where: 'anywhere', pattern: /^(?:分享到|分享至|转发到|轉發到|分享)\s*[:：]?.{0,20}$/, example: '分享到：' },
  {
    kind: 'share',
    where: 'anywhere',
    pattern:
      /^.{0,16}(?:点个赞|點個讚|点赞|點讚|转载是一种动力|轉載是一種動力|分享是一种美德|分享是一種美德|扫一扫|掃一掃|扫描二维码|掃描二維碼|打赏|打賞).{0,16}$/,
    example: '文章不错,点个赞再走呗!',
  },
  {
    kind: 'copyright',
    where: 'anywhere',
    pattern: /(?:版[权權](?:声明|聲明)|版[权權]所有|Copyright|©|All rights reserved)/i,
    example: '版权声明 @ 某某网 网站版权所有 |',
  },
  {
    kind: 'copyright',
    where: 'anywhere',
    pattern: /版[权權].{0,6}[属屬歸归].{0,24}所有.{0,80}(?:未[经經](?:授[权權]|许可|許可)|不得[转轉]载)/,
    example: '凡本报记者署名文字、图片，版权均属某某晚报社所有，未经授权不得转载。',
  },
  { kind: 'copyright', where: 'anywhere', pattern: /^[（(]此件(?:公开发布|公開發布|不予公开|依申请公开)[)）]$/, example: '(此件公开发布)' },
  { kind: 'title', where: 'anywhere', pattern: /^[（(]\s*原[标標][题題]\s*[:：].{1,60}[)）]$/, example: '(原标题:某某街道举行签约仪式)' },
  {
    kind: 'recommendation',
    where: 'anywhere',
    cut: true,
    pattern:
      /^(?:相关新闻|相關新聞|新闻推荐|新聞推薦|相关阅读|相關閱讀|推荐阅读|推薦閱讀|延伸阅读|延伸閱讀|相关文章|相關文章|热点推荐|熱點推薦|猜你喜欢|猜你喜歡|更多新闻|更多新聞|相关链接|相關鏈接|相關連結)\s*[:：]?$/,
    example: '新闻推荐',
  },
  {
    kind: 'recommendation',
    where: 'anywhere',
    cut: true,
    pattern: /^\d*\s*(?:上一篇|下一篇|上一条|下一条|上一條|下一條|上一則|下一則)/,
    example: '3上一篇 下一篇4 |',
  },
];

export type WebLabelField = 'title' | 'date' | 'source' | 'author' | 'photographer' | 'editor' | 'views' | 'page' | 'nav';

export interface WebLabelRow {
  field: WebLabelField;
  labels: string[];
  /** `head`: only above the report's text (a bare 时间：/日期： in a notice's text is the event's). */
  where: 'anywhere' | 'head';
  example: string;
}

/** Labels of `label：value` lines; several may share a line (`来源：某报  编辑：张三  审核：李四`). */
export const WEB_LABELS: readonly WebLabelRow[] = [
  {
    field: 'date',
    where: 'anywhere',
    labels: [
      '发布时间',
      '發佈時間',
      '發布時間',
      '发表时间',
      '發表時間',
      '发布日期',
      '發佈日期',
      '發布日期',
      '刊发日期',
      '刊發日期',
      '上版日期',
      '出版日期',
      '更新时间',
      '更新時間',
      '内容更新时间',
      '內容更新時間',
      '发稿时间',
      '發稿時間',
      '发布于',
      '發布於',
      '發佈於',
      // Taiwan sites print the year of the Republic (98-06-11 is 2009-06-11).
      '新闻日期',
      '新聞日期',
      '最后异动日期',
      '最後異動日期',
    ],
    example: '发布时间：2021-03-05 10:20:31',
  },
  { field: 'date', where: 'head', labels: ['时间', '時間', '日期'], example: '时间:2021年3月5日' },
  {
    field: 'source',
    where: 'anywhere',
    labels: [
      '来源',
      '來源',
      '来自',
      '來自',
      '信息来源',
      '資訊來源',
      '资料来源',
      '資料來源',
      '文章来源',
      '文章來源',
      '稿件来源',
      '稿源',
      '发布单位',
      '發布單位',
      '發佈單位',
      '出处',
      '出處',
      '源自',
    ],
    example: '来源：某某日报',
  },
  {
    field: 'author',
    where: 'anywhere',
    labels: ['作者', '撰稿', '撰文', '记者', '記者', '通讯员', '通訊員', '供稿'],
    example: '作者:王小明 李 华',
  },
  { field: 'photographer', where: 'anywhere', labels: ['摄影', '攝影'], example: '摄影：刘强' },
  {
    field: 'editor',
    where: 'anywhere',
    labels: [
      '责任编辑',
      '責任編輯',
      '值班编辑',
      '值班編輯',
      '编辑',
      '編輯',
      '责编',
      '責編',
      '审核',
      '審核',
      '审校',
      '審校',
      '校对',
      '校對',
      '签发',
      '簽發',
      '终审',
      '終審',
      '初审',
      '初審',
      '复审',
      '複審',
      '美编',
      '美編',
      '发布人',
      '發佈人',
      '發布人',
      '发布员',
      '發布員',
      '發佈員',
      '发布者',
      '發布者',
      '發佈者',
      '录入',
      '錄入',
    ],
    example: '编辑:张三  审核:李四',
  },
  {
    field: 'views',
    where: 'anywhere',
    labels: [
      '浏览次数',
      '瀏覽次數',
      '阅读次数',
      '閱讀次數',
      '点击数',
      '點擊數',
      '点击量',
      '點擊量',
      '点击次数',
      '點擊次數',
      '浏览量',
      '瀏覽量',
      '浏览人次',
      '瀏覽人次',
      '点阅率',
      '點閱率',
      '点阅次数',
      '點閱次數',
      '阅读量',
      '閱讀量',
      '访问量',
      '訪問量',
      '阅读',
      '閱讀',
      '浏览',
      '瀏覽',
      '点击',
      '點擊',
    ],
    example: '浏览次数：1024',
  },
  {
    field: 'nav',
    where: 'anywhere',
    labels: [
      '字体大小',
      '字體大小',
      '字号',
      '字號',
      '字体',
      '字體',
      '字型大小',
      '字型',
      '语音阅读',
      '語音閱讀',
      '打印',
      '新闻报料',
      '新聞報料',
      '报料电话',
      '報料電話',
    ],
    example: '字号：大 中 小',
  },
  { field: 'page', where: 'anywhere', labels: ['版次', '版面', '版号', '版號', '期号', '期號'], example: '版次:03' },
  { field: 'title', where: 'anywhere', labels: ['标题', '標題', '原标题', '原標題'], example: '标题：某某镇召开安全生产会议' },
];

export interface LabelledValue {
  field: WebLabelField;
  label: string;
  value: string;
}

/** A publication stamp: a date with an optional time before or after it (`19:37 2026-02-15 HKT`). */
const TIME = String.raw`\d{1,2}\s*[:：]\s*\d{2}(?:\s*[:：]\s*\d{2})?`;
const DAY = String.raw`(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?`;
const STAMP = new RegExp(
  String.raw`^(?:${TIME}\s*)?${DAY}\s*(?:(?:星期|周|週)[一二三四五六日天])?\s*(?:${TIME})?\s*(?:HKT|CST|GMT[+-]?\d*|UTC[+-]?\d*)?$`,
  'i',
);
const STAMP_AT_START = new RegExp(String.raw`^${DAY}\s*(?:${TIME})?\s*`);
const STAMP_AT_END = new RegExp(String.raw`${DAY}\s*(?:${TIME})?$`);
/** Where the reporter filed from, after the name (`記者: 蔡家蓁/議會報導。`, `记者 王明／台北报导`): not a name. */
const REPORTING_PLACE = /\s*[/／]\s*\p{Script=Han}{1,10}[报報][导導道]。?$/u;
const DAY_ANYWHERE = new RegExp(String.raw`(?<!\d)${DAY}`);

/** A labelled date in the year of the Republic of China (`98-06-11`, `108/04/10`): 1911 years on. */
const ROC_DAY = /^(\d{2,3})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})$/;
const ROC_EPOCH = 1911;

/** The ISO date of a stamp value, when the value is one. */
export function stampDate(value: string): string | undefined {
  const m = STAMP.exec(value.trim());
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  const roc = ROC_DAY.exec(value.trim());
  return roc ? isoDate(ROC_EPOCH + Number(roc[1]), Number(roc[2]), Number(roc[3])) : undefined;
}

function dayIn(text: string): string | undefined {
  const m = DAY_ANYWHERE.exec(text);
  return m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

const LABEL_ALTERNATION = [...WEB_LABELS.flatMap((r) => r.labels)].sort((a, b) => b.length - a.length).join('|');
const LABEL_AT = new RegExp(`(${LABEL_ALTERNATION})\\s*[:：]`, 'g');
const LABEL_FIRST = new RegExp(`^(?:${LABEL_ALTERNATION})\\s*[:：]`);
const ROW_OF_LABEL = new Map(WEB_LABELS.flatMap((r) => r.labels.map((l) => [l, r] as const)));

/**
 * A font-size switch printed between the fields of a labelled line (`时间:2024-04-25 19:35  大 中 小  来源: 某某网`):
 * the page's size buttons, no part of any value.
 */
const FONT_SWITCH = /\s+[【[]?大\s+中\s+小[】\]]?(?=\s|$)/g;
/** The same as bracketed buttons after a label (`文字:【大】【中】【小】`). */
const FONT_BUTTONS = /\s*(?:文字|字[号號体體])?\s*[:：]?\s*【大】\s*【中】\s*【小】/g;
/** A print or bookmark button printed between the fields (`发布时间:2014-12-04 17:06:10 打印 字号:`). */
const BUTTONS = /\s+(?:打印|列印|收藏|关闭|關閉)(?=\s|$)/g;

/** What a page prints for a writer it does not name (`作者:佚名`). */
const ANONYMOUS = /^(?:佚名|匿名|未知|不详|不詳)$/;

/** Leading bullets and the brackets a whole line may be wrapped in. */
function bare(line: string): string {
  let s = line
    .trim()
    .replace(FONT_SWITCH, ' ')
    .replace(FONT_BUTTONS, ' ')
    .replace(BUTTONS, ' ')
    .replace(/^[•●·▪◦・*\-–]\s*/, '');
  s = s.replace(/\s*[|｜]+$/, '').trim();
  const wrapped = /^[（(【[]\s*(.*?)\s*[)）】\]]$/.exec(s);
  return wrapped ? wrapped[1] : s;
}

/** The values of a wholly labelled line; undefined when the line is anything else (or a value is not of its label's shape). */
export function readLabelledLine(line: string, where: 'head' | 'anywhere' = 'anywhere'): LabelledValue[] | undefined {
  if (line.length > 140 || !/[:：]/.test(line)) return undefined;
  let s = bare(line);
  if (s === '' || s.length > 120) return undefined;
  const out: LabelledValue[] = [];
  const lead = STAMP_AT_START.exec(s);
  if (lead && lead[0].length < s.length) {
    out.push({ field: 'date', label: '', value: lead[0].trim() });
    s = s.slice(lead[0].length);
  }
  if (!LABEL_FIRST.test(s)) return undefined;
  const hits = [...s.matchAll(LABEL_AT)];
  if (hits.length === 0 || hits[0].index !== 0) return undefined;
  for (let k = 0; k < hits.length; k++) {
    const h = hits[k];
    const row = ROW_OF_LABEL.get(h[1])!;
    if (row.where === 'head' && where !== 'head') return undefined;
    const from = h.index! + h[0].length;
    const to = k + 1 < hits.length ? hits[k + 1].index! : s.length;
    // Fields may be separated by bars (`发布时间:… | 来源:… | 作者:…`).
    let value = s
      .slice(from, to)
      .trim()
      .replace(/\s*[|｜]+$/, '');
    if (row.field === 'author') value = value.replace(REPORTING_PLACE, '');
    if (!valueFits(row.field, value)) return undefined;
    out.push({ field: row.field, label: h[1], value });
  }
  return out;
}

function valueFits(field: WebLabelField, value: string): boolean {
  if (value === '') return true;
  switch (field) {
    case 'date':
      return stampDate(value) !== undefined;
    case 'views':
      return /^\d{0,9}\s*(?:次|人次)?$/.test(value);
    case 'author':
    case 'photographer':
    case 'editor':
      return value.length <= 40 && !/[。！？；，,;!?]/.test(value.replace(STAMP_AT_END, ''));
    case 'source':
      return value.length <= 40 && !/[。！？；!?]/.test(value);
    case 'page':
      return value.length <= 16;
    case 'nav':
      return value.length <= 24;
    case 'title':
      return value.length <= 80;
  }
}

export interface FurnitureMatch {
  kind: WebFurnitureKind;
  cut: boolean;
  /** The labelled values, for a `label：value` line. */
  labelled?: LabelledValue[];
}

/** What page furniture a line is, if any. `head`: the line is above the report's text. */
export function classifyWebLine(line: string, where: 'head' | 'anywhere' = 'anywhere'): FurnitureMatch | undefined {
  const s = line.trim().replace(/^[•●·▪◦・]\s*/, '');
  if (s === '') return undefined;
  const labelled = readLabelledLine(s, where);
  if (labelled) return { kind: labelledKind(labelled), cut: false, labelled };
  for (const row of WEB_FURNITURE) {
    if (row.where === 'head' && where !== 'head') continue;
    if (row.pattern.test(s)) return { kind: row.kind, cut: row.cut === true };
  }
  return undefined;
}

function labelledKind(values: LabelledValue[]): WebFurnitureKind {
  const fields = new Set(values.map((v) => v.field));
  for (const f of ['title', 'date', 'source', 'author', 'editor', 'views', 'page'] as const) if (fields.has(f)) return f;
  return fields.has('photographer') ? 'author' : 'nav';
}

/** Kinds that only web pages print (an OCR'd newspaper page can print a date or a desk credit too). */
const WEB_ONLY: ReadonlySet<WebFurnitureKind> = new Set([
  'source',
  'author',
  'views',
  'breadcrumb',
  'share',
  'nav',
  'page',
  'photo',
  'copyright',
  'recommendation',
  'title',
]);

export interface WebText {
  /** The headline printed at the top (or by a 标题： line). */
  title?: string;
  /** The publication date (ISO) the furniture prints; a labelled publication date before an update date or a bare stamp. */
  date?: string;
  source?: string;
  /** Credit lines, ready for `parseByline` (`记者 张三 通讯员 李四`). */
  credits: string[];
  /** Names after `作者：` and the like: writers whose role the page does not say (a dateline may). */
  authors: string[];
  /** The report's lines, furniture removed and cut before any "related news" list. */
  lines: string[];
  /** How many lines were furniture only web pages print: more than none marks web text. */
  evidence: number;
  /** True when the page prints labelled metadata (发布时间、来源、作者 …): an article page, not a list of items. */
  labelled: boolean;
}

export interface ReadWebOptions {
  /** Read a headline line at the top (off when the file already gives one). */
  findTitle?: boolean;
}

const SENTENCE_MARKS = /[。！？；，,;!?]/;
/** Marks that end a sentence or clause group: a headline prints none of them (commas it may). */
const HEADLINE_STOPS = /[。！？；;!?]/;
/** What follows the headline in a page's <title>: a dash, bar or underscore, then the site's name. */
const SITE_SUFFIX = /^\s*(?:[—–-]{1,2}|[|｜_])\s*\S/u;
const MAX_TITLE = 48;
/** Shorter lines at the top are section names, not headlines. */
const MIN_TITLE = 5;
/** A headline cut over lines: each part is short. */
const MAX_TITLE_PART = 14;
/** A short unpunctuated word between the headline and the labelled lines (`政情`, `要闻`): a section name. */
const MAX_SECTION = 6;
const DATE_STAMP_PREFIX = /^\s*date\s+(\d{4}-\d{2}-\d{2})\b\s*/i;

/** Ranks of the dates furniture prints: a labelled publication date first, an update, then a stamp or page label. */
const RANK_PUBLISHED = 0;
const RANK_UPDATED = 1;
/** A date with its time of day (`2013年05月30日15:19`) is a publication stamp; a bare date may be anything. */
const RANK_STAMP = 2;
const RANK_OTHER = 3;
const TIME_OF_DAY = /\d{1,2}\s*[:：]\s*\d{2}/;

/** Reads the furniture of web text: headline, date, source, credits, and the report's own lines. */
export function readWebText(text: string, opts: ReadWebOptions = {}): WebText {
  const raw = normaliseUnicode(text).split('\n');
  const result: WebText = { credits: [], authors: [], lines: [], evidence: 0, labelled: false };
  let dateRank = Infinity;
  const offerDate = (iso: string | undefined, rank: number) => {
    if (iso && rank < dateRank) {
      result.date = iso;
      dateRank = rank;
    }
  };

  // A ` date 2026-02-15` stamp the stored copy carries before the page text.
  const firstLine = raw.findIndex((l) => l.trim() !== '');
  if (firstLine >= 0) {
    const m = DATE_STAMP_PREFIX.exec(raw[firstLine]);
    if (m) {
      offerDate(isoDate(Number(m[1].slice(0, 4)), Number(m[1].slice(5, 7)), Number(m[1].slice(8, 10))), RANK_OTHER);
      raw[firstLine] = raw[firstLine].slice(m[0].length);
      result.evidence++;
    }
  }

  splitRunOnLabels(raw);

  const take = (line: string, match: FurnitureMatch) => {
    // A labelled line is web furniture unless it is only a desk credit (which newspaper pages print too).
    // So is a date with its time of day (`2012年01月05日14:47`): a paper's masthead prints no time.
    const webOnly = match.labelled
      ? match.labelled.some((v) => v.field !== 'editor' && !(v.field === 'date' && v.label === ''))
      : WEB_ONLY.has(match.kind) || (match.kind === 'date' && TIME_OF_DAY.test(line));
    if (webOnly) result.evidence++;
    if (webOnly && match.labelled) result.labelled = true;
    for (const v of match.labelled ?? []) {
      if (v.field === 'date')
        offerDate(stampDate(v.value), v.label === '' ? RANK_STAMP : /更新|异动|異動/.test(v.label) ? RANK_UPDATED : RANK_PUBLISHED);
      else if (v.field === 'source' && v.value) {
        // `来源: 张三 李四 2021-09-15 09:10:51`: a publication stamp printed after the source.
        const stamp = STAMP_AT_END.exec(v.value);
        if (stamp) offerDate(isoDate(Number(stamp[1]), Number(stamp[2]), Number(stamp[3])), RANK_STAMP);
        const source = v.value.replace(STAMP_AT_END, '').trim();
        if (source) result.source ??= source;
      } else if (v.field === 'title' && v.value) result.title ??= v.value;
      else if (v.field === 'author' || v.field === 'photographer') {
        const stamp = STAMP_AT_END.exec(v.value);
        if (stamp) offerDate(isoDate(Number(stamp[1]), Number(stamp[2]), Number(stamp[3])), RANK_OTHER);
        const names = spacedNames(v.value.replace(STAMP_AT_END, '')).filter((n) => !ANONYMOUS.test(n));
        if (v.field === 'author') result.authors.push(...names);
        else if (names.length > 0) result.credits.push(`摄影 ${names.join(' ')}`);
      }
    }
    if (!match.labelled && (match.kind === 'page' || match.kind === 'date'))
      offerDate(dayIn(line), TIME_OF_DAY.test(line) ? RANK_STAMP : RANK_OTHER);
    if (!match.labelled && match.kind === 'author') {
      const credit = creditLine(line.replace(/^\s*[■□▲◆]\s*/, ''));
      if (credit) result.credits.push(credit);
    }
    if (!match.labelled && match.kind === 'photo') {
      const m = /(?:记者|記者)?\s*(\p{Script=Han}{2,4})\s*[摄攝]$/u.exec(line.trim());
      if (m) result.credits.push(`摄影 ${m[1]}`);
    }
  };

  // The head: furniture, the headline, credit lines and section names, up to the report's first line.
  let i = 0;
  let title: string[] | undefined;
  let titleEnd = -1;
  let sawLabel = false;
  for (; i < raw.length; i++) {
    const line = raw[i].trim();
    if (line === '') continue;
    const match = classifyWebLine(line, 'head');
    // A breadcrumb opens the article: a headline taken above it was the site's header (its name, a phone number).
    if (match?.kind === 'breadcrumb' && title && !result.title) title = undefined;
    if (match && !match.cut) {
      take(line, match);
      if (match.labelled) sawLabel = true;
      continue;
    }
    if (match?.cut) continue;
    const credit = creditLine(line);
    if (credit) {
      result.credits.push(credit);
      continue;
    }
    const afterLine =
      raw
        .slice(i + 1)
        .find((l) => l.trim() !== '')
        ?.trim() ?? '';
    // A headline may print commas (`某县集中开工11个项目，总投资54亿元`); the labelled line under it shows it is one.
    const commaHeadline =
      !HEADLINE_STOPS.test(line) && line.length <= MAX_TITLE && classifyWebLine(afterLine, 'head')?.labelled !== undefined;
    const short = (!SENTENCE_MARKS.test(line) || commaHeadline) && !/^[（(【[]?本[报報網网][讯訊]/.test(line);
    // A headline cut over short lines (`市十七届` / `人大五次会议` / …) starts with a short one.
    const next = raw[i + 1]?.trim() ?? '';
    const cutHeadline =
      line.length <= MAX_TITLE_PART &&
      next !== '' &&
      next.length <= MAX_TITLE_PART &&
      !SENTENCE_MARKS.test(next) &&
      !classifyWebLine(next, 'head');
    if (
      opts.findTitle &&
      title === undefined &&
      short &&
      (line.length >= MIN_TITLE || cutHeadline) &&
      line.length <= MAX_TITLE &&
      !result.title
    ) {
      title = [line];
      titleEnd = i;
      continue;
    }
    // The page's <title> copied above the headline: the headline then a site name after a dash or bar
    // (`某街道召开推进会 —— 某某云| 社区`); the headline line below it is the headline.
    if (
      title &&
      title.length === 1 &&
      line.length >= MIN_TITLE &&
      SITE_SUFFIX.test(title[0].slice(line.length)) &&
      title[0].startsWith(line)
    ) {
      title = [line];
      titleEnd = i;
      continue;
    }
    if (
      title &&
      !sawLabel &&
      short &&
      titleEnd === i - 1 &&
      line.length <= MAX_TITLE_PART &&
      title.every((p) => p.length <= MAX_TITLE_PART)
    ) {
      title.push(line);
      titleEnd = i;
      continue;
    }
    // Section names (`政情`, `新聞`) print above or below the headline, before the labelled lines.
    if (!sawLabel && short && line.length <= MAX_SECTION) continue;
    break;
  }
  if (title) result.title ??= title.join('');

  // The text: furniture anywhere goes; a "related news" marker ends it.
  for (; i < raw.length; i++) {
    const line = raw[i];
    // The headline printed again between paragraphs is a photo's caption or alt text, not a new report.
    if (result.title && line.trim() === result.title) continue;
    const match = classifyWebLine(line);
    if (!match) {
      result.lines.push(line);
      continue;
    }
    if (match.cut && result.lines.some((l) => l.trim() !== '')) {
      result.evidence++;
      break;
    }
    take(line, match);
  }
  while (result.lines.length > 0 && result.lines[result.lines.length - 1].trim() === '') result.lines.pop();
  return result;
}

/** Where a report's first sentence may start: a day (`12月22日`), `本报讯`, `近日` and the like. */
const LEAD_START = /\d{1,2}\s*月\s*\d{1,2}\s*日|本[报報网網][讯訊]|近日|日前|昨[天日]|今[天日]/g;
/** Where a labelled part may start in a line: after a space, a label and its colon. */
const TRAILING_LABEL = new RegExp(`\\s(?=(?:${LABEL_ALTERNATION})\\s*[:：])`, 'g');

/**
 * Copied pages lose line breaks around the labelled lines. A labelled line may run into the report's
 * first sentence (`… | 责任编辑:张三12月22日，某县…`), and a headline may carry the labels after it
 * (`某镇举行协商会 发布时间:2020年11月27日`): each is split where a wholly labelled part ends or begins,
 * so the labels are read as furniture and the headline and lead as what they are. In place.
 */
function splitRunOnLabels(raw: string[]): void {
  for (let k = 0; k < raw.length; k++) {
    const line = raw[k].trim();
    if (line.length > 400 || !/[:：]/.test(line) || readLabelledLine(line)) continue;
    if (LABEL_FIRST.test(bare(line))) {
      for (const m of line.matchAll(LEAD_START)) {
        const head = line.slice(0, m.index);
        if (m.index! > 0 && readLabelledLine(head) && SENTENCE_MARKS.test(line.slice(m.index))) {
          raw.splice(k, 1, head, line.slice(m.index));
          break;
        }
      }
      continue;
    }
    for (const m of line.matchAll(TRAILING_LABEL)) {
      const tail = line.slice(m.index! + 1);
      if (/\p{Script=Han}/u.test(line.slice(0, m.index)) && readLabelledLine(tail)) {
        raw.splice(k, 1, line.slice(0, m.index), tail);
        k++;
        break;
      }
    }
  }
}

/** `王 原` is one name printed spaced; `廖洋 刘玉连` two names. A lone character joins the next one. */
export function spacedNames(value: string): string[] {
  const parts = value
    .trim()
    .split(/\s+/)
    .filter((p) => /^\p{Script=Han}{1,4}$/u.test(p));
  if (parts.length === 0 || parts.length !== value.trim().split(/\s+/).length) return [];
  const names: string[] = [];
  for (let k = 0; k < parts.length; k++) {
    if (parts[k].length === 1 && k + 1 < parts.length && parts[k + 1].length <= 2) {
      names.push(parts[k] + parts[k + 1]);
      k++;
    } else names.push(parts[k]);
  }
  return names.filter((n) => n.length >= 2);
}

/** Role words printed with spaces between their characters (`通 讯 员`). */
const SPACED_ROLE = /(通\s讯\s员|通\s訊\s員|记\s者|記\s者|摄\s影|攝\s影)/g;

/**
 * A credit line as `parseByline` reads it, or undefined: `■通 讯 员 王成虎`, `融媒体记者 张三 李四`,
 * `(孙丹/文 余琛/摄)`, `(郎家 摄影报道)`.
 */
export function creditLine(line: string): string | undefined {
  let s = line
    .trim()
    .replace(/^[■□▲◆]\s*/, '')
    .replace(/^[（(]\s*(.*?)\s*[)）]$/, '$1');
  s = s.replace(SPACED_ROLE, (m) => m.replace(/\s/g, ''));
  s = s.replace(/^(?:\p{Script=Han}{0,6}?)(?:融媒体记者|融媒記者|融媒记者|全媒体记者|全媒體記者)/u, '记者 ');
  s = s.replace(/\s*[/／]\s*([文图圖摄攝])(?=\s|$)/g, ' $1').replace(/\s*[摄攝]影[报報][道導]$/, ' 摄');
  // `記者丁偉杰、林宜樟/嘉義報導`: the place filed from goes, the names stay.
  s = s.replace(REPORTING_PLACE, '').replace(/(?<=\p{Script=Han})[、，,](?=\p{Script=Han})/gu, ' ');
  if (s === '' || s.length > 40) return undefined;
  // `记者冯 艳 孙 敏`: names printed with a space between surname and given name.
  s = s.replace(/(记者|記者|通讯员|通訊員|实习生|實習生)(?=\p{Script=Han})/gu, '$1 ');
  const tokens = s.split(/\s+/);
  const joined: string[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const single = /^\p{Script=Han}$/u.test(tokens[k]) && !/^[文图圖摄攝]$/.test(tokens[k]);
    const next = tokens[k + 1];
    if (single && next !== undefined && /^\p{Script=Han}{1,2}$/u.test(next) && !/^[文图圖摄攝]$/.test(next)) {
      joined.push(tokens[k] + next);
      k++;
    } else joined.push(tokens[k]);
  }
  s = joined.join(' ');
  return isBylineLine(s) ? s : undefined;
}

/** Credit names in brackets at the end of a report: `(葛虹虹)`, `(李娜 韩诗琦)`. */
export function bracketedNames(text: string): string[] {
  const m = /^[（(]\s*([\p{Script=Han}\s]{2,20}?)\s*[)）]$/u.exec(text.trim());
  return m ? spacedNames(m[1]) : [];
}

export function isWebText(web: WebText): boolean {
  return web.evidence > 0;
}
