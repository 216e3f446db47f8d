/** Who may do what on a city server (handlers/methodAccess.ts enforces it on every call). */
const ACCOUNT_ROLES = ['admin', 'supervisor', 'reviewer'] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

export function isAccountRole(value: string): value is AccountRole {
  return (ACCOUNT_ROLES as readonly string[]).includes(value);
}

/** The account a served call runs as: what the session holds, what the checks and audit rows use. */
export interface CallerAccount {
  id: number;
  name: string;
  role: AccountRole;
  /** The district a supervisor judges; null for admins and reviewers. */
  district: string | null;
}
