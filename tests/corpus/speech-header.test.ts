import { describe, expect, it } from 'vitest';
import { SALUTATIONS, readSpeechHeader } from '../../src/corpus/speech-header.ts';
import { parseTextReport } from '../../src/corpus/front-matter.ts';

const report = [
  '政府工作报告',
  '',
  '  ——2024年1月10日在某县第九届人民代表大会第二次会议上',
  '',
  '  县长 周明远',
  '',
  '  各位代表：',
  '',
  '  现在，我代表县人民政府向大会报告工作，请予审议。',
  '',
  '  一、2023年工作回顾',
  '',
  '  2023年，全县地区生产总值增长5.2%，一般公共预算收入增长6.1%。',
].join('\n');

describe('speech headers', () => {
  it('reads every salutation row example', () => {
    for (const row of SALUTATIONS) expect(row.pattern.test(row.example), row.example).toBe(true);
  });

  it('makes the first line the headline, the occasion the subtitle, date and meeting, and the speaker a person who spoke', () => {
    const [a, ...rest] = parseTextReport(report, 'gzbg.txt');
    expect(rest).toHaveLength(0);
    expect(a).toMatchObject({
      headline: '政府工作报告',
      headlineDerived: false,
      subtitle: '2024年1月10日在某县第九届人民代表大会第二次会议上',
      date: '2024-01-10',
      dateInferred: false,
      meeting: '某县第九届人民代表大会第二次会议',
    });
    expect(a.people[0]).toEqual({ name: '周明远', title: '县长', roles: ['spoke'] });
    // The occasion and the speaker stay findable, each a paragraph of its own; the speech follows.
    expect(a.body.split('\n').slice(0, 3)).toEqual(['2024年1月10日在某县第九届人民代表大会第二次会议上', '县长周明远', '各位代表：']);
  });

  it('reads a letter-spaced name with no title and lines without blank lines between them', () => {
    const h = readSpeechHeader(['政府工作报告', '2019年3月2日在某县第十六届人民代表大会第四次会议上', '李 建 国', '各位代表:', '现在，我代表县人民政府向大会报告工作。'].join('\n'));
    expect(h?.speaker).toEqual({ name: '李建国', title: '', roles: ['spoke'] });
    expect(h?.date).toBe('2019-03-02');
  });

  it('is no speech header without an occasion line, or with a sentence between it and the salutation', () => {
    expect(readSpeechHeader(['某镇召开座谈会', '同志们：', '今天我们召开座谈会。'].join('\n'))).toBeUndefined();
    expect(
      readSpeechHeader(['政府工作报告', '2019年3月2日在某县人大会议上', '会议由县人大常委会主任主持，听取了报告。', '各位代表：'].join('\n')),
    ).toBeUndefined();
  });
});
