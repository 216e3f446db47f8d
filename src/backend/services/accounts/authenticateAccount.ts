import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { findAccountById, findAccountByName, type AccountRow } from '../../repositories/accountsRepository';
import { isAccountRole, type CallerAccount } from './accountRole';
import { hashPassword, verifyPassword } from './passwordHash';

/** An account as a session holds it: who, and the stamp (updated_at) that a later change invalidates. */
export interface SignedInAccount extends CallerAccount {
  stamp: string;
}

function toSignedIn(row: AccountRow): SignedInAccount | null {
  if (row.disabled !== 0 || !isAccountRole(row.role)) return null;
  return { id: row.id, name: row.name, role: row.role, district: row.district, stamp: row.updated_at };
}

/** Made once: an unknown name costs a hash like a known one, so timing does not tell which names exist. */
let decoyHash: Promise<string> | null = null;

/** The account when the name and password match an enabled account, else null (never says which part was wrong). */
export async function authenticateAccount(db: Kysely<Database>, name: string, password: string): Promise<SignedInAccount | null> {
  const row = await findAccountByName(db, name.trim());
  if (!row) {
    decoyHash ??= hashPassword('kaoping-decoy-password');
    await verifyPassword(password, await decoyHash);
    return null;
  }
  if (!(await verifyPassword(password, row.password_hash))) return null;
  return toSignedIn(row);
}

/**
 * The account a session was opened for, read again on each call: null once it was disabled or
 * its password changed (the stamp differs), so `user disable` and `user passwd` end sessions
 * without reaching the server process.
 */
export async function recheckAccount(db: Kysely<Database>, session: SignedInAccount): Promise<SignedInAccount | null> {
  const row = await findAccountById(db, session.id);
  if (!row || row.updated_at !== session.stamp) return null;
  return toSignedIn(row);
}
