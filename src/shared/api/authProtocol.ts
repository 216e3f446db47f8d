/**
 * Login on a city server (`kaoping serve --listen …`, served with accounts). The page asks
 * `GET /auth/session` first: `{ mode: 'local' }` on the loopback host (no login, the token
 * scheme of httpProtocol.ts), else `{ mode: 'accounts', account }` with the logged-in account or
 * null (then the page shows its login form). `POST /auth/login` with JSON `{ name, password }`
 * (and the call header) answers a Result: ok with the account and an HttpOnly, SameSite=Strict
 * session cookie (Secure under TLS), or 401 `login_failed`, or 429 `rate_limited` (too many failed
 * logins for this account from this address). `POST /auth/logout` ends the session. Every API call
 * and the event stream without a valid session answer 401 with the Result code `login_required`.
 */
export const AUTH_SESSION_PATH = '/auth/session';
export const AUTH_LOGIN_PATH = '/auth/login';
export const AUTH_LOGOUT_PATH = '/auth/logout';
export const LOGIN_REQUIRED = 'login_required';

export interface SessionAccountDto {
  name: string;
  role: 'admin' | 'supervisor' | 'reviewer';
  district: string | null;
}

export type SessionInfoDto = { mode: 'local' } | { mode: 'accounts'; account: SessionAccountDto | null };
