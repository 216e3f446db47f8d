import { describe, expect, it } from 'vitest';
import { describeRule } from '../../../../src/core/report/describeRule';

describe('describeRule', () => {
  it('writes linear rules in the metric unit, and says when lower is better', () => {
    expect(describeRule('attendance_rate', { type: 'linear', floor: 0.6, target: 1 })).toBe('线性：60%→100% 得 0→100');
    expect(describeRule('key_brand_share', { type: 'linear', floor: 0, target: 0.45 })).toBe('线性：0%→45% 得 0→100');
    expect(describeRule('short_entries', { type: 'linear', floor: 5, target: 0 })).toBe('线性：5→0 得 0→100（越低越好）');
    expect(describeRule('satisfaction', { type: 'linear', floor: 40, target: 90 })).toBe('线性：40→90 得 0→100');
  });

  it('writes yes/no metrics as 是/否', () => {
    expect(describeRule('report_submitted', { type: 'linear', floor: 0, target: 1 })).toBe('是 得 100，否 得 0');
    expect(describeRule('report_copy', { type: 'linear', floor: 1, target: 0 })).toBe('否 得 100，是 得 0');
  });

  it('writes district, rank and manual rules', () => {
    expect(describeRule('volume_yoy', { type: 'district', band: 0.1 })).toBe('对比片区：不低于片区值得 100，低于片区值 10 个百分点 得 0');
    expect(describeRule('new_brand_reach', { type: 'district' })).toBe('对比片区：不低于片区值得 100，低于时按与片区值的差距比例扣分');
    expect(describeRule('complaints', { type: 'district', lowerIsBetter: true, band: 2 })).toBe('对比片区：不高于片区值得 100，高出片区值 2 得 0');
    expect(describeRule('volume', { type: 'rank' })).toBe('片区内排名：第一名 100，末名 0');
    expect(describeRule('top3_share', { type: 'rank', lowerIsBetter: true })).toBe('片区内排名：第一名 100，末名 0（越低越好）');
    expect(describeRule('knowledge_score', { type: 'manual' })).toBe('主管人工评分');
  });
});
