/**
 * The Chinese sentences of flags, scoring rules and evidence rows, by code ('flag.attendance.absent', 'rule.linear'):
 * the report's text, and the zh-CN resource the renderer fills through i18next (the en one mirrors
 * these keys). {{name, format}} names a parameter and one of MESSAGE_FORMATS.
 */
export const MESSAGE_TEMPLATES_ZH = {
  flag: {
    attendance: {
      absent: '{{day, kdate}}（工作日）没有任何打卡记录',
      concentration: '拜访集中在少数零售户：前三户占全部 {{total}} 次拜访的 {{share, kpercent}}（{{top, kvisits}}）',
      outOfArea: '{{day, kdate}} {{at, ktime}} 在「{{retailer}}」打卡，不在本人片区（该户当日属 {{owner}}）',
      outOfAreaUnassigned: '{{day, kdate}} {{at, ktime}} 在「{{retailer}}」打卡，不在本人片区（该户当日未分配客户经理）',
      offHours: '{{day, kdate}} {{at, ktime}} 打卡，不在 {{window}} 工作时段内',
      duplicate: '{{day, kdate}} {{at, ktime}} 在「{{retailer}}」同一分钟内打卡 {{n}} 次',
      mockLocation: '{{day, kdate}} {{at, ktime}} 打卡定位异常（模拟定位）',
      locationAnomaly: '{{day, kdate}} {{at, ktime}} 打卡定位异常（{{anomaly}}）',
      travelInstant: '{{day, kdate}} {{at, ktime}} 同一时刻两次打卡相距 {{km}} 公里',
      travel: '{{day, kdate}} {{at, ktime}} 与 {{at2, ktime}} 两次打卡相距 {{km}} 公里，折合时速 {{kmh}} 公里',
      travelOvernight: '{{day, kdate}} {{at, ktime}} 与 {{day2, kdate}} {{at2, ktime}} 两次打卡相距 {{km}} 公里，折合时速 {{kmh}} 公里',
      noPunches: '本月无打卡：片区已导入本月考勤，本人 {{workdays}} 个工作日没有一条打卡记录，出勤按 0 天计',
    },
    records: {
      selfCopy: '{{n}} 条日志与本人其他日期的日志雷同，如 {{day, kdate}} 与 {{day2, kdate}} 的日志（相似度 {{similarity, kpercent}}）',
      crossCopy: '{{n}} 条日志与他人更早或同日的日志雷同，如 {{day, kdate}} 的日志与 {{other}} {{day2, kdate}} 的日志（相似度 {{similarity, kpercent}}）',
      shortEntries: '{{n}} 条日志不足 {{min}} 字，如 {{day, kdate}}「{{content}}」',
      perfunctory: '{{n}} 条日志只有多位客户经理通用的套话，没有当天的具体内容，如 {{day, kdate}}「{{content}}」',
      reportMissing: '{{month, kmonth}}月度市场分析报告未提交（应于 {{due, kdate}} 前提交）',
      reportLate: '{{month, kmonth}}月度市场分析报告于 {{day, kdate}} 提交，晚于 {{due, kdate}} 的期限',
      reportCopy: '{{month, kmonth}}月度市场分析报告与{{previous, kmonth}}的报告雷同（相似度 {{similarity, kpercent}}）',
      noJournals: '本月无日志：片区已导入本月工作日志，本人没有一条，日志率按 0 计，雷同与过短无从统计',
    },
    order: {
      missed: '{{day, kdate}} 专卖检查在「{{retailer}}」查出「{{violation}}」，此前 {{days}} 天内本人日志未反映',
      missedNoRetailer: '{{day, kdate}} 专卖检查查出「{{violation}}」，此前 {{days}} 天内本人日志未反映',
    },
    evaluation: {
      unknownManager: '{{n}} 位受访零售户不认识客户经理：{{surveys, kdatedlist}}',
      lowSatisfaction: '零售户满意度 {{score}} 分，低于 {{threshold}} 分（{{surveys}} 份问卷）',
    },
    area: {
      noRetailers: '本月没有分配零售户：硬性指标、品牌销量、市场规范、履约率、市场评价无数据',
    },
    veto: {
      unknown: '一票否决：{{unknown}} 户受访零售户不认识客户经理（达到 {{unknownMin}} 户即否决）',
      dissatisfied: '一票否决：{{total}} 份问卷中有 {{dissatisfied}} 份总体评价为不满意或非常不满意（占 {{share}}，达到 {{shareMin}} 即否决）',
      both:
        '一票否决：{{unknown}} 户受访零售户不认识客户经理（达到 {{unknownMin}} 户即否决）；' +
        '{{total}} 份问卷中有 {{dissatisfied}} 份总体评价为不满意或非常不满意（占 {{share}}，达到 {{shareMin}} 即否决）',
    },
  },
  /** The descriptions of evidence rows (loadEvidence): labels around the row's own data, which stays as stored. */
  evidence: {
    /** Between the parts of a row's note. */
    separator: '；',
    /** A part that is the row's own data (a title, an inspector's note). */
    raw: '{{value}}',
    calendar: {
      workday: '工作日历：工作日；当天打卡：无',
      makeUpWorkday: '工作日历：调休上班（工作日）；当天打卡：无',
      restDay: '工作日历：休息日；当天打卡：无',
      holiday: '工作日历：休息日（{{holiday}}）；当天打卡：无',
      unknown: '工作日历中没有这一天',
    },
    attendance: {
      absence: '缺勤记录',
      absenceResult: '缺勤记录：{{result}}',
      punch: '打卡',
      punchAt: '打卡 {{time}}',
      place: '，地点：{{value}}',
      visited: '，拜访：{{value}}',
      kind: '类型：{{value}}',
      result: '结果：{{value}}',
      anomaly: '异常：{{value}}',
      source: '数据来源：{{value}}',
      mockLocation: '模拟定位',
    },
    journals: {
      problems: '发现问题：{{value}}',
      violation: '违规情况：{{value}}',
    },
    reports: {
      period: '{{kind}} {{period}}',
      submitted: '提交于 {{date}}',
      notSubmitted: '未填提交日期',
    },
    surveys: {
      overall: '总体评价：{{value}}',
      overallMissing: '总体评价：未填',
      comments: '；意见：{{value}}',
      knowsManager: '认识客户经理：是',
      doesNotKnowManager: '认识客户经理：否',
      method: '调查方式：{{value}}',
    },
    inspections: {
      inspector: '检查人：{{value}}',
    },
    orders: {
      quantity: '{{brand}} {{quantity}} 条',
      quantityUnknownBrand: '未知品规 {{quantity}} 条',
    },
    retailers: {
      tier: '档位 {{tier}}',
      route: '线路：{{value}}',
    },
  },
  rule: {
    linear: '线性：{{floor}}→{{target}} 得 0→100',
    linearLower: '线性：{{floor}}→{{target}} 得 0→100（越低越好）',
    yesScores: '是 得 100，否 得 0',
    noScores: '否 得 100，是 得 0',
    districtAtLeast: '对比片区：不低于片区值得 100，低于片区值 {{band}} 得 0',
    districtAtLeastPoints: '对比片区：不低于片区值得 100，低于片区值 {{band}} 个百分点 得 0',
    districtAtLeastRatio: '对比片区：不低于片区值得 100，低于时按与片区值的差距比例扣分',
    districtAtMost: '对比片区：不高于片区值得 100，高出片区值 {{band}} 得 0',
    districtAtMostPoints: '对比片区：不高于片区值得 100，高出片区值 {{band}} 个百分点 得 0',
    districtAtMostRatio: '对比片区：不高于片区值得 100，高出时按与片区值的差距比例扣分',
    rank: '片区内排名：第一名 100，末名 0',
    rankLower: '片区内排名：第一名 100，末名 0（越低越好）',
    manual: '主管人工评分',
    notScored: '不计分，仅供参考',
  },
};
