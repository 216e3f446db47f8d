import { sql, type Kysely, type RawBuilder } from 'kysely';
import { isPostgres } from './isPostgres';

/**
 * sum() of floating-point values, the same to the last bit on both stores: SQLite's sum() on
 * SQLite; on PostgreSQL kaoping_fsum (migration 0019), which adds as SQLite does
 * (Kahan–Babuška–Neumaier) where PostgreSQL's sum(float8) adds naively.
 */
export function floatSum<T extends number | null>(db: Kysely<any>, expr: RawBuilder<unknown>): RawBuilder<T> {
  return isPostgres(db) ? sql<T>`kaoping_fsum(${expr})` : sql<T>`sum(${expr})`;
}
