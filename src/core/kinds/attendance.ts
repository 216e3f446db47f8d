import { PUNCH_KIND } from '../import/enums';
import { enumField, field, oneOf, retailerRef } from './fieldSpec';
import { bool, column, date, label, managerCode, managerName, num, retailerLicence, retailerName, text } from './gridColumn';
import type { KindDeclaration } from './kindDeclaration';
import { checkDateRange } from '../import/parseDateTime';
import { textOf } from '../import/records';
import type { RecordRow } from './recordCompletion';
import { derived, fieldColumns, linked } from './storedColumn';

const ABSENCE_RESULT = /未打卡|缺卡/;
const MOCK_LOCATION = /模拟定位|虚拟定位|定位异常/;

/**
 * A punch's date and time: a date-time in 打卡时间, or only a time there beside the date column
 * (the scheduled day; a date written with the punch itself wins). A row without a time is an
 * absence when its result says so (未打卡/缺卡), else refused.
 */
function completePunch({ data, value, failed, issue }: RecordRow): void {
  const cell = value('at');
  const punch = typeof cell === 'object' && cell !== null ? cell : null;
  const result = textOf(data, 'result');
  const anomaly = textOf(data, 'anomaly');
  const date = punch?.date ?? textOf(data, 'date');
  const time = punch?.time ?? null;
  let at: string | null = null;
  let isAbsence = false;
  if (time === null && result !== null && ABSENCE_RESULT.test(result)) isAbsence = true;
  else if (time === null && !failed('at')) issue('at', punch === null ? '缺少打卡时间' : '只有日期，没有打卡时间');
  if (date === null) {
    if (time !== null) issue('at', '只有时间，缺少考勤日期');
    else if (!failed('at') && !failed('date')) issue('date', '缺少考勤日期');
  } else {
    const rangeProblem = punch?.date === date ? checkDateRange(date) : null;
    if (rangeProblem !== null) issue('at', rangeProblem);
    if (time !== null) at = `${date}T${time}`;
  }
  data.at = at;
  data.date = date ?? '';
  data.isAbsence = isAbsence;
  // The export marks the punch 模拟定位, 虚拟定位 or 定位异常.
  data.mockLocation = MOCK_LOCATION.test(anomaly ?? '') || MOCK_LOCATION.test(result ?? '');
}

const FINDS_RETAILER = ['licence', 'customerCode', 'visited', 'longitude', 'latitude'];

export const attendanceKind: KindDeclaration = {
  kind: 'attendance',
  label: label('考勤打卡', 'Attendance punches'),
  table: 'attendance',
  fields: [
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
  ],
  completeRecord: completePunch,
  columns: {
    manager_id: linked('managerId', null),
    ...fieldColumns('date', 'at'),
    is_absence: derived('isAbsence', null),
    ...fieldColumns('kind', 'result', 'anomaly'),
    mock_location: derived('mockLocation', ['anomaly', 'result']),
    ...fieldColumns('address', 'longitude', 'latitude'),
    retailer_id: linked('retailerId', FINDS_RETAILER),
    retailer_ref: linked('retailerRef', ['licence', 'customerCode']),
    link_method: linked('linkMethod', FINDS_RETAILER),
    ...fieldColumns('visited', 'device', 'source'),
  },
  // Without a licence or customer code, a punch is linked to a retailer named in 拜访对象, else to one within 150 m.
  references: { manager: 'required', retailer: { byText: 'visited', byCoords: true } },
  // An absence has no time; it is one per manager, day and scheduled slot.
  naturalKey: [
    { when: 'at', parts: [{ ref: 'manager' }, 'at', { ref: 'retailer' }] },
    { parts: [{ ref: 'manager' }, 'date', { literal: 'absence' }, 'kind', { ref: 'retailer' }] },
  ],
  grid: {

    kind: 'attendance',
    label: label('考勤打卡', 'Attendance'),
    month: { column: 'date', kind: 'date' },
    defaultSort: { field: 'date', sort: 'desc' },
    columns: [
      date('date', label('日期', 'Date'), 'date'),
      column('time', label('时间', 'Time'), 'text', { timeOf: 'at' }, { quick: false }),
      managerCode({ visible: false }),
      managerName(),
      retailerName(),
      retailerLicence({ visible: false }),
      column(
        'linkMethod',
        label('关联方式', 'Linked by'),
        'text',
        { codes: 'link_method', labels: { code: '许可证号/客户编码', text: '备注中的零售户', coords: '坐标（150 米内）' }, otherwise: '未关联' },
        { quick: false },
      ),
      text('punchKind', label('打卡类型', 'Punch type'), 'kind', { visible: false }),
      text('result', label('打卡结果', 'Result'), 'result'),
      // 补打卡 (a punch filled in afterwards) shows here, next to the result.
      text('source', label('数据来源', 'Source'), 'source'),
      text('anomaly', label('异常', 'Anomaly'), 'anomaly'),
      bool('absence', label('缺卡', 'Missed'), 'is_absence', { visible: false }),
      bool('mockLocation', label('模拟定位', 'Mock location'), 'mock_location', { visible: false }),
      text('address', label('地址', 'Address'), 'address'),
      num('longitude', label('经度', 'Longitude'), 'longitude', { format: 'coordinate' }),
      num('latitude', label('纬度', 'Latitude'), 'latitude', { format: 'coordinate' }),
      text('visited', label('拜访对象/备注', 'Visited / note'), 'visited', { visible: false }),
      text('device', label('设备', 'Device'), 'device', { visible: false }),
    ],
  },
};
