import {
  MARKET_TYPES,
  PRICE_CLASSES,
  PUNCH_KINDS,
  REPORT_KINDS,
  RETAILER_FORMATS,
  RETAILER_STATUSES,
  ROSTER_STATUSES,
  SATISFACTION_LEVELS,
  SPOTCHECK_ITEMS,
  SURVEY_METHODS,
  SURVEY_ITEM_NAMES,
  VIOLATION_TYPES,
  VISIT_METHODS,
} from './enums';
import { KIND_SPECS } from './kinds';
import type { KindKey } from '../../shared/kindKeys';
import { checkDateRange, type DateTimeParts } from './parseDateTime';
import type { ParsedValue } from './parseValue';
import type { KindRecord } from './records';

/** Reports a problem with one field of the row being built (index into the kind's fields). */
export type IssueSink = (fieldIndex: number, reason: string) => void;

/**
 * Turns one row's parsed values (indexed like the kind's fields) into its record. Runs even
 * when some cells failed, so that every problem of the row is reported; the result is then
 * discarded, so missing required values may be filled with placeholders.
 */
export type RecordBuilder = (values: readonly ParsedValue[], issue: IssueSink, failed: readonly boolean[]) => KindRecord;

function indexes<K extends string>(kind: KindKey, keys: readonly K[]): Record<K, number> {
  const fields = KIND_SPECS[kind].fields;
  const entries = keys.map((key) => {
    const index = fields.findIndex((f) => f.key === key);
    if (index < 0) throw new Error(`${kind} has no field ${key}`);
    return [key, index] as const;
  });
  // Keys are this module's own constants, never file content.
  return Object.fromEntries(entries) as Record<K, number>;
}

const str = (v: ParsedValue | undefined): string | null => (typeof v === 'string' ? v : null);
const num = (v: ParsedValue | undefined): number | null => (typeof v === 'number' ? v : null);
const bool = (v: ParsedValue | undefined): boolean | null => (typeof v === 'boolean' ? v : null);
const parts = (v: ParsedValue | undefined): DateTimeParts | null => (typeof v === 'object' && v !== null ? v : null);

function oneOf<T extends string>(values: readonly T[], v: ParsedValue | undefined): T | null {
  if (typeof v !== 'string') return null;
  return values.find((value) => value === v) ?? null;
}

const ROUTE_SEPARATORS = /[,，、;；]+/;

function splitRoutes(text: string | null): string[] {
  if (text === null) return [];
  return text
    .split(ROUTE_SEPARATORS)
    .map((route) => route.trim())
    .filter((route) => route !== '');
}

const ABSENCE_RESULT = /未打卡|缺卡/;
const MOCK_LOCATION = /模拟定位|虚拟定位|定位异常/;

const RO = indexes('roster', ['code', 'name', 'department', 'area', 'routes', 'phone', 'dingtalkId', 'hiredOn', 'status', 'leftOn']);
const buildRoster: RecordBuilder = (v) => ({
  kind: 'roster',
  data: {
    code: str(v[RO.code]) ?? '',
    name: str(v[RO.name]) ?? '',
    department: str(v[RO.department]),
    area: str(v[RO.area]),
    routes: splitRoutes(str(v[RO.routes])),
    phone: str(v[RO.phone]),
    dingtalkId: str(v[RO.dingtalkId]),
    hiredOn: str(v[RO.hiredOn]),
    status: oneOf(ROSTER_STATUSES, v[RO.status]),
    leftOn: str(v[RO.leftOn]),
  },
});

const RE = indexes('retailers', [
  'licence',
  'customerCode',
  'name',
  'owner',
  'phone',
  'address',
  'longitude',
  'latitude',
  'format',
  'market',
  'tier',
  'route',
  'managerCode',
  'managerName',
  'status',
  'assignedFrom',
]);
const buildRetailer: RecordBuilder = (v) => ({
  kind: 'retailers',
  data: {
    licence: str(v[RE.licence]) ?? '',
    customerCode: str(v[RE.customerCode]),
    name: str(v[RE.name]) ?? '',
    owner: str(v[RE.owner]),
    phone: str(v[RE.phone]),
    address: str(v[RE.address]),
    longitude: num(v[RE.longitude]),
    latitude: num(v[RE.latitude]),
    format: oneOf(RETAILER_FORMATS, v[RE.format]),
    market: oneOf(MARKET_TYPES, v[RE.market]),
    tier: num(v[RE.tier]),
    route: str(v[RE.route]),
    managerCode: str(v[RE.managerCode]),
    managerName: str(v[RE.managerName]),
    status: oneOf(RETAILER_STATUSES, v[RE.status]),
    // Left out (undefined) when the file has no 生效日期: most retailer files have none.
    assignedFrom: str(v[RE.assignedFrom]) ?? undefined,
  },
});

