export interface RateLimitOptions {
  /** Failed logins allowed per account and address within the window (default 5). */
  maxFailures?: number;
  /** The window, in milliseconds (default 15 minutes). */
  windowMs?: number;
  clock?: () => number;
}

/** Keys kept at most; beyond, the oldest are forgotten (a flood of made-up names cannot fill memory). */
const MAX_KEYS = 10_000;

/**
 * Failed logins per account name and client address: after `maxFailures` within the window, that
 * pair is refused without checking the password until the oldest failure leaves the window.
 * A success clears the pair. Behind a reverse proxy the address is the proxy's, so the limit then
 * holds per account.
 */
export class LoginRateLimit {
  private readonly failures = new Map<string, number[]>();
  private readonly max: number;
  private readonly windowMs: number;
  private readonly clock: () => number;

  constructor(opts: RateLimitOptions = {}) {
    this.max = opts.maxFailures ?? 5;
    this.windowMs = opts.windowMs ?? 15 * 60_000;
    this.clock = opts.clock ?? Date.now;
  }

  private recent(key: string): number[] {
    const now = this.clock();
    const kept = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (kept.length === 0) this.failures.delete(key);
    else this.failures.set(key, kept);
    return kept;
  }

  /** Milliseconds until this pair may try again, or 0 when it may now. */
  waitMs(name: string, address: string): number {
    const kept = this.recent(`${name}\u0000${address}`);
    if (kept.length < this.max) return 0;
    return (kept[0] as number) + this.windowMs - this.clock();
  }

  failed(name: string, address: string): void {
    const key = `${name}\u0000${address}`;
    const kept = this.recent(key);
    this.failures.delete(key);
    this.failures.set(key, [...kept, this.clock()]);
    if (this.failures.size > MAX_KEYS) this.failures.delete(this.failures.keys().next().value as string);
  }

  succeeded(name: string, address: string): void {
    this.failures.delete(`${name}\u0000${address}`);
  }
}
