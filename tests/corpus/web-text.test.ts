import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  WEB_FURNITURE,
  WEB_LABELS,
  classifyWebLine,
  creditLine,
  readLabelledLine,
  readWebText,
  spacedNames,
} from '../../src/corpus/web-text.ts';
import { parseTextReport } from '../../src/corpus/front-matter.ts';

// Every page below is made up for these tests, in the shape of text copied from news and government sites.

describe('web furniture rows', () => {
  it('reads every furniture row example as its kind', () => {
    for (const row of WEB_FURNITURE) expect(classifyWebLine(row.example, row.where)?.kind, row.example).toBe(row.kind);
  });

  it('reads every label row example as its field', () => {
    for (const row of WEB_LABELS) expect(readLabelledLine(row.example, row.where)?.[0]?.field, row.example).toBe(row.field);
  });

  it.each([
    '1月12日上午，高新区召开2021年度信访工作会议。',
    '会议强调，要坚持问题导向。',
    '区政协召开二届六十四次主席会议',
    '时间:民國110年4月13日(星期三)上午8時',
    '来源于群众，服务于群众。',
    '一、农业生产基本稳定',
    '记者 孙庆辉',
    '高新区报 2021年1月15日 第2版',
  ])('leaves text alone: %s', (line) => {
    expect(classifyWebLine(line, 'anywhere')).toBeUndefined();
  });
});

describe('labelled lines', () => {
  it('reads several labels on one line, with or without spaces between them', () => {
    expect(readLabelledLine('2022-03-08 10:15 来源:江北日报  编辑:周明  审核:吴芳')).toEqual([
      { field: 'date', label: '', value: '2022-03-08 10:15' },
      { field: 'source', label: '来源', value: '江北日报' },
      { field: 'editor', label: '编辑', value: '周明' },
      { field: 'editor', label: '审核', value: '吴芳' },
    ]);
    expect(readLabelledLine('来源: 区委办浏览量:发表时间:2024-06-02 08:30')?.map((v) => [v.field, v.value])).toEqual([
      ['source', '区委办'],
      ['views', ''],
      ['date', '2024-06-02 08:30'],
    ]);
    expect(readLabelledLine('發佈時間：08:05 2025-01-03 HKT')?.[0]).toMatchObject({ field: 'date', value: '08:05 2025-01-03 HKT' });
    expect(readLabelledLine('( 责任编辑:admin 新闻报料:1234567 )')?.map((v) => v.field)).toEqual(['editor', 'nav']);
  });

  it('refuses a line whose value is not of its label shape', () => {
    expect(readLabelledLine('来源：群众反映的问题，要件件有回音。')).toBeUndefined();
    expect(readLabelledLine('发布时间：明天上午')).toBeUndefined();
    // A bare 时间： counts only above the text.
    expect(readLabelledLine('时间:2021年3月5日')).toBeUndefined();
    expect(readLabelledLine('时间:2021年3月5日', 'head')).toBeDefined();
  });
});

describe('credits', () => {
  it('reads spaced names, bullets, spaced role words and slashed credits', () => {
    expect(spacedNames('王 原')).toEqual(['王原']);
    expect(spacedNames('廖红 刘玉杰')).toEqual(['廖红', '刘玉杰']);
    expect(creditLine('■通 讯 员 王小虎')).toBe('通讯员 王小虎');
    expect(creditLine('融媒体记者 张小燕 杨明')).toBe('记者 张小燕 杨明');
    expect(creditLine('(孙红/文 余亮/摄)')).toBe('孙红 文 余亮 摄');
    expect(creditLine('记者冯 艳 孙 敏')).toBe('记者 冯艳 孙敏');
    expect(creditLine('会议强调，要坚持问题导向。')).toBeUndefined();
  });
});

