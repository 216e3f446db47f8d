/**
 * Closed value sets of data-kinds.md. Each set lists its canonical values and the
 * spellings real exports use for them (alias → canonical). Aliases are pairs, not
 * object keys, so that a cell text like "__proto__" can never hit a prototype member.
 */
export interface EnumSpec<T extends string = string> {
  values: readonly T[];
  aliases: readonly (readonly [alias: string, canonical: T])[];
  /** Accept a cell that starts with a known value ("上班 08:30" → 上班). */
  prefixMatch?: boolean;
  /** What the error message offers the user, when the canonical values are not what they type. */
  hintZh?: string;
}

const ROSTER_STATUSES = ['在岗', '离岗', '调离'] as const;
export type RosterStatus = (typeof ROSTER_STATUSES)[number];
export const ROSTER_STATUS: EnumSpec<RosterStatus> = {
  values: ROSTER_STATUSES,
  aliases: [
    ['正常', '在岗'],
    ['在职', '在岗'],
    ['离职', '离岗'],
    ['调出', '调离'],
  ],
};

const RETAILER_FORMATS = ['食杂店', '便利店', '超市', '商场', '烟酒商店', '娱乐服务类', '其他'] as const;
export type RetailerFormat = (typeof RETAILER_FORMATS)[number];
export const RETAILER_FORMAT: EnumSpec<RetailerFormat> = {
  values: RETAILER_FORMATS,
  aliases: [
    ['烟酒店', '烟酒商店'],
    ['娱乐服务', '娱乐服务类'],
    ['娱乐服务业', '娱乐服务类'],
    ['其它', '其他'],
  ],
};

const MARKET_TYPES = ['城镇', '乡村'] as const;
export type MarketType = (typeof MARKET_TYPES)[number];
export const MARKET_TYPE: EnumSpec<MarketType> = {
  values: MARKET_TYPES,
  aliases: [
    ['城网', '城镇'],
    ['城市', '城镇'],
    ['农网', '乡村'],
    ['农村', '乡村'],
  ],
};

const RETAILER_STATUSES = ['正常', '暂停', '注销'] as const;
export type RetailerStatus = (typeof RETAILER_STATUSES)[number];
export const RETAILER_STATUS: EnumSpec<RetailerStatus> = {
  values: RETAILER_STATUSES,
  aliases: [
    ['有效', '正常'],
    ['停业', '暂停'],
    ['歇业', '暂停'],
    ['已注销', '注销'],
  ],
};

const PRICE_CLASSES = ['一类', '二类', '三类', '四类', '五类'] as const;
export type PriceClass = (typeof PRICE_CLASSES)[number];
export const PRICE_CLASS: EnumSpec<PriceClass> = {
  values: PRICE_CLASSES,
  aliases: [
    ['1类', '一类'],
    ['2类', '二类'],
    ['3类', '三类'],
    ['4类', '四类'],
    ['5类', '五类'],
    ['一类烟', '一类'],
    ['二类烟', '二类'],
    ['三类烟', '三类'],
    ['四类烟', '四类'],
    ['五类烟', '五类'],
  ],
};

const VISIT_METHODS = ['走访', '电话', '微信'] as const;
export type VisitMethod = (typeof VISIT_METHODS)[number];
export const VISIT_METHOD: EnumSpec<VisitMethod> = {
  values: VISIT_METHODS,
  aliases: [
    ['上门', '走访'],
    ['实地走访', '走访'],
    ['电话拜访', '电话'],
    ['微信拜访', '微信'],
  ],
};

const VIOLATION_TYPES = ['无', '假烟', '私烟/非法渠道', '违禁品', '无证经营', '其他'] as const;
export type ViolationType = (typeof VIOLATION_TYPES)[number];
export const VIOLATION_TYPE: EnumSpec<ViolationType> = {
  values: VIOLATION_TYPES,
  aliases: [
    ['正常', '无'],
    ['无违规', '无'],
    ['未发现', '无'],
    ['未发现违规', '无'],
    ['假冒', '假烟'],
    ['假冒卷烟', '假烟'],
    ['私烟', '私烟/非法渠道'],
    ['非法渠道', '私烟/非法渠道'],
    ['走私烟', '私烟/非法渠道'],
    ['非法渠道进货', '私烟/非法渠道'],
    ['私烟、非法渠道', '私烟/非法渠道'],
    ['违禁物品', '违禁品'],
    ['无证', '无证经营'],
    ['其它', '其他'],
  ],
};

const PUNCH_KINDS = ['上班', '下班', '外出'] as const;
export type PunchKind = (typeof PUNCH_KINDS)[number];
export const PUNCH_KIND: EnumSpec<PunchKind> = {
  values: PUNCH_KINDS,
  aliases: [
    ['上班打卡', '上班'],
    ['下班打卡', '下班'],
    ['外出打卡', '外出'],
    ['外勤', '外出'],
    ['外勤打卡', '外出'],
    ['签到', '外出'],
  ],
  // DingTalk's 考勤时间 holds the scheduled slot with its time: "上班 08:30".
  prefixMatch: true,
};

const REPORT_KINDS = ['周记', '月报'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const REPORT_KIND: EnumSpec<ReportKind> = {
  values: REPORT_KINDS,
  aliases: [
    ['周报', '周记'],
    ['工作周记', '周记'],
    ['月度报告', '月报'],
    ['月度市场分析', '月报'],
    ['月度市场分析报告', '月报'],
    ['市场分析报告', '月报'],
  ],
};

const SURVEY_METHODS = ['入户', '电话'] as const;
export type SurveyMethod = (typeof SURVEY_METHODS)[number];
export const SURVEY_METHOD: EnumSpec<SurveyMethod> = {
  values: SURVEY_METHODS,
  aliases: [
    ['上门', '入户'],
    ['面访', '入户'],
    ['入户调查', '入户'],
    ['电话调查', '电话'],
    ['电访', '电话'],
  ],
};

const SATISFACTION_LEVELS = ['非常满意', '满意', '一般', '不满意', '非常不满意'] as const;
export type SatisfactionLevel = (typeof SATISFACTION_LEVELS)[number];
export const SATISFACTION_LEVEL: EnumSpec<SatisfactionLevel> = {
  values: SATISFACTION_LEVELS,
  aliases: [
    ['很满意', '非常满意'],
    ['很不满意', '非常不满意'],
  ],
};

const SPOTCHECK_ITEMS = ['retailer_count', 'route_volume', 'tier_count'] as const;
export type SpotcheckItem = (typeof SPOTCHECK_ITEMS)[number];
export const SPOTCHECK_ITEM: EnumSpec<SpotcheckItem> = {
  values: SPOTCHECK_ITEMS,
  aliases: [
    ['辖区零售户数', 'retailer_count'],
    ['零售户数', 'retailer_count'],
    ['辖区户数', 'retailer_count'],
    ['线路月销量', 'route_volume'],
    ['线路销量', 'route_volume'],
    ['档位户数', 'tier_count'],
    ['档位结构', 'tier_count'],
  ],
  hintZh: '辖区零售户数、线路月销量、档位户数',
};

/** The seven survey items of data-kinds.md; records key item scores by these names. */
export const SURVEY_ITEM_NAMES = [
  '拜访及时性',
  '服务态度',
  '政策信息传递',
  '经营指导',
  '订货服务',
  '送货服务',
  '投诉处理',
] as const;
