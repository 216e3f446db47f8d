import { useTranslation } from 'react-i18next';
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

/**
 * Whether the logged-in account may make this kind of change. The backend refuses a forbidden
 * call whatever the page does; this only keeps the page from offering it. Without an account
 * (the desktop, the loopback browser) everything is allowed, as before.
 */
export function useWriteAccess(access: WriteAccess = 'district'): WriteGuard {
  const { t } = useTranslation();
  const account = useSessionAccount();
  if (!account) return { allowed: true, reason: null };
  if (account.role === 'reviewer') return { allowed: false, reason: t('login.readOnly.reviewer') };
  if (access === 'city') return account.role === 'admin' ? { allowed: true, reason: null } : { allowed: false, reason: t('login.readOnly.city') };
  if (account.role === 'admin') return { allowed: false, reason: t('login.readOnly.admin') };
  return account.district ? { allowed: true, reason: null } : { allowed: false, reason: t('login.readOnly.noDistrict') };
}
