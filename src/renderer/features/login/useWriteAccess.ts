import { useTranslation } from 'react-i18next';
import type { SessionAccountDto } from '../../../shared/api/authProtocol';
import { useSessionAccount } from './SessionContext';

/**
 * What a write button does, as handlers/methodAccess.ts classes it: 'district' (import, evaluate,
 * adjust, finalize, comment: a supervisor's, in their district) or 'city' (the scheme and the
 * work calendar every district shares: an admin's).
 */
export type WriteAccess = 'district' | 'city';

export interface WriteGuard {
  allowed: boolean;
  /** Why not, for the disabled button's tooltip; null when allowed. */
  reason: string | null;
}

/** The i18n key saying why `account` may not make this kind of change, or null when it may (and without an account). */
export function writeRefusalKey(account: SessionAccountDto | null, access: WriteAccess): string | null {
  if (!account) return null;
  if (account.role === 'reviewer') return 'login.readOnly.reviewer';
  if (access === 'city') return account.role === 'admin' ? null : 'login.readOnly.city';
  if (account.role === 'admin') return 'login.readOnly.admin';
  return account.district ? null : 'login.readOnly.noDistrict';
}

/**
 * Whether the logged-in account may make this kind of change. The backend refuses a forbidden
 * call whatever the page does; this only keeps the page from offering it. Without an account
 * (the desktop, the loopback browser) everything is allowed, as before.
 */
export function useWriteAccess(access: WriteAccess = 'district'): WriteGuard {
  const { t } = useTranslation();
  const key = writeRefusalKey(useSessionAccount(), access);
  return key === null ? { allowed: true, reason: null } : { allowed: false, reason: t(key) };
}
