import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../isPostgres';

/**
 * Frozen: on PostgreSQL only, an aggregate kaoping_fsum(double precision) that sums as SQLite's
 * sum() does since 3.43 (Kahan–Babuška–Neumaier: a running sum and its lost low-order part,
 * added at the end), so that the order month totals, and the margins computed from them, come
 * out to the last bit as on SQLite; PostgreSQL's own sum(float8) adds naively and differs in the
 * last place (backend/db/floatSum.ts picks the aggregate by dialect). State: sum, error, seen.
 * Nothing on SQLite.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`
    create function kaoping_fsum_step(state double precision[], r double precision) returns double precision[]
    language plpgsql immutable as $body$
    declare
      s double precision := state[1];
      t double precision;
    begin
      if r is null then return state; end if;
      t := s + r;
      if abs(s) > abs(r) then
        state[2] := state[2] + ((s - t) + r);
      else
        state[2] := state[2] + ((r - t) + s);
      end if;
      state[1] := t;
      state[3] := 1;
      return state;
    end
    $body$`.execute(db);
  await sql`
    create function kaoping_fsum_final(state double precision[]) returns double precision
    language sql immutable as $body$ select case when $1[3] = 0 then null else $1[1] + $1[2] end $body$`.execute(db);
  await sql`
    create aggregate kaoping_fsum(double precision) (
      sfunc = kaoping_fsum_step, stype = double precision[], finalfunc = kaoping_fsum_final, initcond = '{0,0,0}'
    )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`drop aggregate kaoping_fsum(double precision)`.execute(db);
  await sql`drop function kaoping_fsum_final(double precision[])`.execute(db);
  await sql`drop function kaoping_fsum_step(double precision[], double precision)`.execute(db);
}