const newsPage = [
  '首页 > 新闻中心 > 本地要闻',
  '',
  '江北区召开防汛工作部署会',
  '',
  '来源: 区委办浏览量:发表时间:2024-06-02 08:30',
  '【字体：大 中 小】',
  '',
  '本报讯(记者 周明 通讯员 吴芳)5月31日下午，江北区召开防汛工作部署会。区长陈建国主持会议并讲话。',
  '会议要求，各街道要落实防汛责任，做好应急准备。',
  '分享到：',
  '(责任编辑:李华)',
  '',
  '相关新闻',
  '江北区开展安全生产大检查',
  '本报讯 6月1日，江北区开展安全生产大检查。',
  'Copyright © 2024 江北区融媒体中心 All rights reserved.',
].join('\n');

describe('readWebText', () => {
  it('takes headline, date, source and credits from the furniture and keeps only the report', () => {
    const web = readWebText(newsPage, { findTitle: true });
    expect(web.title).toBe('江北区召开防汛工作部署会');
    expect(web.date).toBe('2024-06-02');
    expect(web.source).toBe('区委办');
    expect(web.evidence).toBeGreaterThan(0);
    const text = web.lines.join('\n');
    expect(text).toContain('区长陈建国主持会议并讲话');
    for (const furniture of ['首页', '字体', '分享', '责任编辑', '相关新闻', '安全生产大检查', 'Copyright'])
      expect(text).not.toContain(furniture);
  });

  it('finds no web furniture on an OCR newspaper page', () => {
    const page = readFileSync(new URL('../fixtures/corpus/page-2021-01-12.txt', import.meta.url), 'utf8');
    expect(readWebText(page, { findTitle: true }).evidence).toBe(0);
  });
});

