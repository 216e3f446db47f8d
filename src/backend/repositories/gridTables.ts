import { sql, type RawBuilder } from 'kysely';
import type { NumberKind } from '../../core/format/numberFormat';
import type { ColumnType, GridKind } from '../../shared/api/dataApi';

/** Tables joined to a grid's base table (alias t), by alias. */
export type JoinAlias = 'm' | 'r' | 'b';

export const JOINS: Record<JoinAlias, { table: string; foreignKey: string }> = {
  m: { table: 'managers', foreignKey: 'manager_id' },
  r: { table: 'retailers', foreignKey: 'retailer_id' },
  b: { table: 'brands', foreignKey: 'brand_id' },
};

export interface GridColumnSpec {
  field: string;
  label: string;
  type: ColumnType;
  visible: boolean;
  /** For a number column: how it reads on screen and in an exported workbook. */
  format?: NumberKind;
  /** The column's value: an expression over t and the joins it names. */
  expr: RawBuilder<unknown>;
  joins: JoinAlias[];
  /** Searched by the quick filter (text columns are, unless said otherwise). */
  quick: boolean;
  /**
   * A column of a joined table (or that column, else one of t's for unlinked rows): filters on it
   * become "t.fk in (select id from the joined table where …)", which uses the foreign-key index
   * instead of joining every row of a million-row table.
   */
  semi?: { alias: JoinAlias; column: string; fallback?: string };
}

export type MonthFilter = { column: string; kind: 'date' | 'month' | 'period' };

export interface GridTableSpec {
  table: string;
  columns: GridColumnSpec[];
  /** How a month narrows the table; master data has none. */
  month: MonthFilter | null;
  /** Default order: newest first by this column (then id). */
  defaultSort: { field: string; sort: 'asc' | 'desc' } | null;
}

interface ColumnOptions {
  visible?: boolean;
  format?: NumberKind;
  quick?: boolean;
  joins?: JoinAlias[];
}

function col(field: string, label: string, type: ColumnType, expr: RawBuilder<unknown>, opts: ColumnOptions = {}): GridColumnSpec {
  const textual = type === 'text' || type === 'longtext';
  return {
    field,
    label,
    type,
    expr,
    visible: opts.visible ?? true,
    quick: opts.quick ?? textual,
    joins: opts.joins ?? [],
    ...(opts.format ? { format: opts.format } : {}),
  };
}

const ref = (column: string) => sql`${sql.ref(column)}`;
/** A 0/1 column shown as 是/否, so text filters and sorting work on what the user sees. */
const yesNo = (column: string) => sql`case when ${sql.ref(column)} = 1 then '是' when ${sql.ref(column)} = 0 then '否' end`;

const text = (field: string, label: string, column: string, opts?: ColumnOptions) => col(field, label, 'text', ref(column), opts);
const num = (field: string, label: string, column: string, opts?: ColumnOptions) => col(field, label, 'number', ref(column), opts);
const date = (field: string, label: string, column: string, opts?: ColumnOptions) => col(field, label, 'date', ref(column), opts);
const bool = (field: string, label: string, column: string, opts?: ColumnOptions) =>
  col(field, label, 'bool', yesNo(column), { quick: false, ...opts });

/** A text column of a joined table; with a fallback, t's own column shows for unlinked rows. */
function joined(field: string, label: string, alias: JoinAlias, column: string, fallback?: string, opts: ColumnOptions = {}): GridColumnSpec {
  const expr = fallback
    ? sql`coalesce(${sql.ref(`${alias}.${column}`)}, ${sql.ref(`t.${fallback}`)})`
    : sql`${sql.ref(`${alias}.${column}`)}`;
  return { ...col(field, label, 'text', expr, { ...opts, joins: [alias] }), semi: { alias, column, fallback } };
}

const managerCode = (opts: ColumnOptions = {}) => joined('managerCode', '工号', 'm', 'code', undefined, opts);
const managerName = () => joined('managerName', '客户经理', 'm', 'name');
const retailerName = () => joined('retailerName', '零售户', 'r', 'name');
/** The retailer's licence, else the reference as written in the file (a licence or customer code). */
const retailerLicence = (opts: ColumnOptions = {}) => joined('licence', '许可证号', 'r', 'licence', 'retailer_ref', opts);

