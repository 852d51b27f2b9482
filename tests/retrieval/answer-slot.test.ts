import { describe, expect, it } from 'vitest';
import { SLOT_RULES, slotFilled, slotFor } from '../../src/retrieval/answer-slot.ts';
import { OTHER_POST_PREFIXES } from '../../src/retrieval/asked-office.ts';

describe('answer slots', () => {
  for (const rule of SLOT_RULES) {
    it(`${rule.slot}: its example question asks for it, one passage fills it and the other does not`, () => {
      const { question, fills, lacks } = rule.example;
      expect(slotFor(question)?.rule.slot).toBe(rule.slot);
      const people = rule.slot === 'person' ? [{ name: '王明', title: '镇长' }] : [];
      expect(slotFilled(question, fills, people)).toEqual({ slot: rule.slot, filled: true });
      expect(slotFilled(question, lacks, people)).toEqual({ slot: rule.slot, filled: false });
    });
  }
  it("asks a person's post only of a passage naming the person, as printed or with the title inside the name", () => {
    expect(slotFilled('韦峰在淮安政协常委会议上是以什么身份出席的', '副市长韦峰出席会议')).toEqual({
      slot: 'post of a person',
      filled: true,
    });
    expect(slotFilled('许乃权是什么职务', '列席：许县长乃权、李副县长文良')?.filled).toBe(true);
    expect(slotFilled('许乃权是什么职务', '列席：县长、副县长及各局处首长')?.filled).toBe(false);
    // Two-character names are not split: 刘…正 could be anyone.
    expect(slotFilled('刘正是什么职务', '刘主任正在讲话')?.filled).toBe(false);
    expect(slotFor('参议们过去担任过什么职务')).toBeUndefined();
    // A biography names its subject in the headline, not in every sentence.
    expect(slotFilled('杨朝祥在2011年被聘为什么职务', '2011年1月1日，受聘为国策顾问。', [], '杨朝祥')?.filled).toBe(true);
    expect(slotFilled('杨朝祥在2011年被聘为什么职务', '2011年1月1日，受聘为国策顾问。', [], '黄华麒')?.filled).toBe(false);
  });

  it('takes no other post for the office asked: a 检察长 for the 副检察长, a 总书记 for a 书记 (asked-office.ts rows)', () => {
    for (const row of OTHER_POST_PREFIXES) expect(slotFilled(row.example.asked, row.example.printed, [])?.filled, row.prefix).toBe(false);
    // The page names the holder: the slot is filled, by the text or by its people.
    expect(slotFilled('市检察院副检察长是谁', '市人民检察院副检察长李华出席', [])?.filled).toBe(true);
    expect(slotFilled('县纪委书记是谁', '县纪委书记王明主持会议', [])?.filled).toBe(true);
    expect(slotFilled('县委书记是谁', '县委副书记张强、县委常委李明参加', [{ name: '张强', title: '县委副书记' }])?.filled).toBe(false);
    expect(slotFilled('县委书记是谁', '会议由刘洋主持', [{ name: '刘洋', title: '县委书记' }])?.filled).toBe(true);
    // A report that prints the post itself: a name printed with the office word still counts (extraction is never complete).
    expect(slotFilled('图书馆首位副馆长是谁', '宋某，曾任国家图书馆副馆长。1997年，馆长曾某退休。', [])?.filled).toBe(true);
  });

  it('counts days asked with 多少天 / 几天 in 天, not a day of the month, and not 天然气', () => {
    const q = '市议会第三次定期大会为期多少天';
    expect(slotFilled(q, '此次定期大会自九月二十一日起至十一月二十九日，为期七十天')).toEqual({ slot: 'count', filled: true });
    expect(slotFilled(q, '市议会第三次定期大会二十一日召开预备会议')).toEqual({ slot: 'count', filled: false });
    expect(slotFilled('代表团在镇上停留了几天', '代表团昨日抵达镇公所')?.filled).toBe(false);
    expect(slotFor('全年用了多少天然气')).toBeUndefined();
    expect(slotFor('许多卫星在哪个区域内运作，并每隔几天就需要启动引擎')).toBeUndefined();
  });

  it('dates a start of works (开工) or its year only by a passage that says when works started', () => {
    expect(slotFilled('某水库除险改造项目是哪天开工的', '4月17日，某水库除险改造项目竣工验收会召开')).toEqual({
      slot: 'day of a phase',
      filled: false,
    });
    expect(slotFilled('某水库除险改造项目是哪天开工的', '该项目于2022年3月1日开工建设')?.filled).toBe(true);
    expect(slotFilled('某水库加固工程是哪一年开工的', '1月20日，某水库加固工程竣工验收会议召开')?.filled).toBe(false);
    expect(slotFilled('某水库加固工程是哪一年开工的', '工程于2015年动工，2017年完工')?.filled).toBe(true);
  });

  it('asks for nothing particular in open questions, lists and populations', () => {
    expect(slotFor('会议研究了什么')).toBeUndefined();
    expect(slotFor('程树平走访了哪几个村')).toBeUndefined();
    expect(slotFor('这座城市有多少人口')).toBeUndefined();
  });
  it('asks for any 员 named right before the asking words, and takes a transliterated name for a person', () => {
    expect(slotFor('开枪的退休警员叫什么名字')?.rule.slot).toBe('person');
    expect(slotFor('年度最佳运动员的赞助方是谁')).toBeUndefined();
    expect(slotFilled('第一位校长是谁', '首任校长為喬治·麥肯', [])?.filled).toBe(true);
  });
  it('takes a sum in 亿 or 万 with its unit left out (总投资3个亿) for money, not a count in 万', () => {
    const q = '拉尕山景区索道项目总投资多少';
    expect(slotFilled(q, '拉尕山景区基础设施及索道建设项目，总投资3个亿;', [])).toEqual({ slot: 'sum of money', filled: true });
    expect(slotFilled(q, '东风汽车4S店建设项目，总投资190万;', [])).toEqual({ slot: 'sum of money', filled: true });
    expect(slotFilled(q, '景区年接待游客90万人次。', [])).toEqual({ slot: 'sum of money', filled: false });
  });
  it('takes only a sum of the kind asked when the question names it: a 总投资 is no 年产值', () => {
    const q = '签约项目的年产值是多少';
    expect(slotFilled(q, '舟曲沙滩森林康养小镇建设项目，总投资3.1个亿;', [])?.filled).toBe(false);
    expect(slotFilled(q, '项目建成后预计年产值可达5亿元。', [])?.filled).toBe(true);
    expect(slotFilled('要投入多少元', '共投入资金500万元。', [])?.filled).toBe(true);
    expect(slotFilled('输入的司机薪酬是多少', '获批输入20名非专营巴士司机。', [])?.filled).toBe(false);
    expect(slotFilled('输入的司机薪酬是多少', '司机月薪酬为1.8万元。', [])?.filled).toBe(true);
  });

  it('counts in related measure words and in enumerations', () => {
    expect(slotFilled('有几位县议员出席', '12名县议员出席')?.filled).toBe(true);
    expect(slotFilled('讲话提出了几点要求', '他强调，一是要提高认识，二是要压实责任')?.filled).toBe(true);
  });
  it('counts a large number printed before the thing counted, and people as a population', () => {
    expect(slotFilled('人类视网膜中共有多少个视杆细胞', '视网膜里一共约有600万视锥细胞和1.25亿视杆细胞。')?.filled).toBe(true);
    expect(slotFilled('人类视网膜中共有多少个视杆细胞', '视杆细胞负责感受弱光。')?.filled).toBe(false);
    // A weekday is no count: 周六志愿服务.
    expect(slotFilled('一共有多少名志愿者参加服务', '街道持续开展周六志愿服务活动。')?.filled).toBe(false);
    expect(slotFilled('该市在2012年时有多少人', '根据人口普查，该市人口达2,790,060，为全国最大城市。')?.filled).toBe(true);
    expect(slotFilled('该市在2012年时有多少人', '该市是全国最大城市。')?.filled).toBe(false);
  });
  it('is filled by the holder of the office asked, not by a deputy or someone else the report names', () => {
    const people = [
      { name: '李强', title: '区人大常委会副主任' },
      { name: '赵刚', title: '街道办事处主任' },
    ];
    expect(slotFilled('区人大常委会主任是谁', '副主任李强出席', people)?.filled).toBe(false);
    expect(slotFilled('街道主任是谁', '街道办事处主任赵刚主持', people)?.filled).toBe(true);
    expect(slotFilled('新任秘书长是谁', '人事调整将于近期公布', [])?.filled).toBe(false);
    expect(slotFilled('新任秘书长是谁', '任命张华为秘书长', [])?.filled).toBe(true);
    // The office before 的 and the name, or the name taking office in a body named between.
    expect(slotFilled('是武汉大学哪位校长说的', '时任国立武汉大学代理校长的刘秉麟在新生训练周讲话', [])?.filled).toBe(true);
    expect(slotFilled('第一届中共福建省委书记是谁', '刘少奇被选为第一届中共福建省委书记。', [])?.filled).toBe(true);
    expect(slotFilled('第一届中共福建省委书记是谁', '第一届中共福建省委于1934年成立。', [])?.filled).toBe(false);
  });
  it('asks for the longest office the question names: a 党委书记 does not hold the 第一书记 post', () => {
    const people = [{ name: '张明', title: '镇党委书记' }];
    const q = '三名县派第一书记分别叫什么名字';
    expect(slotFilled(q, '镇党委书记张明主持会议。三名县派第一书记交流发言。', people)?.filled).toBe(false);
    expect(slotFilled(q, '驻村第一书记王明、李华交流发言。', [])?.filled).toBe(true);
  });
});
