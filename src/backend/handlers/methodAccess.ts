import type { ApiName } from '../../shared/api/kaopingApi';
import type { AccountRole, CallerAccount } from '../services/accounts/accountRole';
import { RequestError } from '../services/requestError';
import { UNRESOLVED_DISTRICT, type DistrictClaim } from './districtOfCall';

/**
 * Who may call a method on a city server (served with accounts):
 * - 'read': every role. Queries and exports (report.export's only write is the one-time freeze of
 *   a finalized month's report inputs, which the export then reads).
 * - 'district': supervisors, for their own district (districtOfCall.ts): import, evaluate,
 *   adjust, finalize, comment. Reviewers change nothing; admins manage people, not evaluations.
 * - 'city': admins: what every district's evaluation shares (the scheme, the work calendar).
 * - 'desktop': nobody: only the desktop's single supervisor (the name changes are signed with,
 *   the demo district); on a server the account is the name.
 * Without accounts (the desktop, the loopback browser, the CLI) no check applies.
 */
export type MethodAccess = 'read' | 'district' | 'city' | 'desktop';

/** Every contract method's access: a new method does not compile until it is listed here. */
export const METHOD_ACCESS: Record<ApiName, MethodAccess> = {
  'app.info': 'read',
  'app.setSupervisor': 'desktop',
  'app.loadDemo': 'desktop',
  'import.preview': 'read',
  'import.districts': 'read',
  'import.run': 'district',
  'import.check': 'district',
  // Every role: a caller cancels its own jobs (a reviewer's export too), a supervisor also its district's (jobRegistry.ts).
  'import.cancel': 'read',
  'import.batches': 'read',
  'import.undo': 'district',
  'import.saveMapping': 'district',
  'import.mappings': 'read',
  'import.errorsWorkbook': 'read',
  'data.columns': 'read',
  'data.rows': 'read',
  'data.count': 'read',
  'data.detail': 'read',
  'data.overview': 'read',
  'data.city': 'read',
  'data.export': 'read',
  'data.exportRows': 'read',
  'evaluation.get': 'read',
  'evaluation.run': 'district',
  'evaluation.adjust': 'district',
  'evaluation.undoAdjustment': 'district',
  'evaluation.setManualScore': 'district',
  'evaluation.finalize': 'district',
  'evaluation.reopen': 'district',
  'evaluation.scorecard': 'read',
  'evaluation.evidence': 'read',
  'evaluation.attendance': 'read',
  'journals.pairs': 'read',
  'journals.entries': 'read',
  'journals.byIds': 'read',
  'journals.comment': 'district',
  'journals.managers': 'read',
  'settings.schemes': 'read',
  'settings.scheme': 'read',
  'settings.saveScheme': 'city',
  'calendar.month': 'read',
  'calendar.setDay': 'city',
  'report.export': 'read',
  'report.scorecards': 'read',
};

const ROLE_NAMES: Record<AccountRole, string> = { admin: '管理员', supervisor: '考核人', reviewer: '审阅人' };

function refused(message: string): RequestError {
  return new RequestError('forbidden', message);
}

/**
 * Why `caller` may not call `name`, as the error to throw, or null when it may. `claim` is asked
 * only for a supervisor's district write (it may read the store).
 */
export async function accessRefusal(name: ApiName, caller: CallerAccount | undefined, claim: () => Promise<DistrictClaim>): Promise<RequestError | null> {
  if (!caller) return new RequestError('unauthorized', '请先登录');
  const access = METHOD_ACCESS[name];
  const who = `${ROLE_NAMES[caller.role]}账号「${caller.name}」`;
  if (access === 'read') return null;
  if (caller.role === 'reviewer' && access !== 'desktop') return refused(`${who}只能查看，不能修改数据`);
  switch (access) {
    case 'desktop':
      return refused(`「${name}」只在桌面程序中可用，服务器上不能调用`);
    case 'city':
      return caller.role === 'admin' ? null : refused(`${who}不能修改全市共用的设置（考评方案、工作日历），请联系管理员`);
    case 'district': {
      if (caller.role !== 'supervisor') return refused(`${who}只管理账号与全市共用的设置，导入与考评由各营销部的考核人进行`);
      if (!caller.district) return refused(`${who}没有所属营销部，不能修改数据`);
      const c = await claim();
      if (c === 'unknown') return null;
      const foreign = c.districts.filter((d) => d !== caller.district);
      if (foreign.includes(UNRESOLVED_DISTRICT)) return refused(`${who}只能修改「${caller.district}」的数据，这次操作涉及的数据不存在或无法确定属于哪个营销部`);
      return foreign.length === 0 ? null : refused(`${who}只能修改「${caller.district}」的数据，这次操作涉及「${[...new Set(foreign)].join('、')}」`);
    }
  }
}
