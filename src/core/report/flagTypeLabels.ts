import type { FlagType } from '../measures/dimensions';

export const FLAG_TYPE_LABELS_ZH: Record<FlagType, string> = {
  'attendance.absent': '工作日无打卡',
  'attendance.concentration': '拜访集中',
  'attendance.out_of_area': '片区外打卡',
  'attendance.impossible_travel': '行程速度异常',
  'attendance.off_hours': '非工作时段打卡',
  'attendance.duplicate': '重复打卡',
  'attendance.mock_location': '定位异常',
  'records.self_copy': '日志与本人雷同',
  'records.cross_copy': '日志与他人雷同',
  'records.report_missing': '月报未按时提交',
  'records.report_copy': '月报与上月雷同',
  'records.short_entries': '日志过短',
  'records.perfunctory': '日志套话',
  'order.missed': '违规未反映',
  'evaluation.unknown_manager': '零售户不认识客户经理',
  'evaluation.low_satisfaction': '满意度低',
  'evaluation.veto': '一票否决',
  'area.no_retailers': '没有分配零售户',
  'attendance.no_punches': '本月无打卡',
  'records.no_journals': '本月无日志',
};
