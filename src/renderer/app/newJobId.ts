/** A job id the backend tags progress events with, so a screen follows only its own job. */
export function newJobId(prefix: string): string {
  const random = typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
  return `${prefix}-${random}`;
}
