import { describe, expect, it } from 'vitest';
import { MESSAGE_FORMATS, messageZh, messagesZh } from '../../../../src/core/messages/messageText';
import { MESSAGE_TEMPLATES_ZH } from '../../../../src/core/messages/messageTemplatesZh';
import { describeRule, describeRuleText } from '../../../../src/core/report/describeRule';
import { messagesTextEn } from '../../../../src/renderer/i18n/messagesText';

const PLACEHOLDER = /\{\{\s*(\w+)\s*(?:,\s*(\w+)\s*)?\}\}/g;

function leaves(node: unknown, path: string[] = []): [string, string][] {
  if (typeof node === 'string') return [[path.join('.'), node]];
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => leaves(v, [...path, k]));
}

function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => `${m[1]},${m[2] ?? ''}`).sort();
}

describe('flag and rule messages', () => {
  it('fills the Chinese template with formatted parameters, as the report printed it before codes', () => {
    expect(messageZh({ code: 'flag.records.selfCopy', params: { n: 3, day: '2026-10-08', day2: '2026-10-15', similarity: 0.9234 } })).toBe(
      '3 条日志与本人其他日期的日志雷同，如 10月8日 与 10月15日 的日志（相似度 92.3%）',
    );
    expect(
      messageZh({ code: 'flag.attendance.concentration', params: { total: 40, share: 0.5, top: [['甲烟酒店', 9], ['乙超市', 6], ['丙便利', 5]] } }),
    ).toBe('拜访集中在少数零售户：前三户占全部 40 次拜访的 50.0%（甲烟酒店 9 次、乙超市 6 次、丙便利 5 次）');
    expect(messageZh({ code: 'flag.no.such.code', params: {} })).toBe('');
  });

  it('lists at most three surveys in either language and says how many more', () => {
    const surveys = [['A', '2026-10-01'], ['B', '2026-10-02'], ['C', '2026-10-03'], ['D', '2026-10-04']] as const;
    expect(MESSAGE_FORMATS.kdatedlist(surveys, 'zh-CN')).toBe('A（10月1日）、B（10月2日）、C（10月3日） 等 4 项');
    expect(MESSAGE_FORMATS.kdatedlist(surveys, 'en')).toBe('A (Oct 1), B (Oct 2), C (Oct 3) and 1 more');
    expect(MESSAGE_FORMATS.kmonth('2026-09', 'en')).toBe('September');
  });

  it('has an English sentence for every Chinese one, with the same parameters and formats', () => {
    const zh = leaves(MESSAGE_TEMPLATES_ZH);
    const en = new Map(leaves({ flag: messagesTextEn.flag, evidence: messagesTextEn.evidence, rule: messagesTextEn.rule }));
    expect([...en.keys()].sort()).toEqual(zh.map(([k]) => k).sort());
    for (const [key, template] of zh) {
      expect(placeholders(en.get(key)!), key).toEqual(placeholders(template));
      for (const [, , format] of template.matchAll(PLACEHOLDER)) if (format) expect(Object.keys(MESSAGE_FORMATS), key).toContain(format);
    }
  });

  it('says no English sentence in Chinese: only the parameters (names, quoted data) may be Chinese', () => {
    const chinese = leaves({ flag: messagesTextEn.flag, evidence: messagesTextEn.evidence, rule: messagesTextEn.rule })
      .filter(([, template]) => /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/.test(template.replace(PLACEHOLDER, '')))
      .map(([key]) => key);
    expect(chinese).toEqual([]);
  });

  it('says an evidence row as the report printed it before codes, in parts', () => {
    expect(messagesZh([{ code: 'evidence.attendance.punchAt', params: { time: '08:30:03' } }, { code: 'evidence.attendance.place', params: { value: '站前街' } }])).toBe(
      '打卡 08:30:03，地点：站前街',
    );
    expect(messagesZh([{ code: 'evidence.calendar.holiday', params: { holiday: '国庆节' } }])).toBe('工作日历：休息日（国庆节）；当天打卡：无');
    expect(messagesZh([{ code: 'evidence.attendance.kind', params: { value: '上班' } }, { code: 'evidence.attendance.mockLocation', params: {} }], '；')).toBe('类型：上班；模拟定位');
  });

  it('describes rules by code, with thresholds in the metric’s unit', () => {
    const rule = { type: 'district' as const, band: 0.05, lowerIsBetter: true };
    expect(describeRuleText('attendance_rate', rule)).toEqual({ code: 'rule.districtAtMostPoints', params: { band: '5' } });
    expect(describeRule('attendance_rate', rule)).toBe('对比片区：不高于片区值得 100，高出片区值 5 个百分点 得 0');
    expect(describeRule('attendance_rate', { type: 'linear', floor: 0.8, target: 1 })).toBe('线性：80%→100% 得 0→100');
    expect(describeRule('report_submitted', { type: 'linear', floor: 0, target: 1 })).toBe('是 得 100，否 得 0');
    expect(describeRule('volume', undefined)).toBe('不计分，仅供参考');
  });
});
