import type { MetricKey } from '../measures/dimensions';
import type { NumberFormat } from './reportModel';

/** 'yesno': a 0/1 metric shown as 是/否. */
export type MetricFormat = NumberFormat | 'yesno';

export interface MetricPresentation {
  label: string;
  format: MetricFormat;
}

/** How each metric of measures.md reads in the report. */
export const METRIC_PRESENTATION: Record<MetricKey, MetricPresentation> = {
  volume: { label: '订货量（条）', format: 'quantity' },
  volume_yoy: { label: '销量同比增长', format: 'percent' },
  key_brand_share: { label: '重点品牌占比', format: 'percent' },
  margin_rate: { label: '零售户毛利率', format: 'percent' },
  margin_vs_market: { label: '毛利率较全片区', format: 'percent' },
  present_days: { label: '在市场天数', format: 'count' },
  attendance_rate: { label: '出勤率', format: 'percent' },
  market_hours: { label: '每日在市场时长（小时，中位数）', format: 'hours' },
  coverage: { label: '零售户覆盖率', format: 'percent' },
  plan_compliance: { label: '拜访计划完成率', format: 'percent' },
  top3_share: { label: '前三户拜访占比', format: 'percent' },
  punch_anomalies: { label: '打卡异常（次）', format: 'count' },
  journal_rate: { label: '日志填写率', format: 'percent' },
  journal_chars: { label: '日志字数（中位数）', format: 'count' },
  short_entries: { label: '过短日志（条）', format: 'count' },
  perfunctory_entries: { label: '套话日志（条）', format: 'count' },
  self_copy: { label: '与本人日志雷同（条）', format: 'count' },
  cross_copy: { label: '与他人日志雷同（条）', format: 'count' },
  report_submitted: { label: '月度分析报告按时提交', format: 'yesno' },
  report_copy: { label: '月度报告与上月雷同', format: 'yesno' },
  problems_reported: { label: '反映问题（条）', format: 'count' },
  counter_ok_rate: { label: '柜台陈列及明码标价合格率', format: 'percent' },
  knowledge_score: { label: '市场了解抽查得分', format: 'score' },
  new_brand_reach: { label: '新品布点率', format: 'percent' },
  new_brand_growth: { label: '新品销量环比增长', format: 'percent' },
  reported: { label: '主动反映违规（条）', format: 'count' },
  missed: { label: '检查发现而未反映（起）', format: 'count' },
  order_score: { label: '市场规范得分', format: 'score' },
  fulfilment_rate: { label: '协议履约率', format: 'percent' },
  satisfaction: { label: '零售户满意度', format: 'score' },
  know_rate: { label: '认识客户经理的比例', format: 'percent' },
  complaints: { label: '不满意问卷（份）', format: 'count' },
};
