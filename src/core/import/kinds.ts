import { KIND_KEYS, type KindKey } from '../../shared/kindKeys';
import {
  MARKET_TYPE,
  PRICE_CLASS,
  PUNCH_KIND,
  REPORT_KIND,
  RETAILER_FORMAT,
  RETAILER_STATUS,
  ROSTER_STATUS,
  SATISFACTION_LEVEL,
  SPOTCHECK_ITEM,
  SURVEY_METHOD,
  VIOLATION_TYPE,
  VISIT_METHOD,
  type EnumSpec,
} from './enums';

/** The twelve spreadsheet kinds of data-kinds.md; the contract in src/shared names them. */
export type KindName = KindKey;

/** Dependency order: what other kinds refer to comes first. */
export const KIND_NAMES: readonly KindName[] = KIND_KEYS;

export const KIND_LABELS_ZH: Record<KindName, string> = {
  roster: '客户经理花名册',
  retailers: '零售客户档案',
  brands: '品规目录',
  calendar: '工作日历',
  journals: '工作日志',
  attendance: '考勤打卡',
  reports: '周记/月度市场分析报告',
  surveys: '零售客户满意度调查',
  orders: '订单明细',
  agreements: '协议量',
  inspections: '专卖市场检查记录',
  spotchecks: '市场了解抽查',
};

/**
 * 'code' is an identifier that must stay a string (licence, customer code, 工号, 卷烟编码);
 * 'month' is 'YYYY-MM'; 'period' is 'YYYY-MM' or 'YYYY-Www'.
 */
export type FieldType =
  | 'text'
  | 'int'
  | 'number'
  | 'date'
  | 'datetime'
  | 'time'
  | 'bool'
  | 'enum'
  | 'code'
  | 'month'
  | 'period';

export interface FieldSpec {
  key: string;
  labelZh: string;
  type: FieldType;
  /**
   * Must be present. A field with a requiredGroup is required together with the other
   * members of its group: any one of them present satisfies the group.
   */
  required: boolean;
  requiredGroup?: string;
  /** Header names, matched after normalizeHeader. */
  synonyms: readonly string[];
  enumValues?: readonly string[];
  enumSpec?: EnumSpec;
  min?: number;
  max?: number;
  /** A cigarette volume in 条: headers or values in 箱/万支/支/包 are converted. */
  volume?: boolean;
  /** A 烟草专卖许可证号: 12 digits; numbers that lost leading zeros are padded. */
  licence?: boolean;
  /** Extra yes/no spellings this field accepts (a calendar's 班/休). */
  boolExtra?: readonly (readonly [text: string, value: boolean])[];
  /** The kind's record builder checks this field's presence per row itself. */
  presenceCheckedByRecord?: boolean;
}

export interface KindSpec {
  kind: KindName;
  labelZh: string;
  fields: readonly FieldSpec[];
}

type FieldOptions = Partial<Omit<FieldSpec, 'key' | 'labelZh' | 'type' | 'synonyms'>>;

function field(key: string, labelZh: string, type: FieldType, synonyms: readonly string[], options: FieldOptions = {}): FieldSpec {
  return { key, labelZh, type, synonyms, required: false, ...options };
}

function enumField(key: string, labelZh: string, spec: EnumSpec, synonyms: readonly string[], options: FieldOptions = {}): FieldSpec {
  return field(key, labelZh, 'enum', synonyms, { enumSpec: spec, enumValues: spec.values, ...options });
}

const REQUIRED = { required: true } as const;
const oneOf = (group: string): FieldOptions => ({ required: true, requiredGroup: group });

const LICENCE_SYNONYMS = ['许可证号', '专卖许可证号', '烟草专卖许可证号', '许可证编号'];
const CUSTOMER_CODE_SYNONYMS = ['客户编码', '客户代码'];
const MANAGER_CODE_SYNONYMS = ['工号', '客户经理工号', '员工编号'];
const MANAGER_NAME_SYNONYMS = ['姓名', '客户经理', '客户经理姓名'];

/** A retailer reference: the licence or the customer code (either identifies the retailer). */
function retailerRef(required: boolean): FieldSpec[] {
  const options: FieldOptions = required ? oneOf('retailer') : {};
  return [
    field('licence', '许可证号', 'code', LICENCE_SYNONYMS, { ...options, licence: true }),
    field('customerCode', '客户编码', 'code', CUSTOMER_CODE_SYNONYMS, options),
  ];
}

function managerRef(): FieldSpec[] {
  return [
    field('managerCode', '工号', 'code', MANAGER_CODE_SYNONYMS, oneOf('manager')),
    field('managerName', '姓名', 'text', MANAGER_NAME_SYNONYMS, oneOf('manager')),
  ];
}

