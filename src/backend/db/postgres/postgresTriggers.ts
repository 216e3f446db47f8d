/**
 * The frozen migrations' SQLite triggers, in PL/pgSQL: what each `create trigger NAME` (and
 * `drop trigger NAME`) of migrations 0002, 0005 and 0007 becomes on PostgreSQL. Same names, same
 * events, same row-level timing, same error texts (callers and tests match "append-only").
 * A PostgreSQL trigger calls a function; each function is named after its trigger's purpose and
 * created with `create or replace`, so a migration that recreates a trigger (0007) can say it again.
 * One table SQLite keeps by itself is made here: audit_log_sequence, in place of sqlite_sequence.
 *
 * A NEW migration with SQLite-only SQL must add its translation here: the migration plugin
 * (sqliteMigrationsOnPostgres.ts) refuses a trigger it has no translation for.
 */

/** A trigger function: `create or replace`, so that two triggers (or a recreated one) can share it. */
function triggerFunction(name: string, body: string): string {
  return `create or replace function ${name}() returns trigger language plpgsql as $$\nbegin\n  ${body}\nend $$`;
}

const refuseChange = triggerFunction('kaoping_audit_log_refuse', "raise exception 'audit_log is append-only';");
/** An AFTER trigger's work; its return value is ignored, null says so. */
const afterRow = (name: string, statement: string) => triggerFunction(name, `${statement};\n  return null;`);
const brandsStale = afterRow('kaoping_brands_month_cache_stale', 'update order_month_cache set totals_ready = 0 where totals_ready = 1');

export const POSTGRES_TRIGGERS: Record<string, string[]> = {
  // 0002: the audit log refuses UPDATE and DELETE; on PostgreSQL TRUNCATE too (a row trigger does
  // not see it, and SQLite has no TRUNCATE).
  'create trigger audit_log_no_update': [
    refuseChange,
    'create trigger audit_log_no_update before update on audit_log for each row execute function kaoping_audit_log_refuse()',
  ],
  'create trigger audit_log_no_delete': [
    refuseChange,
    'create trigger audit_log_no_delete before delete on audit_log for each row execute function kaoping_audit_log_refuse()',
    'create trigger audit_log_no_truncate before truncate on audit_log for each statement execute function kaoping_audit_log_refuse()',
  ],
  // 0005: what changes order lines or brand prices drops the months' cached totals.
  'create trigger orders_month_cache_update': [
    afterRow('kaoping_orders_month_cache_update', 'delete from order_month_cache where month in (substr(old.date, 1, 7), substr(new.date, 1, 7))'),
    'create trigger orders_month_cache_update after update on orders for each row execute function kaoping_orders_month_cache_update()',
  ],
  'create trigger orders_month_cache_delete': [
    afterRow('kaoping_orders_month_cache_delete', 'delete from order_month_cache where month = substr(old.date, 1, 7)'),
    'create trigger orders_month_cache_delete after delete on orders for each row execute function kaoping_orders_month_cache_delete()',
  ],
  'create trigger brands_month_cache_update': [
    brandsStale,
    `create trigger brands_month_cache_update after update of retail_price, wholesale_price on brands for each row
  when (old.retail_price is distinct from new.retail_price or old.wholesale_price is distinct from new.wholesale_price)
  execute function kaoping_brands_month_cache_stale()`,
  ],
  'create trigger brands_month_cache_delete': [
    brandsStale,
    'create trigger brands_month_cache_delete after delete on brands for each row execute function kaoping_brands_month_cache_stale()',
  ],
  // 0007: the audit chain drops the update trigger to hash the old rows, then puts it back, and
  // adds the insert check: the next id and a hash. SQLite also compares with sqlite_sequence (the
  // highest id ever, deleted rows included) and backend/db/auditSequence.ts reads it to tell a cut
  // tail; here the trigger keeps that high-water mark in audit_log_sequence, in the inserting
  // transaction (a sequence's setval would survive a rollback and then look like a cut tail).
  'drop trigger audit_log_no_update': ['drop trigger audit_log_no_update on audit_log'],
  'create trigger audit_log_append_only': [
    'create table audit_log_sequence (seq bigint not null)',
    'insert into audit_log_sequence (seq) select coalesce(max(id), 0) from audit_log',
    triggerFunction(
      'kaoping_audit_log_append_only',
      `if new.hash is null or new.id <= (select coalesce(max(id), 0) from audit_log) or new.id <= (select seq from audit_log_sequence) then
    raise exception 'audit_log is append-only: a new row needs the next id and a hash';
  end if;
  update audit_log_sequence set seq = new.id;
  return new;`,
    ),
    'create trigger audit_log_append_only before insert on audit_log for each row execute function kaoping_audit_log_append_only()',
  ],
};
