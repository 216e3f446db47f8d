import { SATISFACTION_LEVEL, SURVEY_ITEM_NAMES, SURVEY_METHOD } from '../import/enums';
import { enumField, field, REQUIRED, retailerRef } from './fieldSpec';
import { bool, date, label, longText, num, retailerLicence, retailerName, text } from './gridColumn';
import type { KindDeclaration } from './kindDeclaration';
import { derived, fieldColumns, linked } from './storedColumn';
import type { FieldSpec } from './fieldSpec';

/** The item scores (1–5), each under a name of SURVEY_ITEM_NAMES. */
const ITEM_FIELDS: readonly FieldSpec[] = [
  field('itemVisitTimeliness', '拜访及时性', 'int', ['拜访及时性'], { min: 1, max: 5 }),
  field('itemServiceAttitude', '服务态度', 'int', ['服务态度'], { min: 1, max: 5 }),
  field('itemPolicyInfo', '政策信息传递', 'int', ['政策信息传递'], { min: 1, max: 5 }),
  field('itemBusinessGuidance', '经营指导', 'int', ['经营指导'], { min: 1, max: 5 }),
  field('itemOrderingService', '订货服务', 'int', ['订货服务'], { min: 1, max: 5 }),
  field('itemDeliveryService', '送货服务', 'int', ['送货服务'], { min: 1, max: 5 }),
  field('itemComplaintHandling', '投诉处理', 'int', ['投诉处理'], { min: 1, max: 5 }),
];
const ITEM_KEYS = ITEM_FIELDS.map((f) => f.key);

const SURVEY_ITEM_FIELDS: readonly FieldSpec[] = SURVEY_ITEM_NAMES.map((name) => {
  const item = ITEM_FIELDS.find((f) => f.labelZh === name);
  if (!item) throw new Error(`surveys has no item field ${name}`);
  return item;
});

export const surveysKind: KindDeclaration = {
  kind: 'surveys',
  label: label('零售客户满意度调查', 'Satisfaction surveys'),
  table: 'surveys',
  fields: [
    field('surveyId', '问卷编号', 'code', ['问卷编号']),
    field('date', '调查日期', 'date', ['调查日期', '日期'], REQUIRED),
    ...retailerRef(true),
    enumField('method', '调查方式', SURVEY_METHOD, ['方式', '调查方式']),
    field('knowsManager', '是否认识客户经理', 'bool', ['是否认识客户经理', '认识客户经理', '知晓客户经理'], REQUIRED),
    field('namesManager', '能否说出客户经理姓名', 'bool', ['能否说出客户经理姓名']),
    field('visitsLastMonth', '上月拜访次数', 'int', ['上月拜访次数'], { min: 0 }),
    ...ITEM_FIELDS,
    enumField('overall', '总体满意度', SATISFACTION_LEVEL, ['总体满意度']),
    field('comments', '意见建议', 'text', ['意见建议', '建议']),
  ],
  // The item scores the file has, under their known names (拜访及时性 → 4), in the order of SURVEY_ITEM_NAMES.
  completeRecord: ({ data }) => {
    const items: Record<string, number> = {};
    for (const item of SURVEY_ITEM_FIELDS) {
      const score = data[item.key];
      if (typeof score === 'number') items[item.labelZh] = score;
      delete data[item.key];
    }
    data.items = items;
  },
  columns: {
    ...fieldColumns('surveyId', 'date'),
    retailer_id: linked('retailerId', null),
    retailer_ref: linked('retailerKey', null),
    ...fieldColumns('method', 'knowsManager', 'namesManager', 'visitsLastMonth'),
    items_json: derived('items', ITEM_KEYS),
    ...fieldColumns('overall', 'comments'),
  },
  references: { retailer: {} },
  naturalKey: [{ when: 'surveyId', parts: [{ literal: 'id' }, 'surveyId'] }, { parts: ['date', { ref: 'retailer' }] }],
  grid: {
    kind: 'surveys',
    label: label('满意度调查', 'Surveys'),
    month: { column: 'date', kind: 'date' },
    defaultSort: { field: 'date', sort: 'desc' },
    columns: [
      date('date', label('调查日期', 'Survey date'), 'date'),
      text('surveyId', label('问卷编号', 'Survey no.'), 'survey_id', { visible: false }),
      retailerLicence(),
      retailerName(),
      text('method', label('调查方式', 'Method'), 'method'),
      bool('knowsManager', label('认识客户经理', 'Knows the manager'), 'knows_manager'),
      bool('namesManager', label('能说出姓名', 'Names the manager'), 'names_manager'),
      num('visitsLastMonth', label('上月拜访次数', 'Visits last month'), 'visits_last_month', { format: 'count' }),
      text('overall', label('总体满意度', 'Overall'), 'overall'),
      text('items', label('分项评分', 'Item scores'), 'items_json', { visible: false, quick: false }),
      longText('comments', label('意见建议', 'Comments'), 'comments'),
    ],
  },
};