function kindSpec(kind: KindName, fields: readonly FieldSpec[]): KindSpec {
  return { kind, labelZh: KIND_LABELS_ZH[kind], fields };
}

export const KIND_SPECS: Record<KindName, KindSpec> = {
  roster: kindSpec('roster', [
    field('code', '工号', 'code', ['工号', '员工编号', '客户经理工号', '编号'], REQUIRED),
    field('name', '姓名', 'text', ['姓名', '客户经理', '客户经理姓名'], REQUIRED),
    field('department', '部门', 'text', ['营销部', '部门', '所属部门', '中心']),
    field('area', '片区', 'text', ['片区', '所属片区', '市场部']),
    field('routes', '服务线路', 'text', ['服务线路', '负责线路', '线路']),
    field('phone', '手机', 'text', ['手机', '手机号', '联系电话']),
    field('dingtalkId', '钉钉UserId', 'text', ['UserId', '钉钉UserId', '企业微信账号', '账号']),
    field('hiredOn', '入职日期', 'date', ['入职日期']),
    enumField('status', '在岗状态', ROSTER_STATUS, ['状态', '在岗状态']),
    field('leftOn', '离职日期', 'date', ['离职日期', '调离日期', '离岗日期']),
  ]),
  retailers: kindSpec('retailers', [
    field('licence', '许可证号', 'code', LICENCE_SYNONYMS, { required: true, licence: true }),
    field('customerCode', '客户编码', 'code', CUSTOMER_CODE_SYNONYMS),
    field('name', '客户名称', 'text', ['客户名称', '零售户名称', '店名', '商户名称'], REQUIRED),
    field('owner', '负责人', 'text', ['负责人', '经营者', '业主']),
    field('phone', '电话', 'text', ['电话', '联系电话']),
    field('address', '经营地址', 'text', ['经营地址', '地址']),
    field('longitude', '经度', 'number', ['经度'], { min: -180, max: 180 }),
    field('latitude', '纬度', 'number', ['纬度'], { min: -90, max: 90 }),
    enumField('format', '业态', RETAILER_FORMAT, ['业态']),
    enumField('market', '市场类型', MARKET_TYPE, ['市场类型', '城乡', '城乡分类']),
    field('tier', '档位', 'int', ['档位', '客户档位'], { min: 1, max: 30 }),
    field('route', '送货线路', 'text', ['送货线路', '线路', '服务线路']),
    field('managerCode', '客户经理工号', 'code', ['客户经理工号', '工号']),
    field('managerName', '客户经理', 'text', ['客户经理', '客户经理姓名']),
    enumField('status', '状态', RETAILER_STATUS, ['状态']),
    // The day the row's manager takes the retailer over, when not the 1st of the file's month.
    field('assignedFrom', '生效日期', 'date', ['生效日期', '分配日期', '划转日期', '变更日期']),
  ]),
  brands: kindSpec('brands', [
    field('code', '卷烟编码', 'code', ['卷烟编码', '商品编码', '条码', '品规编码'], REQUIRED),
    field('name', '卷烟名称', 'text', ['卷烟名称', '品规名称', '卷烟规格', '商品名称'], REQUIRED),
    field('brand', '品牌', 'text', ['品牌']),
    enumField('priceClass', '价类', PRICE_CLASS, ['价类']),
    field('wholesalePrice', '批发价', 'number', ['批发价'], { min: 0 }),
    field('retailPrice', '建议零售价', 'number', ['建议零售价', '零售价', '零售指导价'], { min: 0 }),
    field('keyBrand', '重点品牌', 'bool', ['是否重点品牌', '重点品牌']),
    field('newBrand', '新品', 'bool', ['是否新品', '新品']),
    field('launchedOn', '上市日期', 'date', ['上市日期']),
  ]),
  calendar: kindSpec('calendar', [
    field('date', '日期', 'date', ['日期'], REQUIRED),
    field('workday', '是否工作日', 'bool', ['是否工作日', '工作日'], {
      required: true,
      boolExtra: [
        ['班', true],
        ['上班', true],
        ['工作日', true],
        ['休', false],
        ['休息', false],
        ['休息日', false],
        ['节假日', false],
      ],
    }),
    field('note', '说明', 'text', ['说明', '节假日']),
  ]),
  journals: kindSpec('journals', [
    field('date', '日期', 'date', ['日期', '拜访日期', '工作日期'], REQUIRED),
    ...managerRef(),
    ...retailerRef(false),
    field('retailerName', '客户名称', 'text', ['客户名称', '零售户', '零售户名称']),
    field('arrivedAt', '到店时间', 'time', ['到店时间']),
    field('leftAt', '离店时间', 'time', ['离店时间']),
    enumField('method', '拜访方式', VISIT_METHOD, ['拜访方式']),
    field('content', '日志内容', 'text', ['日志内容', '工作内容', '拜访内容', '内容'], REQUIRED),
    field('problems', '发现问题', 'text', ['发现问题', '存在问题']),
    field('actions', '处理情况', 'text', ['处理情况', '处理结果']),
    field('priceMarked', '明码标价', 'bool', ['明码标价']),
    field('displayOk', '陈列规范', 'bool', ['陈列规范', '陈列']),
    enumField('violation', '违规情况', VIOLATION_TYPE, ['违规情况', '市场违规']),
  ]),
  attendance: kindSpec('attendance', [
    // 工号/卡号, UserId/账号 and 姓名 are different identifiers of the same manager.
    field('managerCode', '工号', 'code', ['工号', '卡号', '员工编号', '客户经理工号'], oneOf('manager')),
    field('managerUserId', 'UserId', 'code', ['UserId', '钉钉UserId', '账号', '企业微信账号'], oneOf('manager')),
    field('managerName', '姓名', 'text', ['姓名', '客户经理', '客户经理姓名'], oneOf('manager')),
    // A date-time in one cell, or only a time next to a date column; absences have no time.
    field('at', '打卡时间', 'datetime', ['打卡时间', '签到时间', '刷卡时间', '时间'], {
      required: true,
      presenceCheckedByRecord: true,
    }),
    field('date', '考勤日期', 'date', ['考勤日期', '打卡日期', '签到日期', '日期']),
    // DingTalk's 考勤时间 is the scheduled slot ("上班 08:30"), not the punch time.
    enumField('kind', '打卡类型', PUNCH_KIND, ['打卡类型', '考勤时间', '签到类型']),
    field('result', '打卡结果', 'text', ['打卡结果', '打卡状态']),
    field('anomaly', '异常打卡原因', 'text', ['异常打卡原因', '异常原因']),
    field('address', '打卡地址', 'text', ['打卡地址', '签到地址', '地点', '签到地点', '打卡地点']),
    field('longitude', '经度', 'number', ['经度'], { min: -180, max: 180 }),
    field('latitude', '纬度', 'number', ['纬度'], { min: -90, max: 90 }),
    ...retailerRef(false),
    field('visited', '拜访对象', 'text', ['拜访对象', '打卡备注', '备注']),
    field('device', '打卡设备', 'text', ['打卡设备', '设备', '终端号']),
    // 补打卡 / 补卡审批 here marks a punch filled in afterwards: kept and shown, never dropped.
    field('source', '数据来源', 'text', ['数据来源', '打卡来源', '来源']),
  ]),
  reports: kindSpec('reports', [
    field('managerCode', '工号', 'code', MANAGER_CODE_SYNONYMS, oneOf('manager')),
    field('managerName', '姓名', 'text', ['姓名', '客户经理', '客户经理姓名'], oneOf('manager')),
    field('period', '月份/周次', 'period', ['月份', '年月', '年周', '周次', '报告月份'], REQUIRED),
    enumField('kind', '类型', REPORT_KIND, ['类型', '报告类型']),
    field('title', '标题', 'text', ['标题']),
    field('body', '报告内容', 'text', ['正文', '内容', '报告内容'], REQUIRED),
    field('submittedOn', '提交日期', 'date', ['提交日期', '提交时间']),
  ]),
  surveys: kindSpec('surveys', [
    field('surveyId', '问卷编号', 'code', ['问卷编号']),
    field('date', '调查日期', 'date', ['调查日期', '日期'], REQUIRED),
    ...retailerRef(true),
    enumField('method', '调查方式', SURVEY_METHOD, ['方式', '调查方式']),
    field('knowsManager', '是否认识客户经理', 'bool', ['是否认识客户经理', '认识客户经理', '知晓客户经理'], REQUIRED),
    field('namesManager', '能否说出客户经理姓名', 'bool', ['能否说出客户经理姓名']),
    field('visitsLastMonth', '上月拜访次数', 'int', ['上月拜访次数'], { min: 0 }),
    field('itemVisitTimeliness', '拜访及时性', 'int', ['拜访及时性'], { min: 1, max: 5 }),
    field('itemServiceAttitude', '服务态度', 'int', ['服务态度'], { min: 1, max: 5 }),
    field('itemPolicyInfo', '政策信息传递', 'int', ['政策信息传递'], { min: 1, max: 5 }),
    field('itemBusinessGuidance', '经营指导', 'int', ['经营指导'], { min: 1, max: 5 }),
    field('itemOrderingService', '订货服务', 'int', ['订货服务'], { min: 1, max: 5 }),
    field('itemDeliveryService', '送货服务', 'int', ['送货服务'], { min: 1, max: 5 }),
    field('itemComplaintHandling', '投诉处理', 'int', ['投诉处理'], { min: 1, max: 5 }),
    enumField('overall', '总体满意度', SATISFACTION_LEVEL, ['总体满意度']),
    field('comments', '意见建议', 'text', ['意见建议', '建议']),
  ]),
  orders: kindSpec('orders', [
    field('date', '订货日期', 'date', ['订单日期', '订货日期', '日期'], REQUIRED),
    ...retailerRef(true),
    field('brandCode', '卷烟编码', 'code', ['卷烟编码', '商品编码'], oneOf('brand')),
    // The marketing system's order export names the brand in 商品名称.
    field('brandName', '卷烟名称', 'text', ['卷烟名称', '卷烟规格', '品规', '商品名称'], oneOf('brand')),
    field('demand', '需求量', 'number', ['需求量'], { volume: true }),
    // Negative quantities are returns (退货/冲红) and stay negative.
    field('quantity', '订购量', 'number', ['订购量', '订货量', '销量', '数量'], { required: true, volume: true }),
    field('supplied', '供货量', 'number', ['供货量'], { volume: true }),
    field('wholesalePrice', '批发价', 'number', ['批发价'], { min: 0 }),
    field('amount', '金额', 'number', ['金额']),
    field('retailPrice', '建议零售价', 'number', ['建议零售价', '零售价', '零售指导价'], { min: 0 }),
    field('orderNo', '订单编号', 'code', ['订单编号', '订单号']),
  ]),
  agreements: kindSpec('agreements', [
    field('month', '协议月份', 'month', ['月份', '协议月份'], REQUIRED),
    ...retailerRef(true),
    field('agreed', '协议量', 'number', ['协议量', '约定量', '协议订购量'], { required: true, volume: true, min: 0 }),
    field('brandCode', '卷烟编码', 'code', ['卷烟编码']),
  ]),
  inspections: kindSpec('inspections', [
    field('date', '检查日期', 'date', ['检查日期', '日期'], REQUIRED),
    ...retailerRef(true),
    enumField('violation', '违规类型', VIOLATION_TYPE, ['违规类型', '案件类型', '检查结果'], REQUIRED),
    field('inspector', '检查人员', 'text', ['检查人员', '专管员']),
    field('notes', '处理结果', 'text', ['处理结果', '备注']),
  ]),
  spotchecks: kindSpec('spotchecks', [
    field('date', '抽查日期', 'date', ['抽查日期', '日期'], REQUIRED),
    ...managerRef(),
    enumField('item', '抽查项目', SPOTCHECK_ITEM, ['抽查项目'], REQUIRED),
    field('subject', '线路/档位', 'text', ['线路', '档位']),
    field('answer', '回答', 'number', ['回答', '回答值', '经理回答'], { required: true, min: 0 }),
  ]),
};

