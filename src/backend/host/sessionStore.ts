import { randomBytes } from 'node:crypto';
import type { SignedInAccount } from '../services/accounts/authenticateAccount';

export interface SessionOptions {
  /** A session unused this long ends (default 30 minutes). */
  idleMs?: number;
  /** A session ends this long after login whatever its use (default 12 hours). */
  maxAgeMs?: number;
  /** Milliseconds now; injectable so that tests move time without waiting. */
  clock?: () => number;
}

interface Session {
  account: SignedInAccount;
  createdAt: number;
  lastSeen: number;
}

/**
 * Logged-in sessions of a city server, in the server's memory: a restart logs everyone out,
 * which costs a login and keeps no session secret in the database. Ids are 256 random bits.
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();
  private readonly idleMs: number;
  private readonly maxAgeMs: number;
  private readonly clock: () => number;

  constructor(opts: SessionOptions = {}) {
    this.idleMs = opts.idleMs ?? 30 * 60_000;
    this.maxAgeMs = opts.maxAgeMs ?? 12 * 3_600_000;
    this.clock = opts.clock ?? Date.now;
  }

  open(account: SignedInAccount): string {
    const id = randomBytes(32).toString('base64url');
    const now = this.clock();
    this.sessions.set(id, { account, createdAt: now, lastSeen: now });
    return id;
  }

  /** The session's account, its idle time restarted; null when unknown, idle too long or too old. */
  use(id: string): SignedInAccount | null {
    const s = this.sessions.get(id);
    if (!s) return null;
    const now = this.clock();
    if (now - s.lastSeen > this.idleMs || now - s.createdAt > this.maxAgeMs) {
      this.sessions.delete(id);
      return null;
    }
    s.lastSeen = now;
    return s.account;
  }

  close(id: string): void {
    this.sessions.delete(id);
  }

  get size(): number {
    return this.sessions.size;
  }
}
