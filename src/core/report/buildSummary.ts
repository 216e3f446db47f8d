import { DIMENSION_KEYS, DIMENSION_LABELS_ZH } from '../measures/dimensions';
import { gradeDistributionOption } from './charts/gradeDistributionOption';
import { rankingBarOption } from './charts/rankingBarOption';
import type { ReportContext } from './reportContext';
import type { SummaryRow, SummarySection } from './reportModel';
import { formatScore } from './reportValue';

const NO_GRADE = '无总分';

export function buildSummary(ctx: ReportContext): SummarySection {
  const { scheme } = ctx.input;
  const gradeLabels = scheme.grades.map((g) => g.label);
  const rows: SummaryRow[] = ctx.managers.map((m) => ({
    rank: m.rank,
    code: m.code,
    name: m.name,
    scores: DIMENSION_KEYS.map((key) => ({ score: m.dimensions[key].score, adjusted: 'computedScore' in m.dimensions[key] })),
    total: m.total,
    grade: m.grade ?? (m.insufficient ? '数据不足，不评等级' : NO_GRADE),
    veto: m.veto?.reason ?? '',
    // measures.md: a manager below half of the weight is listed, and the report says what is missing.
    note: [
      ...(m.insufficient ? [`缺 ${m.insufficient.map((key) => DIMENSION_LABELS_ZH[key]).join('、')}`] : []),
      ...DIMENSION_KEYS.filter((key) => 'computedScore' in m.dimensions[key]).map(
        (key) => `${DIMENSION_LABELS_ZH[key]} ${formatScore(m.dimensions[key].computedScore ?? null)}→${formatScore(m.dimensions[key].score)}`,
      ),
    ].join('；'),
  }));

  const ranked = ctx.managers.flatMap((m) =>
    m.rank !== null && m.total !== null ? [{ rank: m.rank, name: m.name, total: m.total, grade: m.grade ?? NO_GRADE, vetoed: m.veto !== null }] : [],
  );
  const extraGrades = [...new Set(rows.map((r) => r.grade).filter((g) => !gradeLabels.includes(g)))];
  const counts = [...gradeLabels, ...extraGrades].map((grade) => ({ grade, count: rows.filter((r) => r.grade === grade).length }));

  return {
    headers: ['名次', '工号', '姓名', ...DIMENSION_KEYS.map((key) => DIMENSION_LABELS_ZH[key]), '总分', '等级', '一票否决', '备注'],
    rows,
    average: { scores: DIMENSION_KEYS.map((key) => ctx.averages[key]), total: ctx.averageTotal },
    notes: summaryNotes(ctx),
    rankingChart: rankingBarOption(ranked, gradeLabels),
    gradeChart: gradeDistributionOption(counts, gradeLabels),
  };
}

function summaryNotes(ctx: ReportContext): string[] {
  const { scheme } = ctx.input;
  const weights = DIMENSION_KEYS.map((key) => `${DIMENSION_LABELS_ZH[key]} ${scheme.weights[key]}`).join('，');
  const grades = scheme.grades.map((g, i) => (i === scheme.grades.length - 1 && g.min <= 0 ? `其余 ${g.label}` : `≥${g.min} ${g.label}`)).join('，');
  const notes = [
    `说明：`,
    `1. 总分 = Σ（权重 × 方面得分）÷ 有数据方面的权重之和，保留一位小数。权重：${weights}。`,
    `2. “无数据”表示该方面本月没有可用的数据，其权重不计入总分（既不按 0 分也不按满分计算）。`,
    `3. 带 * 的分数为主管手工调整后的分数；“备注”一列列出手工调整前后的分数（原因、调整人和时间见各客户经理的考评表）和数据不足时缺少的方面。`,
    `4. 等级：${grades}。`,
  ];
  if (scheme.veto.enabled) {
    notes.push(
      `5. 一票否决：受访零售户中不认识客户经理的达到 ${scheme.veto.unknownManagerMin} 户，或总体评价为不满意、非常不满意的问卷达到 ${Number((scheme.veto.dissatisfiedShare * 100).toFixed(1))}%，等级即为不合格，名次仍按总分排列。`,
    );
  }
  return notes;
}
