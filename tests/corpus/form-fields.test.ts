import { describe, expect, it } from 'vitest';
import { FORM_FIELDS, separateFormFields } from '../../src/corpus/form-fields.ts';
import { parseTextReport } from '../../src/corpus/front-matter.ts';
import { joinLines } from '../../src/corpus/page-parser.ts';
import { minutesMeeting } from '../../src/corpus/lead.ts';
import { extractPeople } from '../../src/corpus/people.ts';

describe('FORM_FIELDS', () => {
  it('reads every row example as a field of its row', () => {
    for (const row of FORM_FIELDS) {
      const out = separateFormFields([row.example, FORM_FIELDS.find((r) => r !== row)!.example]);
      expect(out.lines[0]).toBe(row.example);
      expect(out.standalone.has(0)).toBe(true);
    }
  });
});

describe('separateFormFields', () => {
  it('joins a label printed on its own line to the value below it, one field a line', () => {
    const lines = [
      '时间',
      '',
      '时间:2024年3月5日上午9时',
      '',
      '地点',
      '',
      '县政府三楼会议室',
      '',
      '主持人',
      '县长 张明',
      '',
      '会议议定事项：',
      '一、研究防汛工作。',
    ];
    const out = separateFormFields(lines);
    expect(out.lines.filter((l) => l !== '')).toEqual([
      '时间:2024年3月5日上午9时',
      '地点：县政府三楼会议室',
      '主持人：县长 张明',
      '会议议定事项：',
      '一、研究防汛工作。',
    ]);
    expect([...out.standalone].map((i) => out.lines[i])).toEqual([
      '时间:2024年3月5日上午9时',
      '地点：县政府三楼会议室',
      '主持人：县长 张明',
    ]);
  });

  it('leaves a body with one label-like line alone (a crosshead is not a minutes header)', () => {
    const lines = ['主席', '会议由县委书记王明主持。', '时间紧、任务重，各部门要抓好落实。'];
    expect(separateFormFields(lines)).toEqual({ lines, standalone: new Set() });
  });

  it('reads letter-spaced labels before a colon (主 席：, Taiwan minutes) as fields, and a report headline stays apart', () => {
    const lines = ['某縣議會第一次定期會第二次會議紀錄', '時 間：上午九時', '主 席：王議長明德', '記 錄：林小美', '一、宣讀上次會議紀錄。'];
    const out = separateFormFields(lines);
    expect(out.lines).toEqual(['某縣議會第一次定期會第二次會議紀錄', '時間：上午九時', '主席：王議長明德', '記錄：林小美', '一、宣讀上次會議紀錄。']);
    expect(extractPeople(out.lines.join('\n')).find((p) => p.name === '王明德')).toEqual({ name: '王明德', title: '議長', roles: ['chaired'] });
    // Spaced words without a colon are not labels (主 席 台 is a crosshead's spacing).
    expect(separateFormFields(['主 席 台', '会议由王明主持。']).standalone.size).toBe(0);
  });

  it('does not take a paragraph as the value of a lone label', () => {
    const long = '会议指出，' + '要抓好防汛工作'.repeat(15) + '。';
    const out = separateFormFields(['地点 县政府三楼会议室', '记录', long]);
    expect(out.lines).toEqual(['地点：县政府三楼会议室', long]);
  });
});

describe('minutes headers in the readers', () => {
  it('makes each field a paragraph of a page (joinLines), which column lines would otherwise run together', () => {
    const { lines, standalone } = separateFormFields(['地点', '县政府三楼会议室', '主持', '县长张明', '会议研究了', '防汛工作。']);
    expect(joinLines(lines, standalone).split('\n')).toEqual(['地点：县政府三楼会议室', '主持：县长张明', '会议研究了防汛工作。']);
  });

  it('gives the chair field the chaired role, titled or not, and the roster the attended role', () => {
    const people = extractPeople('时间：2024年3月5日\n主持人：县长张明\n出席人员：李华、王强\n会议研究了防汛工作。');
    expect(people.find((p) => p.name === '张明')).toEqual({ name: '张明', title: '县长', roles: ['chaired'] });
    expect(people.find((p) => p.name === '李华')?.roles).toEqual(['attended']);
    expect(extractPeople('主席：李卫东\n地点：区政府会议室').find((p) => p.name === '李卫东')?.roles).toEqual(['chaired']);
  });

  it('reads a web page of minutes (labels on lines of their own) into fields, with the chair', () => {
    const page = [
      '跳到主要內容區塊',
      '',
      '北嶺市政府第88次市務會議紀錄',
      '',
      '上版日期:2023-05-02',
      '時間',
      '',
      '時間:民國112年4月25日(星期二)上午9時',
      '',
      '地點',
      '',
      '本府3樓第1會議室',
      '',
      '主席',
      '',
      '市長 林志遠',
      '',
      '紀錄',
      '',
      '陳美玲',
      '',
      '主席裁示事項:',
      '',
      '一、請各局處加強防汛整備，並於汛期前完成抽水站檢查。',
    ].join('\n');
    const [article] = parseTextReport(page, 'minutes.txt');
    expect(article.body.split('\n').slice(0, 4)).toEqual([
      '時間:民國112年4月25日(星期二)上午9時',
      '地點：本府3樓第1會議室',
      '主席：市長林志遠',
      '紀錄：陳美玲',
    ]);
    expect(article.people.find((p) => p.name === '林志遠')?.roles).toContain('chaired');
  });
});

describe('minutesMeeting', () => {
  it('names the meeting of a minutes headline, and nothing for other headlines', () => {
    expect(minutesMeeting('嘉義市政府第1015次市務會議紀錄')).toBe('嘉義市政府第1015次市務會議');
    expect(minutesMeeting('县政府第12次常务会议纪要')).toBe('县政府第12次常务会议');
    expect(minutesMeeting('高新区召开信访工作会议')).toBeUndefined();
    expect(minutesMeeting('会议纪要')).toBeUndefined();
  });

  it('gives an article of minutes its meeting, so a follow-up about "this meeting" can name it', () => {
    const [article] = parseTextReport(
      '北岭区第9次常务会议纪要\n\n时间：2024年3月5日\n地点：区政府三楼会议室\n主持：区长陈海\n\n会议研究了防汛工作。',
      'm.txt',
    );
    expect(article.meeting).toBe('北岭区第9次常务会议');
  });
});
