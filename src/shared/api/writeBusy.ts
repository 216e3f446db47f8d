/** What a writer does while it holds a district (or the city's shared data); the UI names it to whoever has to wait. */
export const WRITE_ACTIONS = [
  'import',
  'undo',
  'evaluate',
  'adjust',
  'manualScore',
  'finalize',
  'reopen',
  'comment',
  'calendar',
  'scheme',
  'supervisor',
  'accounts',
  'mapping',
] as const;
export type WriteAction = (typeof WRITE_ACTIONS)[number];

/** Each action as the Chinese message names it (「正在由 张三 导入数据」): the backend's sentence and the zh-CN UI's. */
export const WRITE_ACTION_ZH: Record<WriteAction, string> = {
  import: '导入数据',
  undo: '撤销导入',
  evaluate: '计算考评',
  adjust: '调整分数',
  manualScore: '录入手工评分',
  finalize: '定稿',
  reopen: '重新打开定稿',
  comment: '填写批注',
  calendar: '修改工作日历',
  scheme: '修改考核方案',
  supervisor: '修改考核人信息',
  accounts: '管理账号',
  mapping: '保存列对应',
};

/**
 * Why a write was refused with code 'district_busy' (its Result's details, an import report's
 * `busy`): someone else is writing the same district. The renderer says it in the UI's language.
 */
export interface WriteBusy {
  /** The holder's name; null when it cannot be told (not a Kaoping session, or gone meanwhile). */
  who: string | null;
  action: WriteAction | null;
  /** The district's name; null for the city's shared data (calendar, schemes, brands, accounts). */
  district: string | null;
}

export function isWriteBusy(value: unknown): value is WriteBusy {
  if (value === null || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  const textOrNull = (x: unknown) => x === null || typeof x === 'string';
  return textOrNull(v.who) && textOrNull(v.district) && (v.action === null || (WRITE_ACTIONS as readonly unknown[]).includes(v.action));
}
