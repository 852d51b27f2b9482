import { describe, expect, it } from 'vitest';
import { extractPeople } from '../../src/corpus/people.ts';
import type { Person } from '../../src/corpus/types.ts';

const byName = (people: Person[], name: string) => people.find((p) => p.name === name);
const names = (people: Person[]) => people.map((p) => p.name).sort();

describe('extractPeople: attendance lists', () => {
  it('gives every name of an 出席会议： list the attended role, titled or not', () => {
    const people = extractPeople(
      '党工委书记王新亭主持会议并讲话。\n出席会议：王新亭、张红军、马文彬、姚五洲、张静伟、杨晓燕。\n列席会议：各内设机构、各办事处、各园区主要负责人。',
    );
    expect(names(people)).toEqual(['姚五洲', '张红军', '张静伟', '杨晓燕', '王新亭', '马文彬'].sort());
    expect(byName(people, '王新亭')?.roles).toEqual(['chaired', 'spoke', 'attended']);
    for (const n of ['张红军', '马文彬', '姚五洲', '张静伟', '杨晓燕'])
      expect(byName(people, n)).toEqual({ name: n, title: '', roles: ['attended'] });
  });

  it('reads 出席：, 列席会议： and 参加会议的有 lists, separated by 、，, or spaces', () => {
    const people = extractPeople('出席：李卫东，郭志强 马丽娟。列席会议：欧阳慧敏、公安局、高新区。参加会议的有王蕾、刘洋等。');
    expect(names(people)).toEqual(['李卫东', '郭志强', '马丽娟', '欧阳慧敏', '王蕾', '刘洋'].sort());
    // 列席 (present without a vote) is told apart from 出席 and 参加.
    expect(people.map((p) => [p.name, p.roles.join()])).toEqual([
      ['李卫东', 'attended'],
      ['郭志强', 'attended'],
      ['马丽娟', 'attended'],
      ['欧阳慧敏', 'observed'],
      ['王蕾', 'attended'],
      ['刘洋', 'attended'],
    ]);
  });

  it('gives titled names on a roster the attended role, and takes no name from 出席会议的有关领导', () => {
    const people = extractPeople('出席会议的有市委书记王明、市长李华。\n出席会议的有关领导和嘉宾参观了展馆。');
    expect(people).toEqual([
      { name: '王明', title: '市委书记', roles: ['attended'] },
      { name: '李华', title: '市长', roles: ['attended'] },
    ]);
  });
});

describe('extractPeople: lists in the running text', () => {
  it('gives every name of a 、 list the title printed once before it', () => {
    const people = extractPeople('县人大常委会副主任周立新、韩明、李芳、欧阳慧敏出席会议。');
    expect(people.map((p) => [p.name, p.title, p.roles.join()])).toEqual([
      ['周立新', '县人大常委会副主任', 'attended'],
      ['韩明', '县人大常委会副主任', 'attended'],
      ['李芳', '县人大常委会副主任', 'attended'],
      ['欧阳慧敏', '县人大常委会副主任', 'attended'],
    ]);
  });

  it('ends a list at an item with its own title or a unit', () => {
    const people = extractPeople('县委书记周立新、县长韩明、公安局负责同志参加活动。');
    expect(people.map((p) => [p.name, p.title])).toEqual([
      ['周立新', '县委书记'],
      ['韩明', '县长'],
    ]);
  });

  it('gives the names of a sentence the role of its closing clause, even one that names no one', () => {
    const people = extractPeople('副县长张婕，县法院院长祖鹏，部分县人大代表列席会议。会后，县长韩明，调研了园区。');
    expect(byName(people, '张婕')?.roles).toEqual(['observed']);
    expect(byName(people, '祖鹏')?.roles).toEqual(['observed']);
    // The next sentence's clause says nothing of the first sentence's names, nor does a clause with no role verb.
    expect(byName(people, '韩明')?.roles).toEqual([]);
  });
});

