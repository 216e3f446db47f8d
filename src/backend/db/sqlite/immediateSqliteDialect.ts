import { CompiledQuery, SqliteDialect, type DatabaseConnection, type Driver } from 'kysely';

/**
 * SQLite's dialect whose transactions begin IMMEDIATE: the write lock is taken at BEGIN, as the
 * desktop's writes always did (busy_timeout waits for it there), so a transaction that reads first
 * and writes later never fails half-way with SQLITE_BUSY because another process wrote meanwhile.
 */
export class ImmediateSqliteDialect extends SqliteDialect {
  override createDriver(): Driver {
    const driver = super.createDriver();
    driver.beginTransaction = async (connection: DatabaseConnection) => {
      await connection.executeQuery(CompiledQuery.raw('begin immediate'));
    };
    return driver;
  }
}
