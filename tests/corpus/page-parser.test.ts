import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractPeople } from '../../src/corpus/people.ts';
import { readLead } from '../../src/corpus/lead.ts';
import { parsePage } from '../../src/corpus/page-parser.ts';
import type { Article } from '../../src/corpus/types.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/corpus/${name}`, import.meta.url), 'utf8');
const page = fixture('page-2021-01-12.txt');
const person = (a: Article, name: string) => a.people.find((p) => p.name === name);

describe('parsePage on the shipped page', () => {
  const articles = parsePage(page, 'reports/000_6fe4e08eb425cb22.txt');
  const [safety, epidemic, petitions] = articles;

  it('finds exactly three articles with ids from the file name', () => {
    expect(articles.map((a) => a.id)).toEqual(['000_6fe4e08eb425cb22-1', '000_6fe4e08eb425cb22-2', '000_6fe4e08eb425cb22-3']);
    expect(articles.every((a) => a.source === 'reports/000_6fe4e08eb425cb22.txt')).toBe(true);
  });

  it('matches the printed headlines to their articles by content, not position', () => {
    expect(safety.headline).toBe('高新区召开2021年度安委会第一次全体（扩大）会议');
    expect(safety.subtitle).toBe('强化企业主体责任 健全双重预防体系');
    expect(safety.headlineDerived).toBe(false);
    expect(petitions.headline).toBe('高新区召开2021年度信访工作会议');
    expect(petitions.subtitle).toBe('通过信访能力提升带动问题化解 / 从严从实持续推进信访工作');
    expect(petitions.headlineDerived).toBe(false);
  });

  it('derives the headline of the article printed without one', () => {
    expect(epidemic.headline).toBe('高新区召开冬春季新冠肺炎疫情防控工作动员会');
    expect(epidemic.subtitle).toBe('');
    expect(epidemic.headlineDerived).toBe(true);
  });

  it('infers the year of the printed month and day', () => {
    for (const a of articles) {
      expect(a.date).toBe('2021-01-12');
      expect(a.dateInferred).toBe(true);
    }
    const withMeta = parsePage(page, 'x.txt', { date: '2021-01-13' });
    expect(withMeta[0].date).toBe('2021-01-12');
    expect(withMeta[0].dateInferred).toBe(false);
    expect(withMeta[0].id).toBe('x-1');
    expect(parsePage(page, 'x.txt', { idPrefix: 'p7' })[2].id).toBe('p7-3');
  });

  it('reads the meeting names from the lead sentences', () => {
    expect(safety.meeting).toBe('安全生产以案促改暨2021年度安委会第一次全体（扩大）会议');
    expect(epidemic.meeting).toBe('冬春季新冠肺炎疫情防控工作动员会');
    expect(petitions.meeting).toBe('2021年度信访工作会议暨稳定突出问题攻坚化解活动部署推进会');
  });

  it('reads the bylines', () => {
    for (const a of articles) {
      expect(a.reporters).toEqual(['孙庆辉']);
      expect(a.contributors).toEqual(['方宝岭']);
      expect(person(a, '孙庆辉')?.roles).toEqual(['reported']);
    }
    expect(epidemic.photographers).toEqual(['方宝岭']);
    expect(safety.photographers).toEqual([]);
  });

  it('names people with their titles and roles', () => {
    expect(person(safety, '王新亭')).toEqual({ name: '王新亭', title: '高新区党工委书记', roles: ['chaired', 'spoke'] });
    expect(person(safety, '张红军')).toMatchObject({ title: '党工委副书记、管委会主任', roles: ['attended'] });
    expect(person(safety, '姚五洲')).toMatchObject({ title: '党工委委员、管委会副主任', roles: ['attended'] });
    expect(person(safety, '孙君甫')).toMatchObject({ title: '生态建设工作领导小组副组长兼办公室主任', roles: ['attended'] });
    expect(person(epidemic, '张静伟')?.roles).toEqual(['relayed']);
    expect(person(epidemic, '张红军')?.roles).toContain('spoke');
    expect(person(petitions, '张红军')?.roles).toContain('chaired');
    expect(person(petitions, '王新亭')?.roles).toEqual(expect.arrayContaining(['attended', 'spoke']));
    expect(person(petitions, '王新亭')?.roles).not.toContain('chaired');
  });

  it('ends a name where a verb begins and reads briefing and leading as roles', () => {
    const people = extractPeople(
      '党工委副书记、纪工委书记马文彬作交流发言。管委会副主任姚五洲通报全区汛前隐患排查整治情况。区长李明带队检查。',
    );
    expect(people.map((p) => p.name)).toEqual(['马文彬', '姚五洲', '李明']);
    expect(people.find((p) => p.name === '马文彬')?.roles).toEqual(['spoke']);
    expect(people.find((p) => p.name === '姚五洲')?.roles).toEqual(['spoke']);
    expect(people.find((p) => p.name === '李明')?.roles).toEqual(['attended']);
  });

  it('reads a study session as the meeting of its lead', () => {
    expect(readLead('6月2日，高新区党工委理论学习中心组举行2021年第五次集体学习。').meeting).toBe('2021年第五次集体学习');
  });

  it('reads a meeting named before its verb, its time and place left out', () => {
    expect(readLead('1月21日上午，市十七届人大四次会议主席团常务主席会议在市行政办公中心召开。').meeting).toBe(
      '市十七届人大四次会议主席团常务主席会议',
    );
    expect(readLead('3月5日，县政府第12次常务会议于县政府三楼会议室召开。').meeting).toBe('县政府第12次常务会议');
    expect(readLead('9月13日，全市安全生产工作会议隆重召开。').meeting).toBe('全市安全生产工作会议');
    // A bare 会议 names no meeting.
    expect(readLead('会议在县委大楼召开。')).toEqual({});
  });

  it('repairs sentences broken by columns and OCR spaces', () => {
    expect(safety.body.startsWith('1月12日上午，高新区召开')).toBe(true);
    expect(epidemic.body).toContain('第27次视频调度会');
    expect(epidemic.body).toContain('动员会，传达郑州市');
    expect(safety.body).toContain('坚持以“六落实六关键”为指导');
    // Spans a blank line in the OCR.
    expect(safety.body).toContain('二要监管到位抓落实，关键是形成合力');
    expect(epidemic.body).toContain('重点人群的疫情防控工作；倡导大家就地过年');
    expect(petitions.body).toContain('作为反映社情民意的“晴雨表”');
    expect(articles.map((a) => a.body).join('')).not.toMatch(/\d \p{Script=Han}|\p{Script=Han} \d/u);
  });

  it('keeps paragraph breaks only where paragraphs end', () => {
    for (const a of articles) {
      for (const para of a.body.split('\n')) expect(para).toMatch(/[。！？；]$/);
    }
    expect(safety.body.split('\n')).toHaveLength(7);
  });

  it('removes the dateline, byline and headline block from the bodies', () => {
    for (const a of articles) {
      expect(a.body).not.toContain('本报讯');
      expect(a.body).not.toContain('记者');
      expect(a.body).not.toContain('方宝岭');
    }
    expect(petitions.body.endsWith('主要负责人在分会场参会。')).toBe(true);
    expect(petitions.body).not.toContain('从严从实持续推进信访工作\n');
  });
});

