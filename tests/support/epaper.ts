/**
 * Test fixtures of the formats newsrooms keep: an e-paper page PDF (a masthead and three articles in
 * three columns, drawn in an order other than the reading order) made with pdfkit and a CJK font
 * from Debian's `fonts-wqy-zenhei`, and a saved government news web page. Written for the tests.
 */
import PDFDocument from 'pdfkit';

/** Debian's `fonts-wqy-zenhei` (installed by `.ci/run`). */
export const CJK_FONT = '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc';

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
      doc.fontSize(10).text(articles[i].paragraphs.join('\n'), x, 175, { width: colWidth, lineGap: 3, paragraphGap: 4 });
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

/** A saved article page in the shape of a Chinese district government site. */
export const GOV_PAGE = {
  headline: '高新区举办重点项目集中签约仪式',
  date: '2021-03-08',
  question: '高新区重点项目集中签约仪式签约了多少个项目？',
  answer: '十八个',
  sidebar: ['东湖街道开展消防演练', '区医院新门诊楼投入使用', '城南片区旧改项目启动'],
  footer: '蜀ICP备12345678号',
  html: `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<title>高新区举办重点项目集中签约仪式_某某市高新区管委会</title>
<meta name="ArticleTitle" content="高新区举办重点项目集中签约仪式">
<meta name="PubDate" content="2021-03-08 16:42">
<meta name="ContentSource" content="高新区报">
<meta name="keywords" content="签约,项目">
</head><body>
<div class="top-bar"><a href="/">首页</a> | <a href="/wza">无障碍</a> | <a href="/login">登录</a></div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li><li><a href="/zwfw">政务服务</a></li><li><a href="/hdjl">互动交流</a></li></ul></div>
<div class="breadcrumb">您当前的位置：<a href="/">首页</a> &gt; <a href="/xwzx">新闻中心</a> &gt; 高新动态</div>
<div class="main">
  <div class="content-box">
    <h1 class="article-title">高新区举办重点项目集中签约仪式</h1>
    <div class="info">发布时间：2021-03-08 16:42 来源：高新区报 作者：刘芳 浏览次数：1024 字号：<a>大</a> <a>中</a> <a>小</a></div>
    <div class="article-content" id="zoom">
      <p>本报讯 3月8日，高新区举办重点项目集中签约仪式，共签约项目十八个，总投资二百六十亿元，涵盖集成电路、生物医药和新能源等产业。</p>
      <p>高新区党工委书记周明华出席仪式并致辞。他说，高新区将持续优化营商环境，为企业提供全生命周期服务，推动签约项目早落地、早投产、早见效。</p>
      <p>签约仪式上，十八个项目的企业代表分别与相关部门签订投资协议。高新区管委会副主任孙立新介绍了今年招商引资工作安排，全年计划引进重大项目五十个以上。</p>
      <p>责任编辑：张婷</p>
    </div>
    <div class="share">分享到：<a>微信</a> <a>微博</a> <a>QQ空间</a></div>
    <div class="prev-next"><p>上一篇：<a href="/a1">东湖街道开展消防演练</a></p><p>下一篇：<a href="/a2">区医院新门诊楼投入使用</a></p></div>
  </div>
  <div class="sidebar">
    <h3>热点新闻</h3>
    <ul>
      <li><a href="/a1">东湖街道开展消防演练</a><span>2021-03-07</span></li>
      <li><a href="/a2">区医院新门诊楼投入使用</a><span>2021-03-06</span></li>
      <li><a href="/a3">城南片区旧改项目启动</a><span>2021-03-05</span></li>
    </ul>
  </div>
</div>
<div class="footer">
  <p>主办单位：某某市高新区管委会 承办单位：高新区融媒体中心</p>
  <p>版权所有：某某市高新区管委会 蜀ICP备12345678号 网站标识码：5101000001</p>
  <p>联系电话：028-12345678 地址：某某市高新区天府大道100号</p>
</div>
</body></html>`,
};
