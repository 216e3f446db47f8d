import type { Kysely } from 'kysely';

/**
 * Frozen: the people of a city server (issue 18). One row per account: its unique login name,
 * its role ('admin' manages people, 'supervisor' judges one district, 'reviewer' reads every
 * district), the district a supervisor judges (its name as text, to be joined by name with the
 * districts of 0014), the password's scrypt hash with its salt and parameters in one string
 * (services/accounts/passwordHash.ts), and whether it may log in. Accounts are disabled, never
 * deleted: audit rows name them. Portable SQL only (runs unchanged on PostgreSQL).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('accounts')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('district', 'text')
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('accounts').execute();
}
