import { AUTH_LOGIN_PATH, AUTH_LOGOUT_PATH, AUTH_SESSION_PATH, type SessionAccountDto, type SessionInfoDto } from '../../../shared/api/authProtocol';
import { CALL_HEADER, CALL_HEADER_VALUE } from '../../../shared/api/httpProtocol';
import { findKaopingBridge } from '../../api/kaopingBridge';

/** Local (the desktop, the loopback browser) or a city server with its logged-in account, if any. */
export async function fetchSessionInfo(): Promise<SessionInfoDto> {
  if (findKaopingBridge()) return { mode: 'local' };
  try {
    const res = await fetch(AUTH_SESSION_PATH, { credentials: 'same-origin' });
    if (!res.ok) return { mode: 'local' };
    return (await res.json()) as SessionInfoDto;
  } catch {
    return { mode: 'local' };
  }
}

export type LoginOutcome = { ok: true; account: SessionAccountDto } | { ok: false; reason: 'failed' | 'rateLimited' | 'unreachable'; minutes?: number };

export async function requestLogin(name: string, password: string): Promise<LoginOutcome> {
  let res: Response;
  try {
    res = await fetch(AUTH_LOGIN_PATH, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', [CALL_HEADER]: CALL_HEADER_VALUE },
      body: JSON.stringify({ name, password }),
    });
  } catch {
    return { ok: false, reason: 'unreachable' };
  }
  const body = (await res.json().catch(() => null)) as { ok?: boolean; data?: SessionAccountDto; error?: { details?: { retryAfterSeconds?: number } } } | null;
  if (res.status === 200 && body?.ok && body.data) return { ok: true, account: body.data };
  if (res.status === 429) return { ok: false, reason: 'rateLimited', minutes: Math.ceil((body?.error?.details?.retryAfterSeconds ?? 900) / 60) };
  if (res.status === 401 || res.status === 400) return { ok: false, reason: 'failed' };
  return { ok: false, reason: 'unreachable' };
}

export async function requestLogout(): Promise<void> {
  await fetch(AUTH_LOGOUT_PATH, { method: 'POST', credentials: 'same-origin', headers: { [CALL_HEADER]: CALL_HEADER_VALUE } }).catch(() => undefined);
}
