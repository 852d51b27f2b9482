import { describe, expect, it } from 'vitest';
import { isBylineLine, parseByline } from '../../src/corpus/byline.ts';

describe('bylines', () => {
  it('recognises byline lines and not body lines', () => {
    expect(isBylineLine('记者 孙庆辉 高新时报 方宝岭')).toBe(true);
    expect(isBylineLine('高新时报 方宝岭 文/图')).toBe(true);
    expect(isBylineLine('本报记者王芳')).toBe(true);
    expect(isBylineLine('会议通报 王新亭')).toBe(false);
    expect(isBylineLine('记者了解到，今年全区')).toBe(false);
    expect(isBylineLine('王新亭 张红军')).toBe(false);
  });

  it('credits writers, contributors and photographers', () => {
    expect(parseByline(['记者 孙庆辉', '高新时报 方宝岭 文/图'])).toEqual({
      reporters: ['孙庆辉'],
      contributors: ['方宝岭'],
      photographers: ['方宝岭'],
      creditedAs: { 孙庆辉: '记者', 方宝岭: '高新时报' },
    });
    const b = parseByline(['记者 李明 王芳 文/图 通讯员 赵强 摄影 陈晨', '刘洋 图']);
    expect(b.reporters).toEqual(['李明', '王芳']);
    expect(b.contributors).toEqual(['赵强']);
    expect(b.photographers).toEqual(['李明', '王芳', '陈晨', '刘洋']);
    expect(isBylineLine('方宝岭 摄')).toBe(true);
  });
});