describe('web text through parseTextReport', () => {
  it('makes one article with the printed headline, the lead date and the dateline credits', () => {
    const [a, ...rest] = parseTextReport(newsPage, 'web/jiangbei.txt');
    expect(rest).toHaveLength(0);
    expect(a).toMatchObject({
      headline: '江北区召开防汛工作部署会',
      headlineDerived: false,
      date: '2024-05-31',
      dateInferred: false,
      reporters: ['周明'],
      contributors: ['吴芳'],
      meeting: '防汛工作部署会',
    });
    expect(a.body.startsWith('5月31日下午，江北区召开防汛工作部署会。')).toBe(true);
    expect(a.body).not.toContain('安全生产大检查');
  });

  it('reads a 發布員 label beside the date, and a paper-and-site dateline with its credit (traditional, pinyin glosses dropped)', () => {
    const page = [
      '略陽縣舉行第四季度重點(diǎn)項目集中開工儀式',
      '發布日期:2023-11-02 發布員:縣融媒體中心',
      '漢中日報—漢中網訊(周曉 陳立)11月1日上午，略陽縣舉行第四季度重點項目集中開工儀式，當天共有9個項目集中開工，總投資12.5億元。',
    ].join('\n');
    const [a] = parseTextReport(page, 'web/lueyang.txt');
    expect(a.headline).toBe('略陽縣舉行第四季度重點項目集中開工儀式');
    expect(a.date).toBe('2023-11-01');
    expect(a.body.startsWith('11月1日上午，略陽縣舉行')).toBe(true);
    expect(a.body).not.toContain('發布員');
    expect(a.reporters).toEqual(['周曉', '陳立']);
  });

  it('reads a Taiwan government page: skip links, ::: anchors and share bullets go, 記者…/…報導 credits give names', () => {
    const page = [
      '按Enter到主內容區',
      ':::',
      '  • Facebook',
      '  • 友善列印',
      '',
      '議會今續縣政總質詢',
      '',
      '發布日期:2024-03-02',
      '記者: 陳美玲/議會報導。',
      '點閱率:380',
      '',
      ' 縣議會第五屆第三次定期會從昨日起展開一連四天的縣政總質詢，首日由第一質詢小組上場。',
      '〔記者吳志明、張雅婷/金城報導〕今日將續由第二質詢小組上場質詢。',
      '回頁首',
    ].join('\n');
    const [a] = parseTextReport(page, 'web/kinmen.txt');
    expect(a.headline).toBe('議會今續縣政總質詢');
    expect(a.reporters).toContain('陳美玲');
    expect(a.body.startsWith('縣議會第五屆第三次定期會')).toBe(true);
    for (const furniture of ['Enter', ':::', 'Facebook', '友善列印', '點閱率', '回頁首', '議會報導'])
      expect(a.body).not.toContain(furniture);
    // The bracketed opening credit of Taiwan's papers: its names are the reporters, the place it was filed from goes.
    const [b] = parseTextReport(
      ['縣府新春團拜', '發布時間：2023/01/31 05:30', '〔記者吳志明、張雅婷/金城報導〕縣政府昨天新春開工日恢復實體團拜。'].join('\n'),
      'web/tuanbai.txt',
    );
    expect(b.reporters).toEqual(['吳志明', '張雅婷']);
    expect(b.body).toBe('縣政府昨天新春開工日恢復實體團拜。');
  });

  it('keeps the source as the outlet, reads a headline cut over short lines and 作者 names', () => {
    const text = [
      '市十七届',
      '人大六次会议',
      '主席团召开',
      '第二次会议',
      '版次:02 作者:廖红 刘玉杰2024年1月21日',
      '本报讯(记者 廖红 通讯员 刘玉杰)1月20日，主席团召开第二次会议。',
    ].join('\n');
    const [a] = parseTextReport(text, 'cut.txt');
    expect(a).toMatchObject({
      headline: '市十七届人大六次会议主席团召开第二次会议',
      date: '2024-01-20',
      reporters: ['廖红'],
      contributors: ['刘玉杰'],
    });
    const [b] = parseTextReport(newsPage, 'web/jiangbei.txt');
    expect(b.outlet).toBe('区委办');
  });

  it('reads an e-paper page: page label, credit lines above the dateline, jump line and property line', () => {
    const text = [
      '第A02版:要闻',
      '',
      '市政协召开十届三次常委会议',
      '',
      '■通 讯 员 王小虎',
      '',
      '融媒体记者 张小燕 杨明',
      '',
      '本报讯 昨日下午，市政协十届三次常委会议召开。市政协主席李国强主持会议。',
      '',
      '(下转A3版)',
      '',
      '2023-04-18 1 1 某某日报 content_1001.html 1 3 市政协召开十届三次常委会议 /enpproperty-->',
    ].join('\n');
    const [a] = parseTextReport(text, 'epaper.txt');
    expect(a).toMatchObject({
      headline: '市政协召开十届三次常委会议',
      date: '2023-04-18',
      reporters: ['张小燕', '杨明'],
      contributors: ['王小虎'],
    });
    expect(a.body).toBe('昨日下午，市政协十届三次常委会议召开。市政协主席李国强主持会议。');
  });

  it('splits 本报讯 … 又讯 into two reports, each dated by its lead', () => {
    const text = [
      '县政府常务会议召开',
      '内容更新时间:2024-04-30 07:56:21来源:某某县报',
      '■县融媒体中心记者组',
      '本报讯 4月23日，县长赵明主持召开县政府第8次常务会议。',
      '会议研究了春耕工作。',
      '又讯 4月29日，县长赵明主持召开县政府第9次常务会议。',
      '会议研究了防汛工作。',
    ].join('\n');
    const articles = parseTextReport(text, 'county.txt');
    expect(articles.map((a) => [a.headline, a.date, a.body.slice(0, 6)])).toEqual([
      ['县政府常务会议召开', '2024-04-23', '4月23日，'],
      ['县政府常务会议召开', '2024-04-29', '4月29日，'],
    ]);
  });

  it('reads closing credits: after the last sentence, slashed, or a name in brackets', () => {
    const page = (end: string) =>
      ['您当前的位置:首页 >>要闻动态 >>内容', '6月3日，区人大代表视察重点项目。', `代表们表示，要积极建言献策。${end}`].join('\n');
    expect(parseTextReport(page('(孙红/文 余亮/摄)'), 'a.txt')[0]).toMatchObject({ reporters: ['孙红'], photographers: ['余亮'] });
    expect(parseTextReport(page(' 记者 景丽 通讯员 余涛 |'), 'b.txt')[0]).toMatchObject({ reporters: ['景丽'], contributors: ['余涛'] });
    const c = parseTextReport(page('(葛红)'), 'c.txt')[0];
    expect(c.reporters).toEqual(['葛红']);
    expect(c.body.endsWith('要积极建言献策。')).toBe(true);
  });

  it('keeps a minutes page’s own 時間/地點 lines in the body, under the page headline', () => {
    const text = [
      '跳到主要內容區塊',
      '',
      '某某市政府第88次市務會議紀錄',
      '',
      '  • 上版日期:2022-05-10',
      '時間',
      '',
      '時間:民國111年5月3日(星期二)上午9時',
      '',
      '地點',
      '',
      '本府3樓會議室',
      '',
      '主席',
      '',
      '市長 林志明',
      '',
      '主席裁示事項:',
      '',
      '一、請各局處加強防疫宣導。',
    ].join('\n');
    const [a] = parseTextReport(text, 'minutes.txt');
    expect(a.headline).toBe('某某市政府第88次市務會議紀錄');
    expect(a.date).toBe('2022-05-03');
    expect(a.body).toContain('時間:民國111年5月3日(星期二)上午9時');
    // The label printed above a value is joined to it (form-fields.ts).
    expect(a.body).toContain('地點：本府3樓會議室');
    expect(a.body).not.toContain('跳到主要');
    expect(a.body).not.toContain('上版日期');
  });

  it('splits a news list page into its items, each under its own headline', () => {
    const text = [
      '跳過導航',
      '',
      '某某特別行政區政府入口網站',
      '',
      '新聞',
      '',
      '顯示模式: 網格 列表',
      '',
      '郵政服務延誤',
      '',
      '鑑於當地罷工，郵件派遞服務將會延誤。 特此公告。',
      '',
      '',
      '圖書館延長開放',
      '',
      '中央圖書館由下月起延長開放時間，方便市民。',
      '',
      '',
      '青年委員會舉行座談會',
      '',
      '青年委員會於本年12月6日舉行座談會，會議由副主席主持。',
    ].join('\n');
    expect(parseTextReport(text, 'list.txt').map((a) => a.headline)).toEqual(['郵政服務延誤', '圖書館延長開放', '青年委員會舉行座談會']);
    // An article page with crossheads is one article.
    expect(parseTextReport(text.replace('顯示模式: 網格 列表', '發佈時間：19:37 2025-01-03 HKT'), 'article.txt')).toHaveLength(1);
  });

  it('tells web text by a publication timestamp alone, and keeps it out of headline and body', () => {
    const [a] = parseTextReport(
      ['某某镇召开安全生产会议', '2012年01月05日14:47', '1月4日，某某镇召开安全生产会议。'].join('\n'),
      'stamp.txt',
    );
    expect(a).toMatchObject({ headline: '某某镇召开安全生产会议', date: '2012-01-04', body: '1月4日，某某镇召开安全生产会议。' });
  });

  it('reads a labelled line with the font-size switch between its fields, and a headline with commas above labels', () => {
    const county = [
      '当前位置:首页 > 政府会议 > 常务会议',
      '',
      '【要闻】某县政府召开常务会议',
      '',
      ' 时间:2023-05-12 18:20       大    中    小      来源: 某县新闻网',
      '',
      '   5月10日，县长王某某主持召开县政府常务会议。',
    ].join('\n');
    const [a] = parseTextReport(county, 'county.txt');
    expect(a).toMatchObject({ headline: '【要闻】某县政府召开常务会议', date: '2023-05-10', outlet: '某县新闻网' });
    expect(a.body).toBe('5月10日，县长王某某主持召开县政府常务会议。');

    const projects = [
      '您的位置: 首页> 投资> 成果展示>正文详情',
      '',
      '某县集中开工9个重点项目，总投资30亿元',
      '',
      '时间:2022-10-08 09:12作者:佚名源自:县发改局',
      '',
      '10月8日上午，某县举行重点项目集中开工仪式。',
    ].join('\n');
    const [b] = parseTextReport(projects, 'projects.txt');
    expect(b).toMatchObject({ headline: '某县集中开工9个重点项目，总投资30亿元', date: '2022-10-08', reporters: [] });
    expect(b.body).toBe('10月8日上午，某县举行重点项目集中开工仪式。');
  });

  it('keeps a 字型大小 line out of the body, and a headline repeated between paragraphs (a caption) in one report', () => {
    const taiwan = [
      '某鄉代表會參訪某鎮',
      '',
      '發布日期:',
      '記者: 王小明/綜合報導。',
      '點閱率:120',
      '字型大小:',
      '某鄉代表會一行十人昨日參訪某鎮。',
    ];
    const [a] = parseTextReport(taiwan.join('\n'), 'tw.txt');
    expect(a).toMatchObject({ headline: '某鄉代表會參訪某鎮', reporters: ['王小明'], body: '某鄉代表會一行十人昨日參訪某鎮。' });

    const captions = [
      '某縣舉行重點項目開工儀式',
      '',
      '5月6日，某縣舉行重點項目開工儀式。',
      '',
      '某縣舉行重點項目開工儀式',
      '',
      '縣長李某某主持儀式。',
      '',
      '分享到:',
    ].join('\n');
    const articles = parseTextReport(captions, 'captions.txt');
    expect(articles).toHaveLength(1);
    expect(articles[0].body).toContain('縣長李某某主持儀式');
    expect(articles[0].body).not.toContain('某縣舉行重點項目開工儀式\n');
  });

  it('reads a date stamp before the page text and a section name under the headline', () => {
    const text = [
      ' date 2025-01-03 Copyright © 2025 Example News Ltd. All rights reserved.',
      '',
      '官員新春探訪長者 送上福袋',
      '',
      '政情',
      '發佈時間：19:37 2025-01-03 HKT',
      '',
      '民政事務專員今日（3日）探訪區內長者，送上福袋。',
    ].join('\n');
    const [a] = parseTextReport(text, 'hk.txt');
    expect(a).toMatchObject({ headline: '官員新春探訪長者 送上福袋', date: '2025-01-03' });
    expect(a.body).toBe('民政事務專員今日（3日）探訪區內長者，送上福袋。');
  });

  it('cleans a Markdown body too: photo file names and share lines go, the front matter title stays', () => {
    const text = [
      '---',
      'title: 区民政处派发防疫物资',
      'date: 2022-05-12',
      '---',
      '区民政处今日向居民派发防疫物资。',
      '',
      'DSC_0512_HAD(1) DSC_0512_HAD(2)',
      '',
      '文章不错,点个赞再走呗!',
    ].join('\n');
    const [a] = parseTextReport(text, 'had.md', { markdown: true });
    expect(a).toMatchObject({ headline: '区民政处派发防疫物资', date: '2022-05-12' });
    expect(a.body).toBe('区民政处今日向居民派发防疫物资。');
  });

  it('splits labels run into the lead or onto the headline line, and reads bar-separated labels', () => {
    const [a] = parseTextReport(
      [
        '某县举行招商引资项目集中签约仪式',
        '发布时间:2023-12-27 14:27:11 | 来源:某某网 | 作者:某县委宣传部 | 责任编辑:王芳12月22日，某县招商引资项目集中签约仪式在县会议中心举行。县委副书记李健主持仪式。',
      ].join('\n'),
      'runon.txt',
    );
    expect(a).toMatchObject({ headline: '某县举行招商引资项目集中签约仪式', date: '2023-12-22' });
    expect(a.body.startsWith('12月22日，某县招商引资项目集中签约仪式在县会议中心举行。')).toBe(true);
    expect(a.body).not.toContain('责任编辑');

    const [b] = parseTextReport(
      ['某镇乡村振兴专题协商会如期举行 发布时间:2020年11月27日', '11月27日，某镇乡村振兴专题协商会在镇201会议室召开。'].join('\n'),
      'headline-label.txt',
    );
    expect(b).toMatchObject({ headline: '某镇乡村振兴专题协商会如期举行', date: '2020-11-27' });
    expect(b.body).toBe('11月27日，某镇乡村振兴专题协商会在镇201会议室召开。');
  });

  it('drops a breadcrumb behind its icon file name, a site name line and a 發布單位 label above the headline', () => {
    const [a] = parseTextReport(
      [
        'ico-crumb.png 首页 > 资料中心 > 常委会会刊',
        '',
        '区人大常委会举行第十一次会议',
        '',
        '日期: 2004-03-30',
        '',
        '3月23日，区人大常委会举行第十一次会议。',
      ].join('\n'),
      'crumb.txt',
    );
    expect(a.headline).toBe('区人大常委会举行第十一次会议');
    expect(a.body).not.toContain('首页');

    const [b] = parseTextReport(
      [
        '跳到主要內容區塊',
        '',
        '某某市議會全球網-中文網',
        '',
        '第一次定期大會預備會議新聞稿',
        '  • 發布單位:公共關係室',
        '',
        '某某市議會第一次定期大會二十一日召開預備會議，排定大會議程。',
      ].join('\n'),
      'council.txt',
    );
    expect(b.headline).toBe('第一次定期大會預備會議新聞稿');
    expect(b.body).toBe('某某市議會第一次定期大會二十一日召開預備會議，排定大會議程。');
  });

  it('takes the headline below a <title> line that adds the site name, and a stamp after the source as the date', () => {
    const [a] = parseTextReport(
      [
        '某街道召开文明创建工作推进会 —— 某某云| 社区融',
        '',
        '某街道召开文明创建工作推进会',
        '来源: 张三 李四 2021-09-15 09:10:51 责编: 王五',
        '',
        '9月10日上午，某街道召开文明创建工作推进会，街道党工委书记高峰出席会议并讲话。',
      ].join('\n'),
      'title.txt',
    );
    expect(a).toMatchObject({ headline: '某街道召开文明创建工作推进会', date: '2021-09-10' });
    expect(a.body).toBe('9月10日上午，某街道召开文明创建工作推进会，街道党工委书记高峰出席会议并讲话。');
  });

  it('splits a news list copied without any furniture into its items, each under its headline', () => {
    const text = [
      '政情',
      '',
      '某区举行防汛演练',
      '',
      '某区昨日在河堤举行防汛演练，三百人参加。',
      '',
      '某镇召开安全生产会议',
      '',
      '某镇召开安全生产会议，部署节前检查。',
      '',
      '王某任某局局长',
      '',
      '政府宣布，王某5月14日出任某局局长，接替退休的李某。',
    ].join('\n');
    const articles = parseTextReport(text, 'list.txt');
    expect(articles.map((a) => a.headline)).toEqual(['某区举行防汛演练', '某镇召开安全生产会议', '王某任某局局长']);
    expect(articles[2].body).toBe('政府宣布，王某5月14日出任某局局长，接替退休的李某。');
  });

  it('reads labelled lines with print and font buttons between the fields (作者/发布时间 … 打印 字号, 发布于 … 文字:【大】【中】【小】)', () => {
    const court = [
      '当前位置: 首页 > 新闻中心 > 法院动态',
      '',
      '某区法院举办开放日',
      '',
      '分享到:',
      '作者:张某某  发布时间:2019-05-21 16:02:11 打印 字号: | |',
      '',
      '5月20日，某区人民法院开展“公众开放日”活动。',
    ].join('\n');
    const [a] = parseTextReport(court, 'court.txt');
    expect(a).toMatchObject({ headline: '某区法院举办开放日', date: '2019-05-20', reporters: ['张某某'] });
    expect(a.body).toBe('5月20日，某区人民法院开展“公众开放日”活动。');

    const town = [
      '某镇第二届人民代表大会第四次会议召开',
      '',
      '来源:某镇   作者:李某 访问量:    发布日期:2018-12-28   字体大小:',
      '',
      '12月27日下午，某镇第二届人民代表大会第四次会议开幕。',
    ].join('\n');
    const [b] = parseTextReport(town, 'town.txt');
    // The year of the meeting's day comes from the page's own date, not a guess.
    expect(b).toMatchObject({ date: '2018-12-27', outlet: '某镇', reporters: ['李某'] });
    expect(b.body).toBe('12月27日下午，某镇第二届人民代表大会第四次会议开幕。');

    const hospital = ['某院开展义诊活动', '', '发布于:2016-10-09 02:38   文字:【大】【中】【小】', '9月18日，某院开展义诊。'].join('\n');
    const [c] = parseTextReport(hospital, 'hospital.txt');
    expect(c.headline).toBe('某院开展义诊活动');
    expect(c.body).toBe('9月18日，某院开展义诊。');
  });

  it('drops a site header above a breadcrumb, an e-paper masthead, a section stamp and a Taiwan page’s ROC-dated label', () => {
    const site = [
      '某某镇 某某新闻网',
      '0571-12345678',
      '我要投稿',
      '某某市新闻传媒中心 主办',
      '您当前的位置: 某某新闻网 > 乡镇风采 > 某某镇',
      '',
      '某某镇第五届人民代表大会第一次会议召开',
      '2021-12-26 09:54',
      '',
      '12月24日，某某镇第五届人民代表大会第一次会议隆重召开。',
    ].join('\n');
    const [a] = parseTextReport(site, 'site.txt');
    expect(a).toMatchObject({ headline: '某某镇第五届人民代表大会第一次会议召开', date: '2021-12-24' });
    expect(a.body).toBe('12月24日，某某镇第五届人民代表大会第一次会议隆重召开。');

    const epaper = [
      '某某日报数字报',
      '',
      '2019年03月11星期一',
      '国内统一刊号:CN41-0099',
      '放大 缩小 默认',
      '',
      '某水库加固工程通过竣工验收',
      '',
      '发布时间:2019-03-11 09:00:29',
      '',
      '本报讯 3月9日，某水库加固工程竣工验收会议召开。',
      '',
      '放大 缩小 默认',
    ].join('\n');
    const e = parseTextReport(epaper, 'epaper.txt');
    expect(e).toHaveLength(1);
    expect(e[0]).toMatchObject({ headline: '某水库加固工程通过竣工验收', date: '2019-03-09' });

    const hk = [
      '« 返回前頁列印',
      '',
      '本地新聞 | 2020-03-04 09:15',
      '',
      '某區議會選出正副主席',
      '',
      '放大圖片',
      '',
      '某區議會昨日召開首次會議。',
    ].join('\n');
    const [h] = parseTextReport(hk, 'hk.txt');
    expect(h).toMatchObject({ headline: '某區議會選出正副主席', date: '2020-03-04', body: '某區議會昨日召開首次會議。' });

    const taiwan = [
      '跳到主要內容區塊',
      ':::',
      '形象圖',
      '議會質詢登場',
      '- 資料來源:某某日報',
      '- 新聞日期:98-06-11',
      '縣議會定期會昨日繼續質詢。',
    ].join('\n');
    const [t] = parseTextReport(taiwan, 'taiwan.txt');
    expect(t).toMatchObject({ headline: '議會質詢登場', outlet: '某某日報' });
    expect(t.date?.startsWith('2009-06-1')).toBe(true);
  });
});