describe('parsePage generalises', () => {
  const [meeting, visit] = parsePage(fixture('synthetic-page.txt'), 'synthetic-page.txt');

  it('handles another meeting, other officials and a compound surname', () => {
    expect(meeting.meeting).toBe('2022年度城市更新项目推进会');
    expect(meeting.headline).toBe('市住建局举行2022年度城市更新项目推进会');
    expect(meeting.headlineDerived).toBe(true);
    expect(meeting.date).toBe('2022-03-05');
    expect(person(meeting, '刘建国')).toEqual({ name: '刘建国', title: '市住建局党组书记、局长', roles: ['chaired', 'spoke'] });
    expect(person(meeting, '欧阳慧敏')).toMatchObject({ title: '副局长', roles: ['attended'] });
    expect(person(meeting, '赵伟')).toMatchObject({ title: '市长', roles: ['spoke'] });
  });

  it('reads a credit in the dateline and a photo-only credit', () => {
    expect(meeting.reporters).toEqual(['李明']);
    expect(meeting.photographers).toEqual(['王芳']);
    expect(meeting.body).not.toContain('王芳');
    expect(meeting.body).toContain('加快推进项目建设。到2025年');
  });

  it('handles an article without a meeting', () => {
    expect(visit.meeting).toBeUndefined();
    expect(visit.headline).toBe('市委书记周涛到高新区调研企业复工复产情况');
    expect(visit.date).toBe('2022-03-06');
    expect(person(visit, '周涛')).toMatchObject({ title: '市委书记', roles: ['spoke'] });
    expect(visit.reporters).toEqual(['张华']);
  });

  it('treats a page without 本报讯 as one article under its printed headline', () => {
    const [only, ...rest] = parsePage(fixture('no-dateline.txt'), 'dir/no-dateline.txt');
    expect(rest).toHaveLength(0);
    expect(only.id).toBe('no-dateline-1');
    expect(only.headline).toBe('区政协召开十届五次常委会议');
    expect(only.headlineDerived).toBe(false);
    expect(only.body.startsWith('4月8日，区政协召开')).toBe(true);
    // No year anywhere and no meta: no date rather than a guess.
    expect(only.date).toBeUndefined();
    expect(parsePage(fixture('no-dateline.txt'), 'a.txt', { date: '2023-05-01' })[0].date).toBe('2023-04-08');
    expect(person(only, '林涛')).toMatchObject({ title: '区政协主席', roles: ['chaired'] });
  });

  it('reads a traditional-character page', () => {
    const text =
      '本報訊（記者 陳大文）3月 5日下午，市政府召開 2022年度\n防汛工作會議，部署防汛工作。\n\n市委書記、市長黃志明主持會議並講話，副市長林美玲出席會議。\n記者 陳大文 攝影 李小龍';
    const [a] = parsePage(text, 'tw.txt');
    expect(a).toMatchObject({ meeting: '2022年度防汛工作會議', headline: '市政府召開2022年度防汛工作會議', date: '2022-03-05' });
    expect(a.reporters).toEqual(['陳大文']);
    expect(a.photographers).toEqual(['李小龍']);
    expect(person(a, '黃志明')).toMatchObject({ title: '市委書記、市長', roles: ['chaired', 'spoke'] });
    expect(person(a, '林美玲')).toMatchObject({ title: '副市長', roles: ['attended'] });
  });

  it('gives no articles for an empty page', () => {
    expect(parsePage('\n \n', 'empty.txt')).toEqual([]);
  });
});