const BR = indexes('brands', [
  'code',
  'name',
  'brand',
  'priceClass',
  'wholesalePrice',
  'retailPrice',
  'keyBrand',
  'newBrand',
  'launchedOn',
]);
const buildBrand: RecordBuilder = (v) => ({
  kind: 'brands',
  data: {
    code: str(v[BR.code]) ?? '',
    name: str(v[BR.name]) ?? '',
    brand: str(v[BR.brand]),
    priceClass: oneOf(PRICE_CLASSES, v[BR.priceClass]),
    wholesalePrice: num(v[BR.wholesalePrice]),
    retailPrice: num(v[BR.retailPrice]),
    keyBrand: bool(v[BR.keyBrand]),
    newBrand: bool(v[BR.newBrand]),
    launchedOn: str(v[BR.launchedOn]),
  },
});

const CA = indexes('calendar', ['date', 'workday', 'note']);
const buildCalendar: RecordBuilder = (v) => ({
  kind: 'calendar',
  data: { date: str(v[CA.date]) ?? '', workday: bool(v[CA.workday]) ?? false, note: str(v[CA.note]) },
});

const JO = indexes('journals', [
  'date',
  'managerCode',
  'managerName',
  'licence',
  'customerCode',
  'retailerName',
  'arrivedAt',
  'leftAt',
  'method',
  'content',
  'problems',
  'actions',
  'priceMarked',
  'displayOk',
  'violation',
]);
const buildJournal: RecordBuilder = (v) => ({
  kind: 'journals',
  data: {
    date: str(v[JO.date]) ?? '',
    managerCode: str(v[JO.managerCode]),
    managerName: str(v[JO.managerName]),
    licence: str(v[JO.licence]),
    customerCode: str(v[JO.customerCode]),
    retailerName: str(v[JO.retailerName]),
    arrivedAt: str(v[JO.arrivedAt]),
    leftAt: str(v[JO.leftAt]),
    method: oneOf(VISIT_METHODS, v[JO.method]),
    content: str(v[JO.content]) ?? '',
    problems: str(v[JO.problems]),
    actions: str(v[JO.actions]),
    priceMarked: bool(v[JO.priceMarked]),
    displayOk: bool(v[JO.displayOk]),
    violation: oneOf(VIOLATION_TYPES, v[JO.violation]),
  },
});

const AT = indexes('attendance', [
  'managerCode',
  'managerUserId',
  'managerName',
  'at',
  'date',
  'kind',
  'result',
  'anomaly',
  'address',
  'longitude',
  'latitude',
  'licence',
  'customerCode',
  'visited',
  'device',
  'source',
]);
const buildAttendance: RecordBuilder = (v, issue, failed) => {
  const punch = parts(v[AT.at]);
  const dateColumn = str(v[AT.date]);
  const result = str(v[AT.result]);
  const anomaly = str(v[AT.anomaly]);
  // The date column is the scheduled day; a date written with the punch itself wins.
  const date = punch?.date ?? dateColumn;
  const time = punch?.time ?? null;
  let at: string | null = null;
  let isAbsence = false;
  if (time === null && result !== null && ABSENCE_RESULT.test(result)) isAbsence = true;
  else if (time === null && !failed[AT.at]) issue(AT.at, punch === null ? '缺少打卡时间' : '只有日期，没有打卡时间');
  if (date === null) {
    if (time !== null) issue(AT.at, '只有时间，缺少考勤日期');
    else if (!failed[AT.at] && !failed[AT.date]) issue(AT.date, '缺少考勤日期');
  } else {
    const rangeProblem = punch?.date === date ? checkDateRange(date) : null;
    if (rangeProblem !== null) issue(AT.at, rangeProblem);
    if (time !== null) at = `${date}T${time}`;
  }
  return {
    kind: 'attendance',
    data: {
      managerCode: str(v[AT.managerCode]),
      managerUserId: str(v[AT.managerUserId]),
      managerName: str(v[AT.managerName]),
      at,
      date: date ?? '',
      isAbsence,
      kind: oneOf(PUNCH_KINDS, v[AT.kind]),
      result,
      anomaly,
      mockLocation: MOCK_LOCATION.test(anomaly ?? '') || MOCK_LOCATION.test(result ?? ''),
      address: str(v[AT.address]),
      longitude: num(v[AT.longitude]),
      latitude: num(v[AT.latitude]),
      licence: str(v[AT.licence]),
      customerCode: str(v[AT.customerCode]),
      visited: str(v[AT.visited]),
      device: str(v[AT.device]),
      source: str(v[AT.source]),
    },
  };
};

