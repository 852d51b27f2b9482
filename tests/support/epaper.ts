/**
 * Test fixtures of the formats newsrooms keep: an e-paper page PDF (a masthead and three articles in
 * three columns, drawn in an order other than the reading order) made with pdfkit and a CJK font
 * from Debian's `fonts-wqy-zenhei`, and a saved government news web page. Written for the tests.
 */
import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';

/** Debian's `fonts-wqy-zenhei` (installed by `.ci/run`). */
export const CJK_FONT = '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc';
export const hasCjkFont = existsSync(CJK_FONT);

export interface FixtureArticle {
  headline: string;
  paragraphs: string[];
  question: string;
  answer: string;
}

export const EPAPER_ARTICLES: FixtureArticle[] = [
  {
    headline: '高新区召开安全生产工作会议',
    paragraphs: [
      '本报讯（记者 王小明）3月4日上午，高新区召开安全生产工作会议。区管委会主任李建国主持会议并讲话。',
      '会议通报了去年全区安全生产情况，部署今年重点工作。会议要求，各部门要压实安全生产责任，全年排查整改隐患一千二百处，确保不发生较大事故。',
    ],
    question: '谁主持了高新区安全生产工作会议？',
    answer: '李建国',
  },
  {
    headline: '滨江街道社区图书馆开放',
    paragraphs: [
      '本报讯（记者 陈丽）3月3日，滨江街道社区图书馆正式向居民开放。图书馆面积八百平方米，藏书三万册，设有少儿阅览区和自习室。',
      '街道负责人介绍，图书馆每天开放到晚上九点，居民凭身份证即可免费借阅。',
    ],
    question: '滨江街道社区图书馆藏书多少册？',
    answer: '三万册',
  },
  {
    headline: '凤凰山春季植树活动举行',
    paragraphs: [
      '本报讯（记者 赵刚）3月2日，区团委组织青年志愿者在凤凰山开展春季植树活动，共栽种银杏树苗五百株。',
      '志愿者们挥锹铲土、扶苗培土，为家乡增添新绿。区团委表示，将持续组织志愿者养护树苗。',
    ],
    question: '凤凰山植树活动栽种了多少株银杏树苗？',
    answer: '五百株',
  },
];

export const EPAPER_MASTHEAD = { name: '高新区报', line: '2021年3月5日 星期五 第2版·要闻' };

/**
 * A one-page e-paper PDF: masthead across the top, one article a column. The columns are drawn right
 * to left and every headline after all the body text, so the content stream's order is not the reading order.
 */
export function epaperPdf(articles: FixtureArticle[] = EPAPER_ARTICLES, pages = 1): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 40, autoFirstPage: false });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.registerFont('cjk', CJK_FONT, 'WenQuanYiZenHei');
  const colWidth = 160;
  const gutter = 17.5;
  for (let p = 0; p < pages; p++) {
    doc.addPage();
    doc.font('cjk');
    const order = [...articles.keys()].reverse();
    for (const i of order) {
      const x = 40 + i * (colWidth + gutter);
      doc.fontSize(10).text(articles[i].paragraphs.join('\n'), x, 150, { width: colWidth, lineGap: 3, paragraphGap: 4 });
    }
    for (const i of order) {
      const x = 40 + i * (colWidth + gutter);
      doc.fontSize(16).text(articles[i].headline, x, 112, { width: colWidth, lineGap: 2 });
    }
    doc.fontSize(10).text(EPAPER_MASTHEAD.line.replace('第2版', `第${p + 2}版`), 40, 80, { width: 515, align: 'center' });
    doc.fontSize(32).text(EPAPER_MASTHEAD.name, 40, 36, { width: 515, align: 'center' });
    doc.moveTo(40, 98).lineTo(555, 98).stroke();
  }
  doc.end();
  return done;
}
