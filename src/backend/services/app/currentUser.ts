import os from 'node:os';

/** Who made a change, for the audit trail: the operating-system account. */
export function currentUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown';
  }
}