describe('parsePage page furniture and headline variants', () => {
  it('keeps a subtitle that echoes the lead with its headline, ignores desk credits', () => {
    const text = [
      '本报讯 5月 20日，区应急局召开防汛',
      '工作推进会，部署汛期各项工作。',
      '',
      '区应急局局长韩冬主持会议。',
      '记者 李明',
      '',
      '本报讯 5月 20日，区教育局举行',
      '青年教师教学技能大赛，全区',
      '',
      '60名教师参赛。',
      '记者 王芳',
      '',
      '区教育局举行青年教师教学技能大赛',
      '',
      '区应急局召开防汛工作推进会',
      '部署汛期各项工作',
      '',
      '责任编辑 张三',
    ].join('\n');
    const [flood, contest] = parsePage(text, 'p.txt');
    expect(flood.headline).toBe('区应急局召开防汛工作推进会');
    expect(flood.subtitle).toBe('部署汛期各项工作');
    expect(contest.headline).toBe('区教育局举行青年教师教学技能大赛');
    expect(contest.subtitle).toBe('');
    expect(contest.body).toBe('5月20日，区教育局举行青年教师教学技能大赛，全区60名教师参赛。');
    expect(flood.people.map((p) => p.name)).not.toContain('张三');
    expect(contest.people.map((p) => p.name)).not.toContain('张三');
  });
});

describe('a closing credit in brackets on a page without a dateline', () => {
  // Made up, in the shape of a county discipline commission's short report.
  const text = [
    '某县：层层加压 严查“四风”',
    '针对农村基层党员干部“四风”问题，某县纪委采取有力措施，严肃查处问题线索。今年以来，共收到问题线索10起，已查实5起。',
    '（王某某）',
  ].join('\n');
  it('reads the bracketed name as the writer and keeps the text as printed', () => {
    const [a] = parsePage(text, 'county.txt');
    expect(a.reporters).toEqual(['王某某']);
    expect(a.people.some((p) => p.name === '王某某' && p.roles.includes('reported'))).toBe(true);
    expect(a.body).toContain('已查实5起');
  });
  it('takes no sentence in brackets for a credit', () => {
    const [a] = parsePage(text.replace('（王某某）', '（下转第二版）'), 'county.txt');
    expect(a.reporters).toEqual([]);
  });
});
