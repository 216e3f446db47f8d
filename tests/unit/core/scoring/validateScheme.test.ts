import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEME } from '../../../../src/core/scoring/defaultScheme';
import type { Scheme } from '../../../../src/core/scoring/scheme';
import { validateScheme } from '../../../../src/core/scoring/validateScheme';

function edited(change: (s: Scheme) => void): Scheme {
  const copy = structuredClone(DEFAULT_SCHEME);
  change(copy);
  return copy;
}

function errorsOf(s: Scheme): string[] {
  const result = validateScheme(s);
  return result.ok ? [] : result.errors;
}

describe('validateScheme', () => {
  it('accepts the default scheme', () => {
    expect(validateScheme(DEFAULT_SCHEME)).toEqual({ ok: true });
  });

  it('says what the weights add up to when it is not 100', () => {
    expect(validateScheme(edited((s) => (s.weights.sales = 20)))).toEqual({ ok: false, errors: ['各维度权重合计为 95，应为 100'] });
  });

  it('accepts weights that add up to 100 up to floating-point noise', () => {
    const thirds = edited((s) => {
      s.weights = { sales: 33.3, attendance: 33.3, records: 33.4, knowledge: 0, brand: 0, order: 0, fulfilment: 0, evaluation: 0 };
    });
    expect(validateScheme(thirds)).toEqual({ ok: true });
  });

  it('rejects negative weights even when the sum is 100', () => {
    expect(errorsOf(edited((s) => ((s.weights.attendance = -5), (s.weights.sales = 45))))).toEqual([
      '「出勤情况」的权重不能为负数（当前为 -5）',
    ]);
  });

  it('rejects a metric of another dimension, a duplicate, and a non-positive metric weight', () => {
    const errors = errorsOf(
      edited((s) => {
        s.metrics.sales.push({ metric: 'coverage', weight: 1, rule: { type: 'linear', floor: 0, target: 1 } });
        s.metrics.sales.push({ metric: 'volume_yoy', weight: 1, rule: { type: 'district' } });
        s.metrics.brand[1]!.weight = 0;
      }),
    );
    expect(errors).toEqual([
      '指标 coverage 不属于「硬性指标」',
      '「硬性指标」中指标 volume_yoy 重复出现',
      '「品牌销量」中指标 new_brand_growth 的权重应大于 0（当前为 0）',
    ]);
  });

  it('rejects malformed rules', () => {
    const errors = errorsOf(
      edited((s) => {
        s.metrics.fulfilment[0]!.rule = { type: 'linear', floor: 1, target: 1 };
        s.metrics.brand[0]!.rule = { type: 'district', band: -0.1 };
      }),
    );
    expect(errors).toEqual([
      '「品牌销量」中指标 new_brand_reach：与全区比较的容差应大于 0（当前为 -0.1）',
      '「履约率」中指标 fulfilment_rate：线性规则的起点和目标不能相同（都为 1）',
    ]);
  });

  it('rejects a weighted dimension without metrics', () => {
    expect(errorsOf(edited((s) => (s.metrics.knowledge = [])))).toEqual(['「了解市场」的权重为 5，但没有计分指标']);
  });

  it('requires grade bands from high to low', () => {
    const errors = errorsOf(
      edited((s) => {
        s.grades = [
          { min: 80, label: '良好' },
          { min: 90, label: '优秀' },
          { min: 0, label: '不合格' },
        ];
      }),
    );
    expect(errors).toEqual(['等级下限应从高到低排列：「良好」80 之后是「优秀」90']);
  });

  it('rejects thresholds out of range', () => {
    const errors = errorsOf(
      edited((s) => {
        s.thresholds.nearCopyJaccard = 1.2;
        s.thresholds.offHoursBefore = 22;
        s.thresholds.visitsPerMonthByTier = [
          { minTier: 1, maxTier: 10, visits: 1 },
          { minTier: 10, maxTier: 20, visits: 2 },
        ];
      }),
    );
    expect(errors).toEqual([
      '雷同判定阈值应在 0 到 1 之间（不含 0），当前为 1.2',
      '非工作时段设置有误：应满足 0 ≤ 开始 (22) < 结束 (21) ≤ 24',
      '档位区间 1–10 与 10–20 重叠',
    ]);
  });

  it('rejects veto settings out of range', () => {
    const errors = errorsOf(edited((s) => (s.veto = { enabled: true, unknownManagerMin: 0, dissatisfiedShare: 0 })));
    expect(errors).toHaveLength(2);
    expect(errors[0]).toContain('不认识客户经理');
    expect(errors[1]).toContain('不满意问卷占比');
  });

  it('collects every error at once', () => {
    const errors = errorsOf(edited((s) => ((s.weights.sales = 30), (s.grades = []), (s.name = ' '))));
    expect(errors).toEqual(['方案名称不能为空', '各维度权重合计为 105，应为 100', '至少需要一个等级']);
  });
});
