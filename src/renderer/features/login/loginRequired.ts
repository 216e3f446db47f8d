/**
 * The page's one signal that the server wants a login again (a call answered 401
 * login_required: the session idled out, or the account was disabled or its password changed).
 * The HTTP client raises it; the session gate listens and shows the login page.
 */
const listeners = new Set<() => void>();

export function notifyLoginRequired(): void {
  for (const cb of listeners) cb();
}

export function onLoginRequired(cb: () => void): () => void {
  listeners.add(cb);
  return () => listeners.delete(cb);
}