describe('extractPeople: untitled names before a role verb', () => {
  it('takes a surname + given name directly before 主持 / 出席, and the X of 由X主持', () => {
    const people = extractPeople('6月9日上午，沟赵办事处召开推进会。张红军主持会议，马文彬出席。\n另一场会议由李卫东主持。');
    expect(byName(people, '张红军')).toEqual({ name: '张红军', title: '', roles: ['chaired'] });
    expect(byName(people, '马文彬')).toEqual({ name: '马文彬', title: '', roles: ['attended'] });
    expect(byName(people, '李卫东')?.roles).toEqual(['chaired']);
    expect(names(people)).toEqual(['张红军', '李卫东', '马文彬'].sort());
  });

  it('does not take common words (会议, 严格, 单位 …) for names', () => {
    const people = extractPeople('会议由办公室主持。会议要求，严格要求各单位参加培训，明确要求方案通报到位。师生参加活动。');
    expect(people).toEqual([]);
  });

  it('looks past an adverb between the name and the verb (刘鼎也参加), and ends a titled name before 均', () => {
    const people = extractPeople('1937年，劉鼎也參加；香港立法會議員劉千石均致送花圈。曾經主持大學實驗室。');
    expect(byName(people, '劉鼎')?.roles).toEqual(['attended']);
    expect(byName(people, '劉千石')).toMatchObject({ title: '香港立法會議員' });
    expect(names(people)).toEqual(['劉千石', '劉鼎'].sort());
  });

  it('takes a name before 强调 / 要求 only when the text names it again', () => {
    expect(extractPeople('，李明要求各部门落实责任。')).toEqual([]);
    const people = extractPeople('会议由李明主持。李明要求各部门落实责任。');
    expect(byName(people, '李明')?.roles).toEqual(['chaired', 'spoke']);
  });
});

describe('extractPeople: more titles', () => {
  it('reads 主任秘书, 课长, 议员, 科员, 委员长, 干事, 专干 and 人大代表 as titles, traditional forms too', () => {
    const people = extractPeople(
      '由區長陳美玲主持，副區長黃建志、主任秘書林淑芬及各課室主管出席。會中由民政課課長吳佩珊報告工程進度。' +
        '市議員張志豪、建設課課長蔡明哲陪同。科员王晓出席，委员长赵军讲话，团委干事孙丽、综治专干郑明参加，市人大代表韩梅发言，主任科员冯涛汇报。',
    );
    expect(byName(people, '林淑芬')).toEqual({ name: '林淑芬', title: '主任秘書', roles: ['attended'] });
    expect(byName(people, '黃建志')).toEqual({ name: '黃建志', title: '副區長', roles: ['attended'] });
    expect(byName(people, '吳佩珊')).toEqual({ name: '吳佩珊', title: '民政課課長', roles: ['spoke'] });
    expect(byName(people, '張志豪')).toEqual({ name: '張志豪', title: '市議員', roles: ['attended'] });
    expect(byName(people, '蔡明哲')).toEqual({ name: '蔡明哲', title: '建設課課長', roles: ['attended'] });
    expect(byName(people, '王晓')).toMatchObject({ title: '科员', roles: ['attended'] });
    expect(byName(people, '赵军')).toMatchObject({ title: '委员长', roles: ['spoke'] });
    expect(byName(people, '孙丽')).toMatchObject({ title: '团委干事', roles: ['attended'] });
    expect(byName(people, '郑明')).toMatchObject({ title: '综治专干', roles: ['attended'] });
    expect(byName(people, '韩梅')).toMatchObject({ title: '市人大代表', roles: ['spoke'] });
    expect(byName(people, '冯涛')).toMatchObject({ title: '主任科员', roles: ['spoke'] });
  });

  it('does not take 代表 for a title when it is a verb after a name', () => {
    const people = extractPeople('党工委书记王新亭代表高新区管委会致辞。');
    expect(names(people)).toEqual(['王新亭']);
  });

  it('ends a title at a closing bracket or slash of a byline', () => {
    const people = extractPeople('（記者王俊傑／臺中報導）北屯區長陳美玲10月4日下午視察軍功路排水改善工程。');
    expect(byName(people, '陳美玲')?.title).toBe('北屯區長');
  });
});

describe('extractPeople: reporting verbs', () => {
  it('reads 汇报, 报告 and 宣读 as spoke, 陪同 as attended, and ends the name before them', () => {
    const people = extractPeople(
      '区发展改革局局长刘振华汇报了项目要素保障情况，区教育局局长周丽萍宣读表彰决定，民政局局长吴佩珊报告工程进度，区应急管理局局长陈立峰陪同检查。',
    );
    expect(people).toEqual([
      { name: '刘振华', title: '区发展改革局局长', roles: ['spoke'] },
      { name: '周丽萍', title: '区教育局局长', roles: ['spoke'] },
      { name: '吴佩珊', title: '民政局局长', roles: ['spoke'] },
      { name: '陈立峰', title: '区应急管理局局长', roles: ['attended'] },
    ]);
  });

  it('does not read a report listened to (听取…汇报) as speaking', () => {
    const people = extractPeople('区长李明听取了各部门工作汇报，局长王华向大会报告工作。');
    expect(byName(people, '李明')?.roles).toEqual([]);
    expect(byName(people, '王华')?.roles).toEqual(['spoke']);
  });

  it('reads the traditional 匯報 and 宣讀', () => {
    const people = extractPeople('副區長黃建志匯報進度，主任秘書林淑芬宣讀決定。');
    expect(byName(people, '黃建志')?.roles).toEqual(['spoke']);
    expect(byName(people, '林淑芬')?.roles).toEqual(['spoke']);
  });
});

