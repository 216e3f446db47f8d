import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { openStore } from '../../src/backend/db/openStore';
import { openStoreAt } from '../../src/backend/db/openStoreAt';
import { copySqliteStoreToPostgres } from '../../src/backend/db/postgres/copySqliteStoreToPostgres';
import { importFile } from '../../src/backend/services/import/importFile';
import { BENCH_NOW } from '../benchClock';
import { secondsSince, startClock, stringParam, type TaskParams, type TaskResult } from '../childProtocol';
import { readProcessCpuSeconds, readProcessMemory } from '../runChild';

/** A URL naming another database on the same server (the query keeps the socket folder). */
function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** A new empty database for one run, and how to drop it afterwards. */
async function freshDatabase(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `kaoping_bench_${crypto.randomBytes(5).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  return { url: withDatabase(serverUrl, name), drop: () => admin(`drop database if exists ${name} with (force)`) };
}

/**
 * Kaoping's import of GB18030 order rows into PostgreSQL, end to end (read, detect, parse, link,
 * stage with COPY, upsert, commit), into a fresh database holding the demo's master data (the
 * SQLite template copied in). CPU is this process's only: the server's share is not counted.
 */
export async function postgresImportTask(params: TaskParams): Promise<TaskResult> {
  const database = await freshDatabase(stringParam(params, 'serverUrl'));
  try {
    const store = await openStoreAt(database.url);
    try {
      // The copy needs the same schema on both sides: a template cached by older code is migrated first.
      await (await openStore(stringParam(params, 'template'), { backupBeforeMigrate: false })).close();
      const template = new BetterSqlite3(stringParam(params, 'template'), { readonly: true });
      try {
        await copySqliteStoreToPostgres(template, database.url);
      } finally {
        template.close();
      }
      const clock = startClock();
      const report = await importFile(store, stringParam(params, 'file'), { now: BENCH_NOW });
      const seconds = clock.seconds();
      const cpuSeconds = clock.cpuSeconds();
      if (report.status !== 'imported') throw new Error(`import refused: ${report.message ?? report.status}`);
      const { rows, inserted, unlinked, rejected } = report.counts;
      return { seconds, cpuSeconds, rows, rowsPerSecond: rows / seconds, rowsPerCpuSecond: rows / cpuSeconds, inserted, unlinked, rejected };
    } finally {
      await store.close();
    }
  } finally {
    await database.drop();
  }
}

/**
 * The floor for loading rows into PostgreSQL: psql's `\copy` of the UTF-8 copy of the same rows
 * into a plain table of text columns (no parsing, keys or links). Wall time from spawn to exit;
 * psql's own CPU and peak RSS polled from /proc (the server's work is not in them).
 */
export async function psqlCopyTask(params: TaskParams): Promise<TaskResult> {
  const csv = stringParam(params, 'csv');
  const database = await freshDatabase(stringParam(params, 'serverUrl'));
  try {
    const header = fs.readFileSync(csv, 'utf8').slice(0, 4096).split('\n')[0]?.replace(/^\uFEFF/, '').trim().split(',') ?? [];
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query(`create table orders_raw (${header.map((c) => `"${c.replace(/"/g, '""')}" text`).join(', ')})`);
    } finally {
      await client.end();
    }
    const psql = stringParam(params, 'psql');
    const started = performance.now();
    const child = spawn(psql, ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', database.url, '-c', `\\copy orders_raw from '${path.resolve(csv).replace(/'/g, "''")}' with (format csv, header true)`], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    let peakMb = 0;
    let cpuSeconds = 0;
    const poll = setInterval(() => {
      const memory = readProcessMemory(child.pid ?? -1);
      if (memory) peakMb = Math.max(peakMb, memory.hwmMb);
      cpuSeconds = readProcessCpuSeconds(child.pid ?? -1) ?? cpuSeconds;
    }, 20);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const seconds = secondsSince(started);
    clearInterval(poll);
    if (code !== 0) throw new Error(`psql \\copy failed (${code}): ${stderr.trim()}`);
    const counter = new pg.Client({ connectionString: database.url });
    await counter.connect();
    const rows = Number((await counter.query('select count(*) as n from orders_raw')).rows[0]?.n ?? 0);
    await counter.end();
    return { seconds, cpuSeconds, rows, rowsPerSecond: rows / seconds, rowsPerCpuSecond: cpuSeconds > 0 ? rows / cpuSeconds : null, peakRssMb: peakMb };
  } finally {
    await database.drop();
  }
}
