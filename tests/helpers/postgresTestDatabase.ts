import crypto from 'node:crypto';
import pg from 'pg';
import { afterAll } from 'vitest';

/** KAOPING_TEST_PG when the PostgreSQL tests run (see postgresGlobalSetup.ts), else undefined. */
export function postgresTestUrl(): string | undefined {
  const url = process.env.KAOPING_TEST_PG;
  return url && url !== 'off' ? url : undefined;
}

/** Why the PostgreSQL tests skip, for the describe's title (empty when they run). */
export function postgresSkipReason(): string {
  if (postgresTestUrl()) return '';
  return process.env.KAOPING_TEST_PG === 'off' ? ' (skipped: KAOPING_TEST_PG=off)' : ` (skipped: ${process.env.KAOPING_TEST_PG_MISSING ?? 'KAOPING_TEST_PG is not set'})`;
}

/** A URL naming another database on the same server (query kept: it carries the socket folder). */
function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** A new empty database on the test server, dropped after the test file; its postgres:// URL. */
export async function freshPostgresDatabase(baseUrl: string): Promise<string> {
  const name = `kaoping_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  afterAll(async () => {
    const dropper = new pg.Client({ connectionString: baseUrl });
    await dropper.connect();
    try {
      await dropper.query(`drop database if exists ${name} with (force)`);
    } finally {
      await dropper.end();
    }
  });
  return withDatabase(baseUrl, name);
}
