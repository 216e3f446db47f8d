import type { Result } from '../../shared/api/result';

/**
 * A failure on the way to the backend (not a handler's answer), turned into a Result so that
 * screens handle one shape. The message is Chinese like the backend's own messages.
 */
export function clientError(code: string, message: string, details?: unknown): Result<never> {
  return { ok: false, error: { code, message, details } };
}

export function isResult(value: unknown): value is Result<unknown> {
  if (value === null || typeof value !== 'object') return false;
  const ok = (value as { ok?: unknown }).ok;
  if (ok === true) return 'data' in value;
  if (ok === false) {
    const error = (value as { error?: unknown }).error;
    return error !== null && typeof error === 'object' && typeof (error as { message?: unknown }).message === 'string';
  }
  return false;
}