describe('extractPeople: roles stay in their own clause', () => {
  it('gives each person of A出席会议并讲话，B通报…，C汇报… only their own roles', () => {
    const people = extractPeople(
      '高新区党工委副书记、管委会主任张红军主持会议，党工委书记王新亭出席会议并讲话，党工委委员、管委会副主任姚五洲通报重点项目建设进展情况，区发展改革局局长刘振华汇报了项目要素保障情况。',
    );
    expect(byName(people, '张红军')?.roles).toEqual(['chaired']);
    expect(byName(people, '王新亭')?.roles).toEqual(['spoke', 'attended']);
    expect(byName(people, '姚五洲')?.roles).toEqual(['spoke']);
    expect(byName(people, '刘振华')?.roles).toEqual(['spoke']);
  });

  it('gives a leading list only the roles of its own verb, not of the next clause', () => {
    const people = extractPeople('副區長黃建志、主任秘書林淑芬出席，區長陳美玲主持會議並講話。');
    expect(byName(people, '黃建志')?.roles).toEqual(['attended']);
    expect(byName(people, '林淑芬')?.roles).toEqual(['attended']);
    expect(byName(people, '陳美玲')?.roles).toEqual(['chaired', 'spoke']);
  });
});

describe('extractPeople: three-character names before words that follow a name', () => {
  it('keeps the whole name before 应邀, 率队, 看望 and the like', () => {
    const people = extractPeople('县委书记张建华应邀出席会议。副县长王明亮率队检查防汛工作。区长李国栋看望慰问老党员。');
    expect(people.map((p) => p.name)).toEqual(['张建华', '王明亮', '李国栋']);
  });
});

describe('titles and names as fresh real pages print them', () => {
  const find = (text: string, name: string) => extractPeople(text).find((p) => p.name === name);

  it('reads surname + title + given name in minutes and Taiwan reports (洪议长允典)', () => {
    const text = '主席：洪議長允典\n列席：許縣長乃權、李副縣長文良及各局處首長\n';
    expect(find(text, '洪允典')).toMatchObject({ title: '議長', roles: ['chaired'] });
    expect(find(text, '許乃權')).toMatchObject({ title: '縣長', roles: ['observed'] });
    expect(find(text, '李文良')).toMatchObject({ title: '副縣長', roles: ['observed'] });
    expect(find(text, '文良')).toBeUndefined();
  });

  it('keeps a dateline, a subject with 由 and a verb taking the person out of the title', () => {
    const text =
      '新华社北京3月2日电 全国政协主席丁一2日下午主持召开主席会议。今日程序委员会由市议会议长钱二主持，市府由副市长孙三率各局处首长与会。会议确定外事委员会副主任周四为新闻发言人。会议还听取了区政府办公室主任吴五作的汇报。';
    expect(find(text, '丁一')?.title).toBe('全国政协主席');
    expect(find(text, '钱二')).toMatchObject({ title: '市议会议长', roles: ['chaired'] });
    expect(find(text, '孙三')?.title).toBe('副市长');
    expect(find(text, '周四')?.title).toBe('外事委员会副主任');
    expect(find(text, '吴五')?.title).toBe('区政府办公室主任');
    expect(find('行政长官李明出席，而政务司司长陈华主持研讨会。', '陈华')?.title).toBe('政务司司长');
  });

  it('does not read a compound surname out of a longer office word (常务副秘书长孙怀山)', () => {
    const text = '全国政协常务副秘书长孙怀山出席会议。';
    expect(find(text, '孙怀山')?.title).toBe('全国政协常务副秘书长');
    expect(find(text, '长孙怀山')).toBeUndefined();
  });

  it('reads 傅, 萧 and 阎 as surnames, and 纪律 never as a name', () => {
    const people = extractPeople('县人大常委会主任傅伟、副主任萧明出席会议。会议明确了纪律要求，要严肃换届纪律。');
    expect(people.map((p) => p.name)).toEqual(['傅伟', '萧明']);
  });

  it('ends a three-character name before 进行, 担任 and 根据', () => {
    expect(find('10月4日由市长卢秀英进行施政总报告。', '卢秀英')?.title).toBe('市长');
    expect(find('委任行政会委员张永春担任发言人。', '张永春')?.title).toBe('行政会委员');
    expect(find('行政长官岑浩辉根据章程委任发言人。', '岑浩辉')?.title).toBe('行政长官');
  });
});
