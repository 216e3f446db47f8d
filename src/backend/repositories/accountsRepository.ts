import type { Kysely, Selectable } from 'kysely';
import type { AccountsTable, Database } from '../db/schema';

export type AccountRow = Selectable<AccountsTable>;

export async function findAccountByName(db: Kysely<Database>, name: string): Promise<AccountRow | undefined> {
  return db.selectFrom('accounts').selectAll().where('name', '=', name).executeTakeFirst();
}

export async function findAccountById(db: Kysely<Database>, id: number): Promise<AccountRow | undefined> {
  return db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listAccountRows(db: Kysely<Database>): Promise<AccountRow[]> {
  return db.selectFrom('accounts').selectAll().orderBy('name').execute();
}

export async function countActiveAdmins(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('accounts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('disabled', '=', 0)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertAccount(
  db: Kysely<Database>,
  row: { name: string; role: string; district: string | null; password_hash: string; at: string },
): Promise<void> {
  await db
    .insertInto('accounts')
    .values({ name: row.name, role: row.role, district: row.district, password_hash: row.password_hash, disabled: 0, created_at: row.at, updated_at: row.at })
    .execute();
}

export async function updateAccount(
  db: Kysely<Database>,
  name: string,
  change: Partial<Pick<AccountRow, 'password_hash' | 'disabled' | 'role' | 'district'>> & { updated_at: string },
): Promise<void> {
  await db.updateTable('accounts').set(change).where('name', '=', name).execute();
}
