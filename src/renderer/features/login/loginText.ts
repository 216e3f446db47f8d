import type { Shape } from '../../i18n/shape';

/** The login page and the account in the header (a city server); merged under 'login'. */
export const loginTextZh = {
  title: '考评工作台',
  subtitle: '市公司服务器 · 请登录',
  name: '账号',
  namePlaceholder: '账号名',
  password: '密码',
  submit: '登录',
  nameRequired: '请填写账号',
  passwordRequired: '请填写密码',
  failed: '账号或密码不对，或该账号已停用。',
  rateLimited: '登录失败次数过多，请 {{minutes}} 分钟后再试。',
  unreachable: '无法连接到服务器，请稍后再试。',
  hint: '账号由管理员用 kaoping user add 建立；忘记密码请联系管理员。',
  expired: '登录已过期或账号已变更，请重新登录。',
  logout: '退出登录',
  account: '{{name}}（{{role}}）',
  accountDistrict: '{{name}}（{{role}} · {{district}}）',
  roles: { admin: '管理员', supervisor: '考核人', reviewer: '审阅人' },
  language: 'English',
  /** Why a write button is disabled for the logged-in role (handlers/methodAccess.ts refuses the call all the same). */
  readOnly: {
    reviewer: '只读（审阅人）',
    admin: '管理员不做导入与考评，由各营销部的考核人进行',
    city: '全市共用的设置（考评方案、工作日历）由管理员修改',
    noDistrict: '该账号没有所属营销部，不能修改数据',
    banner: '只读（审阅人）：可以查看与导出，不能导入、考评、调整、定稿或批注。',
  },
};

export const loginTextEn: Shape<typeof loginTextZh> = {
  title: 'Kaoping workbench',
  subtitle: 'City server · please sign in',
  name: 'Account',
  namePlaceholder: 'Account name',
  password: 'Password',
  submit: 'Sign in',
  nameRequired: 'Enter the account name',
  passwordRequired: 'Enter the password',
  failed: 'Wrong account or password, or the account is disabled.',
  rateLimited: 'Too many failed sign-ins; try again in {{minutes}} minutes.',
  unreachable: 'Cannot reach the server; try again later.',
  hint: 'An administrator creates accounts with kaoping user add; ask them if you forgot your password.',
  expired: 'Your session ended or the account changed; please sign in again.',
  logout: 'Sign out',
  account: '{{name}} ({{role}})',
  accountDistrict: '{{name}} ({{role}} · {{district}})',
  roles: { admin: 'administrator', supervisor: 'supervisor', reviewer: 'reviewer' },
  language: '中文',
  readOnly: {
    reviewer: 'Read only (reviewer)',
    admin: 'Administrators do not import or evaluate; each district’s supervisor does',
    city: 'City-wide settings (schemes, work calendar) are changed by an administrator',
    noDistrict: 'This account has no district and cannot change data',
    banner: 'Read only (reviewer): you can view and export, but not import, evaluate, adjust, finalize or comment.',
  },
};