const KIND_NAME_SET: ReadonlySet<string> = new Set(KIND_NAMES);

export function isKindName(value: string): value is KindName {
  return KIND_NAME_SET.has(value);
}

/** One required unit of a kind: a required field, or a one-of group of fields. */
export interface RequiredUnit {
  /** The field key, or the group's member keys joined with '|'. */
  key: string;
  fields: readonly FieldSpec[];
  /** "工号/姓名（至少一项）" or the field's label. */
  labelZh: string;
}

export function requiredUnitsOf(spec: KindSpec): RequiredUnit[] {
  const order: (FieldSpec | string)[] = [];
  const groups = new Map<string, FieldSpec[]>();
  for (const f of spec.fields) {
    if (!f.required) continue;
    if (f.requiredGroup === undefined) {
      order.push(f);
      continue;
    }
    let members = groups.get(f.requiredGroup);
    if (!members) {
      members = [];
      groups.set(f.requiredGroup, members);
      order.push(f.requiredGroup);
    }
    members.push(f);
  }
  return order.map((item) => {
    if (typeof item !== 'string') return { key: item.key, fields: [item], labelZh: item.labelZh };
    const members = groups.get(item) ?? [];
    return {
      key: members.map((f) => f.key).join('|'),
      fields: members,
      labelZh: `${members.map((f) => f.labelZh).join('/')}（至少一项）`,
    };
  });
}
