export interface ApiError {
  /** Stable machine code, e.g. 'invalid_argument', 'finalized', 'not_found', 'internal'. */
  code: string;
  /** A sentence for the user, in Chinese. */
  message: string;
  details?: unknown;
}

/** Every handler answers with a Result; exceptions never cross the boundary. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: ApiError };

export const ok = <T>(data: T): Result<T> => ({ ok: true, data });
export const fail = (code: string, message: string, details?: unknown): Result<never> => ({
  ok: false,
  error: { code, message, details },
});