const RP = indexes('reports', ['managerCode', 'managerName', 'period', 'kind', 'title', 'body', 'submittedOn']);
const buildReport: RecordBuilder = (v) => {
  const period = str(v[RP.period]) ?? '';
  return {
    kind: 'reports',
    data: {
      managerCode: str(v[RP.managerCode]),
      managerName: str(v[RP.managerName]),
      period,
      kind: oneOf(REPORT_KINDS, v[RP.kind]) ?? (period.includes('-W') ? '周记' : '月报'),
      title: str(v[RP.title]),
      body: str(v[RP.body]) ?? '',
      submittedOn: str(v[RP.submittedOn]),
    },
  };
};

const SURVEY_ITEM_FIELDS: readonly (readonly [name: string, index: number])[] = SURVEY_ITEM_NAMES.map((name) => {
  const index = KIND_SPECS.surveys.fields.findIndex((f) => f.labelZh === name && f.type === 'int');
  if (index < 0) throw new Error(`surveys has no item field ${name}`);
  return [name, index] as const;
});
const SU = indexes('surveys', [
  'surveyId',
  'date',
  'licence',
  'customerCode',
  'method',
  'knowsManager',
  'namesManager',
  'visitsLastMonth',
  'overall',
  'comments',
]);
const buildSurvey: RecordBuilder = (v) => {
  const items: Record<string, number> = {};
  for (const [name, index] of SURVEY_ITEM_FIELDS) {
    const score = num(v[index]);
    if (score !== null) items[name] = score;
  }
  return {
    kind: 'surveys',
    data: {
      surveyId: str(v[SU.surveyId]),
      date: str(v[SU.date]) ?? '',
      licence: str(v[SU.licence]),
      customerCode: str(v[SU.customerCode]),
      method: oneOf(SURVEY_METHODS, v[SU.method]),
      knowsManager: bool(v[SU.knowsManager]) ?? false,
      namesManager: bool(v[SU.namesManager]),
      visitsLastMonth: num(v[SU.visitsLastMonth]),
      items,
      overall: oneOf(SATISFACTION_LEVELS, v[SU.overall]),
      comments: str(v[SU.comments]),
    },
  };
};

const OR = indexes('orders', [
  'date',
  'licence',
  'customerCode',
  'brandCode',
  'brandName',
  'demand',
  'quantity',
  'supplied',
  'wholesalePrice',
  'amount',
  'retailPrice',
  'orderNo',
]);
const buildOrder: RecordBuilder = (v) => ({
  kind: 'orders',
  data: {
    date: str(v[OR.date]) ?? '',
    licence: str(v[OR.licence]),
    customerCode: str(v[OR.customerCode]),
    brandCode: str(v[OR.brandCode]),
    brandName: str(v[OR.brandName]),
    demand: num(v[OR.demand]),
    quantity: num(v[OR.quantity]) ?? 0,
    supplied: num(v[OR.supplied]),
    wholesalePrice: num(v[OR.wholesalePrice]),
    amount: num(v[OR.amount]),
    retailPrice: num(v[OR.retailPrice]),
    orderNo: str(v[OR.orderNo]),
  },
});

const AG = indexes('agreements', ['month', 'licence', 'customerCode', 'agreed', 'brandCode']);
const buildAgreement: RecordBuilder = (v) => ({
  kind: 'agreements',
  data: {
    month: str(v[AG.month]) ?? '',
    licence: str(v[AG.licence]),
    customerCode: str(v[AG.customerCode]),
    agreed: num(v[AG.agreed]) ?? 0,
    brandCode: str(v[AG.brandCode]),
  },
});

const IN = indexes('inspections', ['date', 'licence', 'customerCode', 'violation', 'inspector', 'notes']);
const buildInspection: RecordBuilder = (v) => ({
  kind: 'inspections',
  data: {
    date: str(v[IN.date]) ?? '',
    licence: str(v[IN.licence]),
    customerCode: str(v[IN.customerCode]),
    violation: oneOf(VIOLATION_TYPES, v[IN.violation]) ?? '无',
    inspector: str(v[IN.inspector]),
    notes: str(v[IN.notes]),
  },
});

const SP = indexes('spotchecks', ['date', 'managerCode', 'managerName', 'item', 'subject', 'answer']);
const buildSpotcheck: RecordBuilder = (v) => ({
  kind: 'spotchecks',
  data: {
    date: str(v[SP.date]) ?? '',
    managerCode: str(v[SP.managerCode]),
    managerName: str(v[SP.managerName]),
    item: oneOf(SPOTCHECK_ITEMS, v[SP.item]) ?? 'retailer_count',
    subject: str(v[SP.subject]),
    answer: num(v[SP.answer]) ?? 0,
  },
});

export const RECORD_BUILDERS: Record<KindKey, RecordBuilder> = {
  roster: buildRoster,
  retailers: buildRetailer,
  brands: buildBrand,
  calendar: buildCalendar,
  journals: buildJournal,
  attendance: buildAttendance,
  reports: buildReport,
  surveys: buildSurvey,
  orders: buildOrder,
  agreements: buildAgreement,
  inspections: buildInspection,
  spotchecks: buildSpotcheck,
};
