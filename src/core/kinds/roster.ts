import { ROSTER_STATUS } from '../import/enums';
import { enumField, field, REQUIRED } from './fieldSpec';
import { date, label, text } from './gridColumn';
import type { KindDeclaration } from './kindDeclaration';
import { textOf } from '../import/records';
import { fieldColumns } from './storedColumn';

const ROUTE_SEPARATORS = /[,，、;；]+/;

/** Route codes, split on , ， 、 ; ； (stored joined by 、). */
function splitRoutes(routes: string | null): string[] {
  if (routes === null) return [];
  return routes
    .split(ROUTE_SEPARATORS)
    .map((route) => route.trim())
    .filter((route) => route !== '');
}

export const rosterKind: KindDeclaration = {
  kind: 'roster',
  label: label('客户经理花名册', 'Manager roster'),
  table: 'managers',
  fields: [
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
  ],
  completeRecord: ({ data }) => {
    data.routes = splitRoutes(textOf(data, 'routes'));
  },
  columns: fieldColumns('code', 'name', 'department', 'area', 'routes', 'phone', 'dingtalkId', 'hiredOn', 'status', 'leftOn'),
  references: {},
  naturalKey: [{ parts: ['code'] }],
  rowTitle: ['code', 'name'],
  grid: {
    kind: 'managers',
    label: label('客户经理', 'Managers'),
    month: null,
    defaultSort: null,
    columns: [
      text('code', label('工号', 'Staff no.'), 'code'),
      text('name', label('姓名', 'Name'), 'name'),
      text('department', label('部门', 'Department'), 'department'),
      text('area', label('片区', 'Area'), 'area'),
      text('routes', label('服务线路', 'Routes'), 'routes'),
      text('phone', label('手机', 'Mobile'), 'phone', { visible: false }),
      text('dingtalkId', label('钉钉UserId', 'DingTalk UserId'), 'dingtalk_id', { visible: false }),
      date('hiredOn', label('入职日期', 'Hired on'), 'hired_on', { visible: false }),
      text('status', label('在岗状态', 'Status'), 'status'),
    ],
  },
};