export const GRID_TABLES: Record<GridKind, GridTableSpec> = {
  managers: {
    table: 'managers',
    month: null,
    defaultSort: null,
    columns: [
      text('code', '工号', 't.code'),
      text('name', '姓名', 't.name'),
      text('department', '部门', 't.department'),
      text('area', '片区', 't.area'),
      text('routes', '服务线路', 't.routes'),
      text('phone', '手机', 't.phone', { visible: false }),
      text('dingtalkId', '钉钉UserId', 't.dingtalk_id', { visible: false }),
      date('hiredOn', '入职日期', 't.hired_on', { visible: false }),
      text('status', '在岗状态', 't.status'),
    ],
  },
  retailers: {
    table: 'retailers',
    month: null,
    defaultSort: null,
    columns: [
      text('licence', '许可证号', 't.licence'),
      text('customerCode', '客户编码', 't.customer_code', { visible: false }),
      text('name', '零售户', 't.name'),
      text('owner', '负责人', 't.owner'),
      text('phone', '电话', 't.phone', { visible: false }),
      text('address', '经营地址', 't.address'),
      text('format', '业态', 't.format'),
      text('market', '市场类型', 't.market'),
      num('tier', '档位', 't.tier', { format: 'plain' }),
      text('route', '送货线路', 't.route'),
      text('managerCode', '客户经理工号', 't.manager_code', { visible: false }),
      text('managerName', '客户经理', 't.manager_name'),
      num('longitude', '经度', 't.longitude', { visible: false, format: 'coordinate' }),
      num('latitude', '纬度', 't.latitude', { visible: false, format: 'coordinate' }),
      text('status', '状态', 't.status'),
    ],
  },
  brands: {
    table: 'brands',
    month: null,
    defaultSort: null,
    columns: [
      text('code', '卷烟编码', 't.code'),
      text('name', '卷烟名称', 't.name'),
      text('brand', '品牌', 't.brand'),
      text('priceClass', '价类', 't.price_class'),
      num('wholesalePrice', '批发价', 't.wholesale_price', { format: 'money' }),
      num('retailPrice', '建议零售价', 't.retail_price', { format: 'money' }),
      bool('keyBrand', '重点品牌', 't.key_brand'),
      bool('newBrand', '新品', 't.new_brand'),
      date('launchedOn', '上市日期', 't.launched_on', { visible: false }),
    ],
  },
  journals: {
    table: 'journals',
    month: { column: 'date', kind: 'date' },
    defaultSort: { field: 'date', sort: 'desc' },
    columns: [
      date('date', '日期', 't.date'),
      managerCode(),
      managerName(),
      joined('retailerName', '零售户', 'r', 'name', 'retailer_name'),
      retailerLicence(),
      text('arrivedAt', '到店时间', 't.arrived_at', { visible: false, quick: false }),
      text('leftAt', '离店时间', 't.left_at', { visible: false, quick: false }),
      text('method', '拜访方式', 't.method'),
      col('content', '日志内容', 'longtext', ref('t.content')),
      col('problems', '发现问题', 'longtext', ref('t.problems')),
      col('actions', '处理情况', 'longtext', ref('t.actions'), { visible: false }),
      bool('priceMarked', '明码标价', 't.price_marked', { visible: false }),
      bool('displayOk', '陈列规范', 't.display_ok', { visible: false }),
      text('violation', '违规情况', 't.violation'),
    ],
  },
  attendance: {
    table: 'attendance',
    month: { column: 'date', kind: 'date' },
    defaultSort: { field: 'date', sort: 'desc' },
    columns: [
      date('date', '日期', 't.date'),
      col('time', '时间', 'text', sql`substr(${sql.ref('t.at')}, 12, 8)`, { quick: false }),
      managerCode({ visible: false }),
      managerName(),
      retailerName(),
      retailerLicence({ visible: false }),
      col(
        'linkMethod',
        '关联方式',
        'text',
        sql`case ${sql.ref('t.link_method')} when 'code' then '许可证号/客户编码' when 'text' then '备注中的零售户' when 'coords' then '坐标（150 米内）' else '未关联' end`,
        { quick: false },
      ),
      text('punchKind', '打卡类型', 't.kind', { visible: false }),
      text('result', '打卡结果', 't.result'),
      // 补打卡 (a punch filled in afterwards) shows here, next to the result.
      text('source', '数据来源', 't.source'),
      text('anomaly', '异常', 't.anomaly'),
      bool('absence', '缺卡', 't.is_absence', { visible: false }),
      bool('mockLocation', '模拟定位', 't.mock_location', { visible: false }),
      text('address', '地址', 't.address'),
      num('longitude', '经度', 't.longitude', { format: 'coordinate' }),
      num('latitude', '纬度', 't.latitude', { format: 'coordinate' }),
      text('visited', '拜访对象/备注', 't.visited', { visible: false }),
      text('device', '设备', 't.device', { visible: false }),
    ],
  },
  reports: {
    table: 'reports',
    month: { column: 'period', kind: 'period' },
    defaultSort: { field: 'period', sort: 'desc' },
    columns: [
      text('period', '期间', 't.period'),
      text('kind', '类型', 't.kind'),
      managerCode({ visible: false }),
      managerName(),
      text('title', '标题', 't.title'),
      col('body', '正文', 'longtext', ref('t.body')),
      date('submittedOn', '提交日期', 't.submitted_on'),
    ],
  },
  surveys: {
    table: 'surveys',
    month: { column: 'date', kind: 'date' },
    defaultSort: { field: 'date', sort: 'desc' },
    columns: [
      date('date', '调查日期', 't.date'),
      text('surveyId', '问卷编号', 't.survey_id', { visible: false }),
      retailerLicence(),
      retailerName(),
      text('method', '调查方式', 't.method'),
      bool('knowsManager', '认识客户经理', 't.knows_manager'),
      bool('namesManager', '能说出姓名', 't.names_manager'),
      num('visitsLastMonth', '上月拜访次数', 't.visits_last_month', { format: 'count' }),
      text('overall', '总体满意度', 't.overall'),
      col('items', '分项评分', 'text', ref('t.items_json'), { visible: false, quick: false }),
      col('comments', '意见建议', 'longtext', ref('t.comments')),
    ],
  },
  orders: {
    table: 'orders',
    month: { column: 'date', kind: 'date' },
    defaultSort: { field: 'date', sort: 'desc' },
    columns: [
      date('date', '日期', 't.date'),
      retailerLicence(),
      retailerName(),
      text('brandCode', '卷烟编码', 't.brand_code'),
      joined('brandName', '卷烟名称', 'b', 'name', 'brand_name'),
      num('demand', '需求量', 't.demand', { visible: false, format: 'quantity' }),
      num('quantity', '订购量', 't.quantity', { format: 'quantity' }),
      num('supplied', '供货量', 't.supplied', { visible: false, format: 'quantity' }),
      num('wholesalePrice', '批发价', 't.wholesale_price', { format: 'money' }),
      num('amount', '金额', 't.amount', { format: 'money' }),
      num('retailPrice', '建议零售价', 't.retail_price', { visible: false, format: 'money' }),
      text('orderNo', '订单编号', 't.order_no', { visible: false }),
    ],
  },
  agreements: {
    table: 'agreements',
    month: { column: 'month', kind: 'month' },
    defaultSort: { field: 'month', sort: 'desc' },
    columns: [
      text('month', '月份', 't.month'),
      retailerLicence(),
      retailerName(),
      text('brandCode', '卷烟编码', 't.brand_code'),
      num('agreed', '协议量', 't.agreed', { format: 'quantity' }),
    ],
  },
  inspections: {
    table: 'inspections',
    month: { column: 'date', kind: 'date' },
    defaultSort: { field: 'date', sort: 'desc' },
    columns: [
      date('date', '检查日期', 't.date'),
      retailerLicence(),
      retailerName(),
      text('violation', '违规类型', 't.violation'),
      text('inspector', '检查人员', 't.inspector'),
      col('notes', '处理结果', 'longtext', ref('t.notes')),
    ],
  },
  spotchecks: {
    table: 'spotchecks',
    month: { column: 'date', kind: 'date' },
    defaultSort: { field: 'date', sort: 'desc' },
    columns: [
      date('date', '抽查日期', 't.date'),
      managerCode({ visible: false }),
      managerName(),
      col(
        'item',
        '抽查项目',
        'text',
        sql`case ${sql.ref('t.item')} when 'retailer_count' then '辖区零售户数' when 'route_volume' then '线路月销量' when 'tier_count' then '档位户数' else ${sql.ref('t.item')} end`,
      ),
      text('subject', '线路/档位', 't.subject'),
      num('answer', '回答', 't.answer', { format: 'plain' }),
    ],
  },
};
