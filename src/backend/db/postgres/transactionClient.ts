import { CompiledQuery, type Kysely } from 'kysely';
import type pg from 'pg';

/** A statement no server ever sees: the pooled client answers it with itself (exposeClients). */
const CLIENT_QUERY = '-- kaoping: which client runs this connection';

/**
 * Lets a kysely transaction hand out its pg client, for what kysely cannot send: COPY (through
 * pg-copy-streams) on the transaction's own connection, so the copied rows are the transaction's.
 * Each client of the pool answers CLIENT_QUERY with itself; every other query passes through.
 */
export function exposeClients(pool: pg.Pool): void {
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) =>
      args[0] === CLIENT_QUERY ? Promise.resolve({ command: 'SELECT', rowCount: 1, rows: [client] }) : query(...args);
  });
}

/** The pg client a kysely transaction runs on (the store must come from openPostgresStore). */
export async function transactionClient<DB>(trx: Kysely<DB>): Promise<pg.PoolClient> {
  if (!trx.isTransaction) throw new Error('transactionClient: needs a transaction (a plain db would hand out any pooled client)');
  const result = await trx.executeQuery(CompiledQuery.raw(CLIENT_QUERY));
  const client = result.rows[0] as pg.PoolClient | undefined;
  if (client === undefined || typeof client.query !== 'function') throw new Error('transactionClient: the store was not opened by openPostgresStore');
  return client;
}
